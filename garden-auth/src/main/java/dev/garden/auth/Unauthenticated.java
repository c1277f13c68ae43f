package dev.garden.auth;

import dev.garden.core.ErrorReason;
import dev.garden.core.GardenException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builders of Google's {@code UNAUTHENTICATED} answers. */
final class Unauthenticated {
    /** Google's message when no credential came. */
    static final String MISSING_CREDENTIALS = "Request is missing required authentication credential. Expected"
            + " OAuth 2 access token, login cookie or other valid authentication credential. See"
            + " https://developers.google.com/identity/sign-in/web/devconsole-project.";
    /** Google's message when a credential came and was refused, whatever the reason. */
    static final String INVALID_CREDENTIALS = "Request had invalid authentication credentials. Expected OAuth 2"
            + " access token, login cookie or other valid authentication credential. See"
            + " https://developers.google.com/identity/sign-in/web/devconsole-project.";
    /** The service Google names in the metadata of Vertex AI's errors. */
    static final String SERVICE = "aiplatform.googleapis.com";

    private Unauthenticated() {
    }

    static GardenException missing(String method) {
        return exception(MISSING_CREDENTIALS, "CREDENTIALS_MISSING", method);
    }

    static GardenException exception(String message, String reason, String method) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("service", SERVICE);
        metadata.put("method", method);
        return GardenException.unauthenticated(message, ErrorReason.googleapis(reason, metadata));
    }
}
