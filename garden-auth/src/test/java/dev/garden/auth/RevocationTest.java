package dev.garden.auth;

import dev.garden.auth.OAuthResponse.ErrorResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.garden.auth.AuthFixture.ALICE_REFRESH_TOKEN;
import static dev.garden.auth.AuthFixture.ALICE_REFRESH_TOKEN_ID;
import static dev.garden.auth.AuthFixture.BOT;
import static dev.garden.auth.AuthFixture.BOT_KEYS;
import static dev.garden.auth.AuthFixture.CLIENT_ID;
import static dev.garden.auth.AuthFixture.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /revoke} (RFC 7009): what it records, and what stops working afterwards. */
class RevocationTest {
    private final AuthFixture world = new AuthFixture();

    @Test
    void revoke_accessToken_recordsItUntilItsExpiryAndItStopsWorking() {
        String token = world.botAccessToken();

        assertThat(revoke(token)).isEqualTo(new OAuthResponse.Revoked());
        assertThat(world.view.revokedAccessTokens()).containsValue(world.clock.instant().plus(Duration.ofHours(1)));
        assertThat(world.refusalReason(token)).isEqualTo("ACCESS_TOKEN_EXPIRED");
        // The key still works: a new token can be had.
        assertThat(world.authenticate(world.botAccessToken()).email()).isEqualTo(BOT);
    }

    @Test
    void revoke_userAccessToken_revokesItsRefreshTokenToo_asGoogleDoes() {
        String token = world.aliceAccessToken();
        String sibling = world.aliceAccessToken();

        assertThat(revoke(token).httpStatus()).isEqualTo(200);
        assertThat(world.view.revokedRefreshTokenIds()).containsExactly(ALICE_REFRESH_TOKEN_ID);
        assertThat(world.refusalReason(sibling)).isEqualTo("ACCESS_TOKEN_EXPIRED");
        assertThat(world.refresh(CLIENT_ID, CLIENT_SECRET, ALICE_REFRESH_TOKEN).httpStatus()).isEqualTo(400);
    }

    @Test
    void revoke_refreshToken_killsItAndEveryAccessTokenItYielded() {
        String token = world.aliceAccessToken();

        assertThat(revoke(ALICE_REFRESH_TOKEN).httpStatus()).isEqualTo(200);
        assertThat(world.view.revokedRefreshTokenIds()).containsExactly(ALICE_REFRESH_TOKEN_ID);
        assertThat(world.refusalReason(token)).isEqualTo("ACCESS_TOKEN_EXPIRED");
        assertThat(world.refresh(CLIENT_ID, CLIENT_SECRET, ALICE_REFRESH_TOKEN)).isEqualTo(new ErrorResponse(
                400, "invalid_grant", "Token has been expired or revoked."));
    }

    @Test
    void revoke_twice_succeedsBothTimes() {
        assertThat(revoke(ALICE_REFRESH_TOKEN).httpStatus()).isEqualTo(200);
        assertThat(revoke(ALICE_REFRESH_TOKEN).httpStatus()).isEqualTo(200);
    }

    @Test
    void revoke_unknownOrForgedToken_succeedsAndRecordsNothing_asRfc7009Says() {
        String forged = world.botAccessToken();
        forged = forged.substring(0, forged.length() - 3) + "AAA";

        assertThat(revoke("1//never-issued")).isEqualTo(new OAuthResponse.Revoked());
        assertThat(revoke(forged)).isEqualTo(new OAuthResponse.Revoked());
        assertThat(revoke("gat1.garbage")).isEqualTo(new OAuthResponse.Revoked());
        assertThat(world.view.revokedAccessTokens()).isEmpty();
        assertThat(world.view.revokedRefreshTokenIds()).isEmpty();
    }

    @Test
    void revoke_expiredAccessToken_needsNothingRecorded() {
        String token = world.aliceAccessToken();
        world.clock.advance(Duration.ofHours(2));

        assertThat(revoke(token).httpStatus()).isEqualTo(200);
        assertThat(world.view.revokedAccessTokens()).isEmpty();
        assertThat(world.view.revokedRefreshTokenIds()).isEmpty();
    }

    @Test
    void revoke_selfSignedJwt_isUnsupportedTokenType() {
        String jwt = world.javaSelfSigned().sign(BOT_KEYS.getPrivate());

        ErrorResponse error = AuthFixture.error(revoke(jwt));
        assertThat(error.httpStatus()).isEqualTo(400);
        assertThat(error.error()).isEqualTo("unsupported_token_type");
        assertThat(world.authenticate(jwt).email()).isEqualTo(BOT);
    }

    @Test
    void revoke_withoutToken_isInvalidRequest() {
        assertThat(world.auth.tokenEndpoint().revoke(Map.of("token_type_hint", "access_token")))
                .isEqualTo(new ErrorResponse(400, "invalid_request", "Missing required parameter: token"));
        assertThat(new OAuthResponse.Revoked().body()).isEmpty();
    }

    @Test
    void revoke_withAWrongHint_stillRevokes() {
        String token = world.botAccessToken();

        world.auth.tokenEndpoint().revoke(Map.of("token", token, "token_type_hint", "refresh_token"));
        assertThat(world.refusalReason(token)).isEqualTo("ACCESS_TOKEN_EXPIRED");
    }

    private OAuthResponse revoke(String token) {
        return world.auth.tokenEndpoint().revoke(Map.of("token", token));
    }
}
