package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.util.Objects;

/**
 * A request's {@code tool_choice}, which the API accepts in two shapes: a mode string ({@code none}, {@code auto},
 * {@code required}, and Vertex AI's {@code validated}), or {@code {"type": "function", "function": {"name": ...}}}
 * ({@code ChatCompletionNamedToolChoice}). Written back in the shape it was read.
 */
@JsonDeserialize(using = ChatCompletionToolChoiceOption.Deserializer.class)
public sealed interface ChatCompletionToolChoiceOption {

    /**
     * A mode given as a string.
     *
     * @param mode {@code none}, {@code auto}, {@code required} or {@code validated}
     */
    record Mode(String mode) implements ChatCompletionToolChoiceOption {
        /** Rejects a missing required component. */
        public Mode {
            Objects.requireNonNull(mode, "mode");
        }

        /** The string, written as the whole {@code tool_choice} value. */
        @JsonValue
        @Override
        public String mode() {
            return mode;
        }
    }

    /**
     * {@code ChatCompletionNamedToolChoice}: the model must call this function.
     *
     * @param type     always {@value ChatCompletionTool#TYPE_FUNCTION}
     * @param function the function to call
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"type", "function"})
    // Read as a plain record: the interface's deserializer would otherwise be inherited and call itself.
    @JsonDeserialize(using = JsonDeserializer.None.class)
    record Named(@JsonProperty("type") String type, @JsonProperty("function") Function function)
            implements ChatCompletionToolChoiceOption {
        /** Rejects a missing required component. */
        public Named {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(function, "function");
        }

        /** A call to the named function. */
        public static Named function(String name) {
            return new Named(ChatCompletionTool.TYPE_FUNCTION, new Function(name));
        }
    }

    /**
     * The {@code function} of a named tool choice.
     *
     * @param name the function's name
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Function(@JsonProperty("name") String name) {
        /** Rejects a missing required component. */
        public Function {
            Objects.requireNonNull(name, "name");
        }
    }

    /** Reads either shape; anything else is a mismatch Jackson reports with the field's path. */
    final class Deserializer extends StdDeserializer<ChatCompletionToolChoiceOption> {
        /** Made by Jackson through {@link JsonDeserialize}. */
        public Deserializer() {
            super(ChatCompletionToolChoiceOption.class);
        }

        @Override
        public ChatCompletionToolChoiceOption deserialize(JsonParser parser, DeserializationContext context)
                throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return new Mode(parser.getText());
            }
            if (token == JsonToken.START_OBJECT) {
                return context.readValue(parser, Named.class);
            }
            return (ChatCompletionToolChoiceOption) context.handleUnexpectedToken(
                    ChatCompletionToolChoiceOption.class, parser);
        }
    }
}
