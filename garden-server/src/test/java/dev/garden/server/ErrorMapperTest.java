package dev.garden.server;

import dev.garden.core.ErrorKind;
import dev.garden.core.ErrorReason;
import dev.garden.core.GardenException;
import dev.garden.wire.google.ErrorResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorMapperTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "INVALID_ARGUMENT, 400",
            "UNAUTHENTICATED, 401",
            "PERMISSION_DENIED, 403",
            "NOT_FOUND, 404",
            "ALREADY_EXISTS, 409",
            "RESOURCE_EXHAUSTED, 429",
            "FAILED_PRECONDITION, 400",
            "CANCELLED, 499",
            "INTERNAL, 500",
            "UNAVAILABLE, 503",
            "DEADLINE_EXCEEDED, 504"
    })
    void map_gardenException_usesGoogleStatusAndKeepsMessage(ErrorKind kind, int status) {
        HttpFailure failure = ErrorMapper.map(GardenException.of(kind, "Told to the caller."));

        assertThat(failure.httpStatus()).isEqualTo(status);
        assertThat(failure.body()).isEqualTo(ErrorResponse.of(status, kind.name(), "Told to the caller."));
        assertThat(failure.retryAfter()).isEmpty();
    }

    @Test
    void map_everyKind_hasAStatus() {
        for (ErrorKind kind : ErrorKind.values()) {
            assertThat(ErrorMapper.httpStatus(kind)).isBetween(400, 599);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "PT1.5S, 2",
            "PT2S, 2",
            "PT0.000000001S, 1",
            "PT0S, 0",
            "PT-1S, 0",
            "PT59.9S, 60"
    })
    void map_retryAfter_roundsUpToWholeSeconds(Duration retryAfter, String header) {
        HttpFailure failure = ErrorMapper.map(GardenException.resourceExhausted("Busy.", retryAfter));

        assertThat(failure.httpStatus()).isEqualTo(429);
        assertThat(failure.retryAfterSeconds()).contains(header);
    }

    @Test
    void map_unexpectedException_isGenericInternalWithoutItsMessage() {
        HttpFailure failure = ErrorMapper.map(new IllegalStateException("secret-internal-detail"));

        assertThat(failure.httpStatus()).isEqualTo(500);
        assertThat(failure.body()).isEqualTo(ErrorResponse.of(500, "INTERNAL", "Internal error encountered."));
        assertThat(Json.write(failure.body())).asString().doesNotContain("secret");
    }

    @Test
    void map_payloadTooLarge_is413WithGooglesMessage() {
        HttpFailure failure = ErrorMapper.map(new PayloadTooLargeException(20_971_520));

        assertThat(failure).isEqualTo(new HttpFailure(413, ErrorResponse.of(413, "INVALID_ARGUMENT",
                "Request payload size exceeds the limit: 20971520 bytes.")));
    }

    @Test
    void map_reasonOnTheException_becomesAnErrorInfoDetail() throws Exception {
        GardenException denied = GardenException.permissionDenied(
                "Permission 'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis.com/projects/p'.",
                new ErrorReason("IAM_PERMISSION_DENIED", "iam.googleapis.com",
                        java.util.Map.of("permission", "aiplatform.endpoints.predict")));

        HttpFailure failure = ErrorMapper.map(denied);

        assertThat(failure.httpStatus()).isEqualTo(403);
        assertThat(new String(Json.write(failure.body()), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(
                "{\"error\":{\"code\":403,\"message\":\"Permission 'aiplatform.endpoints.predict' denied on"
                        + " resource '//aiplatform.googleapis.com/projects/p'.\",\"status\":\"PERMISSION_DENIED\","
                        + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
                        + "\"reason\":\"IAM_PERMISSION_DENIED\",\"domain\":\"iam.googleapis.com\","
                        + "\"metadata\":{\"permission\":\"aiplatform.endpoints.predict\"}}]}}");
        assertThat(failure.wwwAuthenticate()).isEmpty();
    }

    @Test
    void map_unauthenticated_carriesABearerChallenge_invalidTokenOnlyWhenOneWasSent() {
        HttpFailure missing = ErrorMapper.map(GardenException.unauthenticated("Request is missing credentials.",
                ErrorReason.googleapis("CREDENTIALS_MISSING", java.util.Map.of())));
        HttpFailure expired = ErrorMapper.map(GardenException.unauthenticated("Request had invalid credentials.",
                ErrorReason.googleapis("ACCESS_TOKEN_EXPIRED", java.util.Map.of())));

        assertThat(missing.httpStatus()).isEqualTo(401);
        assertThat(missing.wwwAuthenticate()).contains("Bearer realm=\"garden\"");
        assertThat(expired.wwwAuthenticate()).contains("Bearer realm=\"garden\", error=\"invalid_token\"");
    }

    @Test
    void methodNotAllowed_listsAllowedMethods() {
        HttpFailure failure = ErrorMapper.methodNotAllowed("GET", "/healthz", List.of("POST"));

        assertThat(failure.httpStatus()).isEqualTo(405);
        assertThat(failure.body().error().status()).isEqualTo("INVALID_ARGUMENT");
        assertThat(failure.body().error().message()).isEqualTo("Method GET is not allowed for /healthz; use POST.");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400, INVALID_ARGUMENT",
            "404, NOT_FOUND",
            "408, INVALID_ARGUMENT",
            "413, INVALID_ARGUMENT",
            "431, INVALID_ARGUMENT",
            "500, INTERNAL",
            "501, UNIMPLEMENTED",
            "503, UNAVAILABLE",
            "505, INTERNAL"
    })
    void canonicalStatus_httpStatus_mapsToGoogleCode(int httpStatus, String status) {
        assertThat(ErrorMapper.canonicalStatus(httpStatus)).isEqualTo(status);
    }
}
