package dev.garden.wire.openai;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * A message's {@code content}, which the API accepts in two shapes: a string, or an array of typed parts.
 * Written back in the shape it was read.
 */
@JsonDeserialize(using = MessageContent.Deserializer.class)
public sealed interface MessageContent {

    /**
     * Content given as one string.
     *
     * @param text the string
     */
    record Text(String text) implements MessageContent {
        /** Rejects a missing required component. */
        public Text {
            Objects.requireNonNull(text, "text");
        }

        /** The string, written as the whole {@code content} value. */
        @JsonValue
        @Override
        public String text() {
            return text;
        }
    }

    /**
     * Content given as an array of parts.
     *
     * @param parts the parts, in order
     */
    record Parts(List<ChatCompletionContentPart> parts) implements MessageContent {
        /** Copies collections, so the record stays immutable. */
        public Parts {
            parts = List.copyOf(parts);
        }

        /** The parts, written as the whole {@code content} value. */
        @JsonValue
        @Override
        public List<ChatCompletionContentPart> parts() {
            return parts;
        }
    }

    /** Reads either shape; anything else is a mismatch Jackson reports with the field's path. */
    final class Deserializer extends StdDeserializer<MessageContent> {
        /** Made by Jackson through {@link JsonDeserialize}. */
        public Deserializer() {
            super(MessageContent.class);
        }

        @Override
        public MessageContent deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_STRING) {
                return new Text(parser.getText());
            }
            if (token == JsonToken.START_ARRAY) {
                JavaType listOfParts = context.getTypeFactory()
                        .constructCollectionType(List.class, ChatCompletionContentPart.class);
                List<ChatCompletionContentPart> parts = context.readValue(parser, listOfParts);
                return new Parts(parts);
            }
            return (MessageContent) context.handleUnexpectedToken(MessageContent.class, parser);
        }
    }
}
