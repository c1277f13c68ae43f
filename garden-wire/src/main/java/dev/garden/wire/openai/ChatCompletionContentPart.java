package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Objects;

/** One part of a message's content, told apart by its {@code type}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ChatCompletionContentPart.Text.class, name = "text"),
        @JsonSubTypes.Type(value = ChatCompletionContentPart.Image.class, name = "image_url"),
        @JsonSubTypes.Type(value = ChatCompletionContentPart.Audio.class, name = "input_audio")
})
public sealed interface ChatCompletionContentPart {

    /**
     * {@code {"type": "text", "text": "..."}}.
     *
     * @param text the text
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Text(@JsonProperty("text") String text) implements ChatCompletionContentPart {
        /** Rejects a missing required component. */
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * {@code {"type": "image_url", "image_url": {"url": "...", "detail": "auto"}}}.
     *
     * @param imageUrl where the image is
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Image(@JsonProperty("image_url") ImageUrl imageUrl) implements ChatCompletionContentPart {
        /** Rejects a missing required component. */
        public Image {
            Objects.requireNonNull(imageUrl, "imageUrl");
        }
    }

    /**
     * {@code {"type": "input_audio", "input_audio": {"data": "...", "format": "wav"}}}.
     *
     * @param inputAudio the audio
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Audio(@JsonProperty("input_audio") InputAudio inputAudio) implements ChatCompletionContentPart {
        /** Rejects a missing required component. */
        public Audio {
            Objects.requireNonNull(inputAudio, "inputAudio");
        }
    }

    /**
     * The {@code image_url} object of an image part.
     *
     * @param url    a {@code data:}, {@code https:} or {@code gs://} URL
     * @param detail {@code auto}, {@code low} or {@code high}; {@code null} when absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImageUrl(@JsonProperty("url") String url, @JsonProperty("detail") String detail) {
        /** Rejects a missing required component. */
        public ImageUrl {
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * The {@code input_audio} object of an audio part.
     *
     * @param data   the audio, base64-encoded (Vertex AI also takes a URI)
     * @param format the audio format, e.g. {@code wav} or {@code mp3}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InputAudio(@JsonProperty("data") String data, @JsonProperty("format") String format) {
        /** Rejects a missing required component. */
        public InputAudio {
            Objects.requireNonNull(data, "data");
        }
    }
}
