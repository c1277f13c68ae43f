package dev.garden.auth;

import dev.garden.auth.OAuthResponse.ErrorResponse;
import dev.garden.identity.Member;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static dev.garden.auth.AuthFixture.ALICE;
import static dev.garden.auth.AuthFixture.ALICE_REFRESH_TOKEN;
import static dev.garden.auth.AuthFixture.ALICE_REFRESH_TOKEN_ID;
import static dev.garden.auth.AuthFixture.CLIENT_ID;
import static dev.garden.auth.AuthFixture.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code grant_type=refresh_token}: an {@code authorized_user} credentials file's exchange. */
class RefreshTokenGrantTest {
    private static final ErrorResponse EXPIRED_OR_REVOKED = new ErrorResponse(400, "invalid_grant",
            "Token has been expired or revoked.");

    private final AuthFixture world = new AuthFixture();

    @Test
    void token_validClientAndRefreshToken_issuesAUserToken() {
        OAuthResponse response = world.refresh(CLIENT_ID, CLIENT_SECRET, ALICE_REFRESH_TOKEN);

        assertThat(response.httpStatus()).isEqualTo(200);
        assertThat(((OAuthResponse.AccessToken) response).expiresIn()).isEqualTo(3599);
        assertThat(world.authenticate(AuthFixture.accessToken(response))).isEqualTo(new Principal(Member.user(ALICE),
                Principal.Via.ACCESS_TOKEN_FROM_REFRESH_TOKEN, ALICE_REFRESH_TOKEN_ID));
    }

    @Test
    void token_wrongClientSecret_isInvalidClient401() {
        assertThat(world.refresh(CLIENT_ID, CLIENT_SECRET + "x", ALICE_REFRESH_TOKEN))
                .isEqualTo(new ErrorResponse(401, "invalid_client", "Unauthorized"));
        assertThat(world.refresh(CLIENT_ID, CLIENT_SECRET.toUpperCase(), ALICE_REFRESH_TOKEN).httpStatus())
                .isEqualTo(401);
    }

    @Test
    void token_unknownClient_isInvalidClient401() {
        assertThat(world.refresh("nobody.apps.garden.dev", CLIENT_SECRET, ALICE_REFRESH_TOKEN))
                .isEqualTo(new ErrorResponse(401, "invalid_client", "The OAuth client was not found."));
    }

    @Test
    void token_refreshTokenOfAnotherClient_isRefusedLikeAnUnknownOne() {
        world.view.addOAuthClient("other-client", "other-secret");

        assertThat(world.refresh("other-client", "other-secret", ALICE_REFRESH_TOKEN)).isEqualTo(EXPIRED_OR_REVOKED);
    }

    @Test
    void token_revokedRefreshToken_isRefused() {
        world.view.revokeRefreshToken(ALICE_REFRESH_TOKEN_ID);

        assertThat(world.refresh(CLIENT_ID, CLIENT_SECRET, ALICE_REFRESH_TOKEN)).isEqualTo(EXPIRED_OR_REVOKED);
    }

    @Test
    void token_unknownRefreshToken_isRefused() {
        assertThat(world.refresh(CLIENT_ID, CLIENT_SECRET, "1//made-up")).isEqualTo(EXPIRED_OR_REVOKED);
    }

    @Test
    void token_refreshTokenHashInsteadOfTheToken_isRefused() {
        assertThat(world.refresh(CLIENT_ID, CLIENT_SECRET, Hashing.sha256Hex(ALICE_REFRESH_TOKEN)))
                .isEqualTo(EXPIRED_OR_REVOKED);
    }

    @Test
    void token_clientSecretHashInsteadOfTheSecret_isRefused() {
        assertThat(world.refresh(CLIENT_ID, Hashing.sha256Hex(CLIENT_SECRET), ALICE_REFRESH_TOKEN).httpStatus())
                .isEqualTo(401);
    }

    @Test
    void token_disabledUser_isRefused() {
        world.view.setUserDisabled(ALICE, true);

        assertThat(world.refresh(CLIENT_ID, CLIENT_SECRET, ALICE_REFRESH_TOKEN)).isEqualTo(new ErrorResponse(
                400, "invalid_grant", "Invalid grant: account disabled"));
    }

    @Test
    void token_deletedUser_isRefused() {
        world.view.deleteUser(ALICE);

        assertThat(world.refresh(CLIENT_ID, CLIENT_SECRET, ALICE_REFRESH_TOKEN)).isEqualTo(new ErrorResponse(
                400, "invalid_grant", "Invalid grant: account not found"));
    }

    @Test
    void token_missingParameters_areNamedAsGoogleNamesThem() {
        assertThat(refreshWithout("client_id")).isEqualTo(new ErrorResponse(400, "invalid_request",
                "Could not determine client ID from request."));
        assertThat(refreshWithout("client_secret")).isEqualTo(new ErrorResponse(400, "invalid_request",
                "client_secret is missing."));
        assertThat(refreshWithout("refresh_token")).isEqualTo(new ErrorResponse(400, "invalid_request",
                "Missing required parameter: refresh_token"));
    }

    @Test
    void token_emptyParameter_countsAsMissing() {
        assertThat(world.refresh(CLIENT_ID, CLIENT_SECRET, "")).isEqualTo(new ErrorResponse(400,
                "invalid_request", "Missing required parameter: refresh_token"));
    }

    @Test
    void token_wrongSecretIsCheckedBeforeTheRefreshToken() {
        // An attacker without the client secret learns nothing about refresh tokens.
        assertThat(world.refresh(CLIENT_ID, "wrong", "1//made-up").httpStatus()).isEqualTo(401);
        assertThat(world.refresh(CLIENT_ID, "wrong", ALICE_REFRESH_TOKEN).httpStatus()).isEqualTo(401);
    }

    @Test
    void hashing_comparesStoredHexInAnyCase() {
        String hash = Hashing.sha256Hex("secret");

        assertThat(Hashing.sameHex(hash, hash.toUpperCase())).isTrue();
        assertThat(Hashing.sameHex(hash, Hashing.sha256Hex("secreT"))).isFalse();
        assertThat(Hashing.sameHex(hash, hash.substring(1))).isFalse();
    }

    private OAuthResponse refreshWithout(String parameter) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "refresh_token", ALICE_REFRESH_TOKEN));
        form.remove(parameter);
        return world.auth.tokenEndpoint().token(form);
    }
}
