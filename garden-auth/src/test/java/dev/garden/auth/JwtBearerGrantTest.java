package dev.garden.auth;

import dev.garden.auth.OAuthResponse.ErrorResponse;
import dev.garden.identity.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.garden.auth.AuthFixture.BOT;
import static dev.garden.auth.AuthFixture.BOT_KEYS;
import static dev.garden.auth.AuthFixture.BOT_KEY_ID;
import static dev.garden.auth.AuthFixture.OTHER_KEYS;
import static dev.garden.auth.AuthFixture.OTHER_KEY_ID;
import static dev.garden.auth.AuthFixture.ROGUE_KEYS;
import static dev.garden.auth.AuthFixture.error;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}: each client's assertion, and every attack. */
class JwtBearerGrantTest {
    private static final String TIMEFRAME = "Invalid JWT: Token must be a short-lived token (60 minutes) and in a"
            + " reasonable timeframe. Check your iat and exp values in the JWT claim.";

    private final AuthFixture world = new AuthFixture();

    @Test
    void token_javaAssertion_issuesAnHourLongBearerToken() {
        OAuthResponse response = world.jwtBearer(world.javaAssertion().sign(BOT_KEYS.getPrivate()));

        assertThat(response.httpStatus()).isEqualTo(200);
        OAuthResponse.AccessToken token = (OAuthResponse.AccessToken) response;
        assertThat(token.expiresIn()).isEqualTo(3599);
        assertThat(token.tokenType()).isEqualTo("Bearer");
        assertThat(response.body()).containsExactly(Map.entry("access_token", token.accessToken()),
                Map.entry("expires_in", 3599L), Map.entry("token_type", "Bearer"));
        assertThat(world.authenticate(token.accessToken())).isEqualTo(new Principal(Member.serviceAccount(BOT),
                Principal.Via.ACCESS_TOKEN_FROM_KEY, BOT_KEY_ID));
    }

    @Test
    void token_python151Assertion_paddedAndAudienceTheKeyFilesTokenUri() {
        String assertion = world.python151Assertion().sign(BOT_KEYS.getPrivate());

        assertThat(assertion).contains("=");
        assertThat(world.authenticate(AuthFixture.accessToken(world.jwtBearer(assertion))).email()).isEqualTo(BOT);
    }

    @Test
    void token_paddedAndUnpaddedSpellingsOfTheSameAssertion_bothWork() {
        Jwt jwt = world.javaAssertion();
        String unpadded = jwt.sign(BOT_KEYS.getPrivate());
        String padded = jwt.padded().sign(BOT_KEYS.getPrivate());

        assertThat(padded).isNotEqualTo(unpadded).contains("=");
        assertThat(world.jwtBearer(unpadded).httpStatus()).isEqualTo(200);
        assertThat(world.jwtBearer(padded).httpStatus()).isEqualTo(200);
    }

    @Test
    void token_nodeAssertion_noKidAndTheV4TokenUri() {
        String assertion = world.nodeAssertion().sign(BOT_KEYS.getPrivate());

        assertThat(world.jwtBearer(assertion).httpStatus()).isEqualTo(200);
    }

    @Test
    void token_scopeAbsentEmptyOrAnything_isAccepted() {
        for (Object scope : new Object[]{null, "", "https://www.googleapis.com/auth/cloud-platform openid"}) {
            String assertion = world.javaAssertion().claim("scope", scope).sign(BOT_KEYS.getPrivate());
            assertThat(world.jwtBearer(assertion).httpStatus()).as(String.valueOf(scope)).isEqualTo(200);
        }
    }

    @Test
    void token_subEqualToIss_isAccepted() {
        String assertion = world.javaAssertion().claim("sub", BOT).sign(BOT_KEYS.getPrivate());

        assertThat(world.jwtBearer(assertion).httpStatus()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://oauth2.googleapis.com/token", "https://www.googleapis.com/oauth2/v4/token",
            "https://garden.example.com/token", "https://garden.example.com/token/"})
    void token_acceptedAudiences(String aud) {
        String assertion = world.javaAssertion().claim("aud", aud).sign(BOT_KEYS.getPrivate());

        assertThat(world.jwtBearer(assertion).httpStatus()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://garden.example.com/", "https://aiplatform.googleapis.com/",
            "https://evil.example.com/token", "https://oauth2.googleapis.com/token?x", ""})
    void token_wrongAudience_isInvalidGrant(String aud) {
        String assertion = world.javaAssertion().claim("aud", aud).sign(BOT_KEYS.getPrivate());

        ErrorResponse error = error(world.jwtBearer(assertion));
        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(error.error()).isEqualTo("invalid_grant");
        assertThat(error.errorDescription()).startsWith("Invalid JWT: Failed audience check.")
                .contains("https://oauth2.googleapis.com/token", "https://garden.example.com/token");
    }

    @Test
    void token_noAudience_selfSignedStyle_isNoAssertion() {
        String selfSigned = world.nodeSelfSigned().sign(BOT_KEYS.getPrivate());

        assertThat(error(world.jwtBearer(selfSigned)).errorDescription()).startsWith("Invalid JWT: Failed audience");
    }

    @Test
    void token_forgedSignature_isInvalidJwtSignature() {
        assertInvalidGrant(world.javaAssertion().sign(ROGUE_KEYS.getPrivate()), "Invalid JWT Signature.");
        assertInvalidGrant(world.nodeAssertion().sign(ROGUE_KEYS.getPrivate()), "Invalid JWT Signature.");
    }

    @Test
    void token_algNone_isRefused() {
        assertInvalidGrant(world.javaAssertion().header("alg", "none").unsigned(),
                "Invalid JWT: the signature algorithm must be RS256.");
    }

    @Test
    void token_hs256WithThePublicKeyAsSecret_isRefused() {
        byte[] publicKeyBytes = BOT_KEYS.getPublic().getEncoded();

        assertInvalidGrant(world.javaAssertion().header("alg", "HS256").signHmac(publicKeyBytes),
                "Invalid JWT: the signature algorithm must be RS256.");
    }

    @Test
    void token_expired_isTheTimeframeError() {
        String assertion = world.javaAssertion().sign(BOT_KEYS.getPrivate());
        world.clock.advance(Duration.ofMinutes(65));

        assertInvalidGrant(assertion, TIMEFRAME);
    }

    @Test
    void token_withinTheSkewAfterExpiry_isAccepted() {
        String assertion = world.javaAssertion().sign(BOT_KEYS.getPrivate());
        world.clock.advance(Duration.ofMinutes(64));

        assertThat(world.jwtBearer(assertion).httpStatus()).isEqualTo(200);
    }

    @Test
    void token_iatFarInTheFuture_isTheTimeframeError() {
        long iat = world.nowSeconds() + 3600;

        assertInvalidGrant(world.javaAssertion().claim("iat", iat).claim("exp", iat + 3600)
                .sign(BOT_KEYS.getPrivate()), TIMEFRAME);
    }

    @Test
    void token_clientClockFourMinutesAhead_isAccepted() {
        long iat = world.nowSeconds() + 240;

        assertThat(world.jwtBearer(world.javaAssertion().claim("iat", iat).claim("exp", iat + 3600)
                .sign(BOT_KEYS.getPrivate())).httpStatus()).isEqualTo(200);
    }

    @Test
    void token_lifetimeOverAnHour_isTheTimeframeError() {
        long iat = world.nowSeconds();

        assertInvalidGrant(world.javaAssertion().claim("exp", iat + 3601).sign(BOT_KEYS.getPrivate()), TIMEFRAME);
        assertInvalidGrant(world.javaAssertion().claim("exp", null).sign(BOT_KEYS.getPrivate()), TIMEFRAME);
        assertInvalidGrant(world.javaAssertion().claim("iat", null).sign(BOT_KEYS.getPrivate()), TIMEFRAME);
    }

    @Test
    void token_unknownAccount_isAccountNotFound() {
        assertInvalidGrant(world.javaAssertion().claim("iss", "ghost@garden-proj.iam.gserviceaccount.com")
                .sign(BOT_KEYS.getPrivate()), "Invalid grant: account not found");
    }

    @Test
    void token_missingIssuer_isInvalidJwt() {
        assertInvalidGrant(world.javaAssertion().claim("iss", null).sign(BOT_KEYS.getPrivate()),
                "Invalid JWT: no iss claim");
    }

    @Test
    void token_disabledKey_isInvalidSignature() {
        world.view.setKeyDisabled(BOT_KEY_ID, true);

        assertInvalidGrant(world.javaAssertion().sign(BOT_KEYS.getPrivate()), "Invalid JWT Signature.");
        assertInvalidGrant(world.nodeAssertion().sign(BOT_KEYS.getPrivate()), "Invalid JWT Signature.");
    }

    @Test
    void token_deletedKey_isInvalidSignature() {
        world.view.deleteKey(BOT_KEY_ID);

        assertInvalidGrant(world.javaAssertion().sign(BOT_KEYS.getPrivate()), "Invalid JWT Signature.");
    }

    @Test
    void token_disabledAccount_isAccountDisabled() {
        world.view.setServiceAccountDisabled(BOT, true);

        assertInvalidGrant(world.javaAssertion().sign(BOT_KEYS.getPrivate()), "Invalid grant: account disabled");
    }

    @Test
    void token_disabledAccountWithAForgedSignature_isOnlyInvalidSignature() {
        world.view.setServiceAccountDisabled(BOT, true);

        assertInvalidGrant(world.javaAssertion().sign(ROGUE_KEYS.getPrivate()), "Invalid JWT Signature.");
    }

    @Test
    void token_kidOfAnotherAccountsKey_isInvalidSignature() {
        assertInvalidGrant(world.javaAssertion().header("kid", OTHER_KEY_ID).sign(OTHER_KEYS.getPrivate()),
                "Invalid JWT Signature.");
    }

    @Test
    void token_anotherAccountsKeyWithoutKid_isInvalidSignature() {
        assertInvalidGrant(world.nodeAssertion().sign(OTHER_KEYS.getPrivate()), "Invalid JWT Signature.");
    }

    @Test
    void token_subOtherThanIss_isRefused_noDomainWideDelegation() {
        assertInvalidGrant(world.javaAssertion().claim("sub", "alice@example.com").sign(BOT_KEYS.getPrivate()),
                "Invalid grant: sub must be absent or equal to iss; Garden does not support domain-wide delegation.");
    }

    @Test
    void token_idTokenRequest_isRefusedClearly() {
        assertInvalidGrant(world.javaAssertion().claim("scope", null).claim("target_audience", "https://x/")
                .sign(BOT_KEYS.getPrivate()), "Invalid grant: Garden does not issue ID tokens (target_audience).");
    }

    @Test
    void token_keyAddedToTheAccountLater_works() {
        world.view.addKey("new-key", BOT, (RSAPublicKey) ROGUE_KEYS.getPublic());

        assertThat(world.jwtBearer(world.javaAssertion().header("kid", "new-key").sign(ROGUE_KEYS.getPrivate()))
                .httpStatus()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-jwt", "a.b.c", "e30.e30.e30", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln",
            "eyJhbGciOiJSUzI1NiJ9.W10.c2ln"})
    void token_malformedAssertion_isInvalidJwt(String assertion) {
        ErrorResponse error = error(world.jwtBearer(assertion));

        assertThat(error.error()).isEqualTo("invalid_grant");
        assertThat(error.errorDescription()).startsWith("Invalid JWT");
    }

    @Test
    void token_missingAssertion_isInvalidRequest() {
        ErrorResponse error = error(world.auth.tokenEndpoint().token(Map.of("grant_type",
                TokenEndpoint.JWT_BEARER)));

        assertThat(error).isEqualTo(new ErrorResponse(400, "invalid_request",
                "Missing required parameter: assertion"));
        assertThat(error.body()).containsExactly(Map.entry("error", "invalid_request"),
                Map.entry("error_description", "Missing required parameter: assertion"));
    }

    @Test
    void token_missingOrUnknownGrantType_isRefusedAsTheRfcSays() {
        Map<String, String> noGrant = new LinkedHashMap<>();
        noGrant.put("assertion", "x");

        assertThat(world.auth.tokenEndpoint().token(noGrant)).isEqualTo(new ErrorResponse(400,
                "invalid_request", "Missing required parameter: grant_type"));
        assertThat(world.auth.tokenEndpoint().token(Map.of("grant_type", "password", "username", "u")))
                .isEqualTo(new ErrorResponse(400, "unsupported_grant_type", "Invalid grant_type: password"));
        assertThat(world.auth.tokenEndpoint().token(Map.of("grant_type", "client_credentials")).httpStatus())
                .isEqualTo(400);
    }

    @Test
    void token_sameAssertionTwice_issuesTwoDistinctTokens() {
        String assertion = world.javaAssertion().sign(BOT_KEYS.getPrivate());

        assertThat(AuthFixture.accessToken(world.jwtBearer(assertion)))
                .isNotEqualTo(AuthFixture.accessToken(world.jwtBearer(assertion)));
    }

    @Test
    void accessToken_toString_hidesTheToken() {
        OAuthResponse response = world.jwtBearer(world.javaAssertion().sign(BOT_KEYS.getPrivate()));

        assertThat(response.toString()).doesNotContain("gat1.").contains("3599");
        assertThat(List.of(response).toString()).doesNotContain("gat1.");
    }

    private void assertInvalidGrant(String assertion, String description) {
        assertThat(world.jwtBearer(assertion)).isEqualTo(new ErrorResponse(400, "invalid_grant", description));
    }
}
