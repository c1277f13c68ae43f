package dev.garden.auth;

import dev.garden.core.ErrorReason;
import dev.garden.core.GardenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;

import static dev.garden.auth.AuthFixture.BOT;
import static dev.garden.auth.AuthFixture.METHOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Authorization header, and the exact errors Google sends for it. */
class BearerAuthenticatorTest {
    private static final String MISSING = "Request is missing required authentication credential. Expected OAuth 2"
            + " access token, login cookie or other valid authentication credential. See"
            + " https://developers.google.com/identity/sign-in/web/devconsole-project.";
    private static final String INVALID = "Request had invalid authentication credentials. Expected OAuth 2 access"
            + " token, login cookie or other valid authentication credential. See"
            + " https://developers.google.com/identity/sign-in/web/devconsole-project.";

    private final AuthFixture world = new AuthFixture();

    @Test
    void authenticate_noHeader_isCredentialsMissingAsGoogleSendsIt() {
        GardenException e = world.refusedHeader(Optional.empty());

        assertThat(e.getMessage()).isEqualTo(MISSING);
        assertThat(e.reason()).contains(new ErrorReason("CREDENTIALS_MISSING", "googleapis.com",
                Map.of("service", "aiplatform.googleapis.com", "method", METHOD)));
        assertThat(e.reason().orElseThrow().metadata().keySet()).containsExactly("service", "method");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Bearer", "Bearer ", "bearer    "})
    void authenticate_emptyOrBearerWithoutToken_isCredentialsMissing(String header) {
        GardenException e = world.refusedHeader(Optional.of(header));

        assertThat(e.reason().orElseThrow().reason()).isEqualTo("CREDENTIALS_MISSING");
        assertThat(e.getMessage()).isEqualTo(MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic Ym90OnNlY3JldA==", "Token abc", "ya29.a0AfH6SMBx", "Bearerx abc", "Digest x=y"})
    void authenticate_notABearerToken_isTypeUnsupported(String header) {
        GardenException e = world.refusedHeader(Optional.of(header));

        assertThat(e.reason()).contains(new ErrorReason("ACCESS_TOKEN_TYPE_UNSUPPORTED", "googleapis.com",
                Map.of("service", "aiplatform.googleapis.com", "method", METHOD)));
        assertThat(e.getMessage()).isEqualTo(INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ya29.a0AfH6SMBx-google-token", "sk-proj-openai-key", "garbage", "a.b", "a.b.c.d",
            "eyJ.eyJ.", "gat2.abc.def", "😀"})
    void authenticate_garbageBearerToken_isTypeUnsupported(String token) {
        GardenException e = world.refusedHeader(Optional.of("Bearer " + token));

        assertThat(e.reason().orElseThrow().reason()).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        assertThat(e.getMessage()).isEqualTo(INVALID);
    }

    @Test
    void authenticate_expired_isAccessTokenExpiredWithGooglesMessage() {
        String token = world.botAccessToken();
        world.clock.advance(java.time.Duration.ofHours(2));

        GardenException e = world.refusedHeader(Optional.of("Bearer " + token));
        assertThat(e.reason()).contains(new ErrorReason("ACCESS_TOKEN_EXPIRED", "googleapis.com",
                Map.of("service", "aiplatform.googleapis.com", "method", METHOD)));
        assertThat(e.getMessage()).isEqualTo(INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer %s", "bearer %s", "BEARER %s", "  Bearer   %s  ", "Bearer\t%s"})
    void authenticate_bearerSchemeInAnyCaseAndSpacing_isAccepted(String format) {
        String token = world.botAccessToken();

        Principal principal = world.auth.requestAuthenticator().authenticate(Optional.of(format.formatted(token)),
                METHOD);
        assertThat(principal.email()).isEqualTo(BOT);
    }

    @Test
    void authenticate_methodIsCarriedIntoTheMetadata() {
        GardenException e = org.assertj.core.api.Assertions.catchThrowableOfType(GardenException.class,
                () -> world.auth.requestAuthenticator().authenticate(Optional.empty(), "custom.Method"));

        assertThat(e.reason().orElseThrow().metadata()).containsEntry("method", "custom.Method");
    }

    @Test
    void authenticate_nullMethod_isAProgrammingError() {
        assertThatThrownBy(() -> world.auth.requestAuthenticator().authenticate(Optional.empty(), null))
                .isInstanceOf(NullPointerException.class);
    }
}
