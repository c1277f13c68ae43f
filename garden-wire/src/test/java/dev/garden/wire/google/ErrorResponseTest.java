package dev.garden.wire.google;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponseTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serialize_withoutDetails_omitsDetails() throws Exception {
        ErrorResponse error = ErrorResponse.of(400, "INVALID_ARGUMENT", "Bad.");

        assertThat(json.writeValueAsString(error))
                .isEqualTo("{\"error\":{\"code\":400,\"message\":\"Bad.\",\"status\":\"INVALID_ARGUMENT\"}}");
    }

    @Test
    void serialize_withErrorInfo_writesTypeUrlFirst() throws Exception {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("service", "aiplatform.googleapis.com");
        metadata.put("method", "google.cloud.aiplatform.v1.PredictionService.ChatCompletions");
        ErrorResponse error = new ErrorResponse(new Status(401, "Expired.", "UNAUTHENTICATED",
                List.of(new ErrorInfo("ACCESS_TOKEN_EXPIRED", "googleapis.com", metadata))));

        assertThat(json.writeValueAsString(error)).isEqualTo("""
                {"error":{"code":401,"message":"Expired.","status":"UNAUTHENTICATED","details":[\
                {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_EXPIRED",\
                "domain":"googleapis.com","metadata":{"service":"aiplatform.googleapis.com",\
                "method":"google.cloud.aiplatform.v1.PredictionService.ChatCompletions"}}]}}""");
    }

    @Test
    void roundTrip_withErrorInfo_isEqual() throws Exception {
        ErrorResponse error = new ErrorResponse(new Status(429, "Slow down.", "RESOURCE_EXHAUSTED",
                List.of(new ErrorInfo("RATE_LIMIT_EXCEEDED", "googleapis.com", Map.of("quota", "1")))));

        assertThat(json.readValue(json.writeValueAsString(error), ErrorResponse.class)).isEqualTo(error);
    }

    @Test
    void deserialize_googleBodyWithoutDetails_hasEmptyDetails() throws Exception {
        ErrorResponse error = json.readValue(
                "{\"error\":{\"code\":404,\"message\":\"No.\",\"status\":\"NOT_FOUND\"}}", ErrorResponse.class);

        assertThat(error.error().details()).isEmpty();
        assertThat(error.error().code()).isEqualTo(404);
    }
}
