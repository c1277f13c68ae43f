package dev.garden.auth;

import dev.garden.identity.Member;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static dev.garden.auth.AuthFixture.ALICE;
import static dev.garden.auth.AuthFixture.ALICE_REFRESH_TOKEN_ID;
import static dev.garden.auth.AuthFixture.BOT;
import static dev.garden.auth.AuthFixture.BOT_KEY_ID;
import static dev.garden.auth.AuthFixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Garden access tokens: their form, their expiry, and everything that must make them stop working. */
class AccessTokenTest {
    private final AuthFixture world = new AuthFixture();

    @Test
    void issue_serviceAccount_isCompactUrlSafeAndPrefixed() {
        String token = world.botAccessToken();

        assertThat(token).startsWith("gat1.").matches("[A-Za-z0-9._-]+").hasSizeLessThan(300);
        assertThat(token.split("\\.")).hasSize(3);
    }

    @Test
    void verify_serviceAccountToken_isTheAccountAndItsKey() {
        Principal principal = world.authenticate(world.botAccessToken());

        assertThat(principal).isEqualTo(new Principal(Member.serviceAccount(BOT), Principal.Via.ACCESS_TOKEN_FROM_KEY,
                BOT_KEY_ID));
        assertThat(principal.email()).isEqualTo(BOT);
    }

    @Test
    void verify_userToken_isTheUserAndTheirRefreshToken() {
        Principal principal = world.authenticate(world.aliceAccessToken());

        assertThat(principal).isEqualTo(new Principal(Member.user(ALICE),
                Principal.Via.ACCESS_TOKEN_FROM_REFRESH_TOKEN, ALICE_REFRESH_TOKEN_ID));
    }

    @Test
    void verify_untilTheLastSecond_thenExpired() {
        String token = world.botAccessToken();

        world.clock.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertThat(world.authenticate(token).email()).isEqualTo(BOT);
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(world.refusalReason(token)).isEqualTo("ACCESS_TOKEN_EXPIRED");
    }

    @Test
    void verify_configuredLifetime_expiresThen() {
        AuthFixture shortLived = new AuthFixture(START,
                GardenAuth.builder().accessTokenLifetime(Duration.ofMinutes(10)));
        OAuthResponse.AccessToken response = (OAuthResponse.AccessToken) shortLived.jwtBearer(
                shortLived.javaAssertion().sign(AuthFixture.BOT_KEYS.getPrivate()));

        assertThat(response.expiresIn()).isEqualTo(599);
        shortLived.clock.advance(Duration.ofMinutes(10));
        assertThat(shortLived.refusalReason(response.accessToken())).isEqualTo("ACCESS_TOKEN_EXPIRED");
    }

    @Test
    void verify_tamperedClaims_isRefused() {
        String token = world.botAccessToken();
        String[] parts = token.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        // Swap the principal for another account of the same length: a valid payload, a MAC that no longer fits.
        String forged = new String(payload, StandardCharsets.ISO_8859_1).replace("bot@", "own@");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.ISO_8859_1)) + "." + parts[2];

        assertThat(AccessTokenClaims.decode(Base64.getUrlDecoder().decode(tampered.split("\\.")[1])).member().email())
                .startsWith("own@");
        assertThat(world.refusalReason(tampered)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void verify_tamperedExpiry_isRefused() {
        String token = world.botAccessToken();
        AccessTokenClaims claims = claimsOf(token);
        AccessTokenClaims extended = new AccessTokenClaims(claims.signingKeyId(), claims.tokenId(), claims.member(),
                claims.credentialId(), claims.issuedAt(), claims.expiry().plus(Duration.ofDays(365)));
        String tampered = "gat1." + Base64.getUrlEncoder().withoutPadding().encodeToString(extended.encode()) + "."
                          + token.split("\\.")[2];

        assertThat(world.refusalReason(tampered)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void verify_tamperedMac_isRefused() {
        String token = world.botAccessToken();
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A')
                          + token.charAt(token.length() - 1);

        assertThat(world.refusalReason(tampered)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void verify_signedWithAnUnknownKey_isRefused() {
        // A well-formed token, MAC'd with a key Garden never had, naming that key.
        FakeIdentityView elsewhere = new FakeIdentityView();
        elsewhere.addSigningKey(AuthFixture.signingKey("attacker", START));
        AccessTokenCodec attackerCodec = new AccessTokenCodec(new SigningKeyRing(elsewhere));
        String forged = attackerCodec.sign(new AccessTokenClaims("attacker", "t1", Member.serviceAccount(BOT),
                BOT_KEY_ID, START, START.plus(Duration.ofHours(1))));

        assertThat(world.refusalReason(forged)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void verify_signedWithAKeyOfTheSameIdButAnotherSecret_isRefused() {
        FakeIdentityView elsewhere = new FakeIdentityView();
        elsewhere.addSigningKey(new dev.garden.identity.SigningKey("sk1",
                "another secret, also at least 32 bytes long".getBytes(StandardCharsets.UTF_8), START, true));
        String forged = new AccessTokenCodec(new SigningKeyRing(elsewhere)).sign(new AccessTokenClaims("sk1", "t1",
                Member.serviceAccount(BOT), BOT_KEY_ID, START, START.plus(Duration.ofHours(1))));

        assertThat(world.refusalReason(forged)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void verify_afterSigningKeyRotation_oldTokensStayValidUntilExpiry() {
        String before = world.botAccessToken();
        world.clock.advance(Duration.ofMinutes(30));
        world.view.addSigningKey(AuthFixture.signingKey("sk2", world.clock.instant()));
        String after = world.botAccessToken();

        assertThat(claimsOf(before).signingKeyId()).isEqualTo("sk1");
        assertThat(claimsOf(after).signingKeyId()).isEqualTo("sk2");
        assertThat(world.authenticate(before).email()).isEqualTo(BOT);
        assertThat(world.authenticate(after).email()).isEqualTo(BOT);
        world.clock.advance(Duration.ofMinutes(30));
        assertThat(world.refusalReason(before)).isEqualTo("ACCESS_TOKEN_EXPIRED");
        assertThat(world.authenticate(after).email()).isEqualTo(BOT);
    }

    @Test
    void verify_afterTheOldSigningKeyIsRemoved_itsTokensAreRefused() {
        String before = world.botAccessToken();
        world.view.addSigningKey(AuthFixture.signingKey("sk2", world.clock.instant()));
        world.view.removeSigningKey("sk1");

        assertThat(world.refusalReason(before)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void verify_revokedTokenId_isRefusedAsExpired() {
        String token = world.botAccessToken();
        world.view.revokeAccessToken(claimsOf(token).tokenId(), claimsOf(token).expiry());

        assertThat(world.refusalReason(token)).isEqualTo("ACCESS_TOKEN_EXPIRED");
    }

    @Test
    void verify_otherTokensOfTheSameAccount_surviveARevocation() {
        String revoked = world.botAccessToken();
        String kept = world.botAccessToken();
        world.view.revokeAccessToken(claimsOf(revoked).tokenId(), claimsOf(revoked).expiry());

        assertThat(world.authenticate(kept).email()).isEqualTo(BOT);
    }

    @Test
    void verify_keyThatObtainedItDisabled_isRefused_andWorksAgainWhenReenabled() {
        String token = world.botAccessToken();
        world.view.setKeyDisabled(BOT_KEY_ID, true);

        assertThat(world.refusalReason(token)).isEqualTo("ACCESS_TOKEN_EXPIRED");
        world.view.setKeyDisabled(BOT_KEY_ID, false);
        assertThat(world.authenticate(token).email()).isEqualTo(BOT);
    }

    @Test
    void verify_keyThatObtainedItDeleted_isRefused() {
        String token = world.botAccessToken();
        world.view.deleteKey(BOT_KEY_ID);

        assertThat(world.refusalReason(token)).isEqualTo("ACCESS_TOKEN_EXPIRED");
    }

    @Test
    void verify_serviceAccountDisabled_isAccountStateInvalid() {
        String token = world.botAccessToken();
        world.view.setServiceAccountDisabled(BOT, true);

        assertThat(world.refusalReason(token)).isEqualTo("ACCOUNT_STATE_INVALID");
    }

    @Test
    void verify_serviceAccountDeleted_isAccountStateInvalid() {
        String token = world.botAccessToken();
        world.view.deleteServiceAccount(BOT);

        assertThat(world.refusalReason(token)).isEqualTo("ACCOUNT_STATE_INVALID");
    }

    @Test
    void verify_refreshTokenRevoked_killsItsAccessTokens() {
        String token = world.aliceAccessToken();
        world.view.revokeRefreshToken(ALICE_REFRESH_TOKEN_ID);

        assertThat(world.refusalReason(token)).isEqualTo("ACCESS_TOKEN_EXPIRED");
    }

    @Test
    void verify_userDisabledOrDeleted_isAccountStateInvalid() {
        String token = world.aliceAccessToken();
        world.view.setUserDisabled(ALICE, true);
        assertThat(world.refusalReason(token)).isEqualTo("ACCOUNT_STATE_INVALID");

        world.view.deleteUser(ALICE);
        assertThat(world.refusalReason(token)).isEqualTo("ACCOUNT_STATE_INVALID");
    }

    @Test
    void verify_malformedTokensWithThePrefix_areRefusedAsUnsupported() {
        String token = world.botAccessToken();
        for (String malformed : new String[]{"gat1.", "gat1..", "gat1.x.y", "gat1.AAAA.BBBB",
                token.substring(0, token.lastIndexOf('.')), token + "=", token.replace("gat1.", "gat1.=")}) {
            assertThat(world.refusalReason(malformed)).as(malformed).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        }
    }

    @Test
    void decode_anyTruncationOfAValidPayload_isRejectedCleanly() {
        byte[] payload = claimsOf(world.botAccessToken()).encode();
        for (int length = 0; length < payload.length; length++) {
            byte[] truncated = java.util.Arrays.copyOf(payload, length);
            assertThatThrownBy(() -> AccessTokenClaims.decode(truncated)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void encode_decode_roundTrips() {
        AccessTokenClaims claims = new AccessTokenClaims("sk1", "t-42", Member.user("Ünïcode@example.com"), "rt-1",
                Instant.parse("2026-11-22T08:00:00Z"), Instant.parse("2026-11-22T09:00:00Z"));

        assertThat(AccessTokenClaims.decode(claims.encode())).isEqualTo(claims);
    }

    @Test
    void issue_tokensOfTheSameAccount_haveDistinctIds() {
        assertThat(claimsOf(world.botAccessToken()).tokenId()).isNotEqualTo(claimsOf(world.botAccessToken()).tokenId());
    }

    private static AccessTokenClaims claimsOf(String token) {
        return AccessTokenClaims.decode(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
