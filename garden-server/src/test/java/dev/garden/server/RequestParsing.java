package dev.garden.server;

import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.wire.openai.ChatCompletionRequest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Helpers for the request-parsing tests: a valid request plus parameters, parsed or refused. */
final class RequestParsing {
    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";

    private RequestParsing() {
    }

    static ChatCompletionRequest parse(String json) {
        return ChatCompletionRequestParser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parsed, then mapped to the domain. */
    static InferenceRequest toDomain(String json) {
        return InferenceRequests.toDomain(parse(json));
    }

    /** The message of the {@code INVALID_ARGUMENT} the body is refused with. */
    static String failure(String json) {
        GardenException e = catchThrowableOfType(GardenException.class, () -> parse(json));
        assertThat(e).as("parsing %s", json).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
        return e.getMessage();
    }

    /** A valid request with more parameters, e.g. {@code "n":2,"seed":1}. */
    static String withParameters(String parameters) {
        return "{\"model\":\"scripted/echo\"," + MESSAGES + "," + parameters + "}";
    }
}
