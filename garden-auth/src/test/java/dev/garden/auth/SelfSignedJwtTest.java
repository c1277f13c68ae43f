package dev.garden.auth;

import dev.garden.identity.Member;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.garden.auth.AuthFixture.BOT;
import static dev.garden.auth.AuthFixture.BOT_KEYS;
import static dev.garden.auth.AuthFixture.BOT_KEY_ID;
import static dev.garden.auth.AuthFixture.OTHER;
import static dev.garden.auth.AuthFixture.OTHER_KEYS;
import static dev.garden.auth.AuthFixture.OTHER_KEY_ID;
import static dev.garden.auth.AuthFixture.ROGUE_KEYS;
import static dev.garden.auth.AuthFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

/** Self-signed service-account JWTs as bearer tokens: what each client sends is accepted, attacks are not. */
class SelfSignedJwtTest {
    private final AuthFixture world = new AuthFixture();

    @Test
    void authenticate_javaStyle_withKidAndServiceAudience() {
        Principal principal = world.authenticate(world.javaSelfSigned().sign(BOT_KEYS.getPrivate()));

        assertThat(principal).isEqualTo(new Principal(Member.serviceAccount(BOT), Principal.Via.SELF_SIGNED_JWT,
                BOT_KEY_ID));
    }

    @Test
    void authenticate_nodeUniverseDomainStyle_noKidScopeAndNoAudience() {
        Principal principal = world.authenticate(world.nodeSelfSigned().sign(BOT_KEYS.getPrivate()));

        assertThat(principal.email()).isEqualTo(BOT);
        assertThat(principal.credentialId()).isEqualTo(BOT_KEY_ID);
    }

    @Test
    void authenticate_nodeStyleWithKid_isAccepted() {
        String jwt = world.nodeSelfSigned().header("kid", BOT_KEY_ID).sign(BOT_KEYS.getPrivate());

        assertThat(world.authenticate(jwt).email()).isEqualTo(BOT);
    }

    @Test
    void authenticate_padded_pythonStyle_isAccepted() {
        String jwt = world.javaSelfSigned().pythonJson().padded().sign(BOT_KEYS.getPrivate());

        assertThat(jwt).contains("=");
        assertThat(world.authenticate(jwt).email()).isEqualTo(BOT);
    }

    @Test
    void authenticate_noKid_findsTheRightOneAmongTheAccountsKeys() {
        world.view.addKey("disabled-key", BOT, (RSAPublicKey) OTHER_KEYS.getPublic());
        world.view.setKeyDisabled("disabled-key", true);
        world.view.addKey("second-key", BOT, (RSAPublicKey) ROGUE_KEYS.getPublic());

        assertThat(world.authenticate(world.nodeSelfSigned().sign(ROGUE_KEYS.getPrivate())).credentialId())
                .isEqualTo("second-key");
        assertThat(world.authenticate(world.nodeSelfSigned().sign(BOT_KEYS.getPrivate())).credentialId())
                .isEqualTo(BOT_KEY_ID);
        // A disabled key's signature is no signature, kid or not.
        assertThat(world.refusalReason(world.nodeSelfSigned().sign(OTHER_KEYS.getPrivate())))
                .isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://garden.example.com/", "https://garden.example.com", "https://GARDEN.example.com/",
            "https://garden.example.com:443/", "https://aiplatform.googleapis.com/",
            "https://us-central1-aiplatform.googleapis.com/", "https://europe-west4-aiplatform.googleapis.com"})
    void authenticate_acceptedAudiences(String aud) {
        String jwt = world.javaSelfSigned().claim("aud", aud).sign(BOT_KEYS.getPrivate());

        assertThat(world.authenticate(jwt).email()).isEqualTo(BOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://oauth2.googleapis.com/token", "https://garden.example.com/token",
            "https://evil.example.com/", "http://garden.example.com/", "https://garden.example.com:8443/",
            "https://garden.example.com.evil.com/", "https://a.b-aiplatform.googleapis.com/",
            "https://-aiplatform.googleapis.com/", "https://storage.googleapis.com/", "garden.example.com", ""})
    void authenticate_wrongAudience_isRefused(String aud) {
        String jwt = world.javaSelfSigned().claim("aud", aud).sign(BOT_KEYS.getPrivate());

        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_audienceList_isAcceptedIfOneMatches() {
        String jwt = world.javaSelfSigned().claim("aud", List.of("https://elsewhere.example/", AuthFixture.SERVICE_URL))
                .sign(BOT_KEYS.getPrivate());

        assertThat(world.authenticate(jwt).email()).isEqualTo(BOT);
    }

    @Test
    void authenticate_assertionForTheTokenEndpoint_isNoBearerToken() {
        String assertion = world.javaAssertion().claim("sub", BOT).sign(BOT_KEYS.getPrivate());

        assertThat(world.refusalReason(assertion)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_neitherAudienceNorScope_isRefused() {
        String jwt = world.nodeSelfSigned().claim("scope", null).sign(BOT_KEYS.getPrivate());
        String blankScope = world.nodeSelfSigned().claim("scope", " ").sign(BOT_KEYS.getPrivate());

        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        assertThat(world.refusalReason(blankScope)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_forgedSignature_isRefused() {
        String jwt = world.javaSelfSigned().sign(ROGUE_KEYS.getPrivate());
        String noKid = world.nodeSelfSigned().sign(ROGUE_KEYS.getPrivate());

        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        assertThat(world.refusalReason(noKid)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_claimsChangedAfterSigning_isRefused() {
        String genuine = world.javaSelfSigned().sign(BOT_KEYS.getPrivate());
        String otherClaims = world.javaSelfSigned().claim("exp", world.nowSeconds() + 3500).signingInput();
        String spliced = otherClaims + genuine.substring(genuine.lastIndexOf('.'));

        assertThat(world.refusalReason(spliced)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_algNone_isRefused() {
        String jwt = world.javaSelfSigned().header("alg", "none").unsigned();
        String withSignature = world.javaSelfSigned().header("alg", "none").sign(BOT_KEYS.getPrivate());
        String lowerCase = world.javaSelfSigned().header("alg", "None").unsigned();

        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        assertThat(world.refusalReason(withSignature)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        assertThat(world.refusalReason(lowerCase)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_hs256SignedWithThePublicKeyAsSecret_isRefused() {
        // The classic key-confusion attack: a verifier that trusts the header's alg would check this HMAC with the
        // RSA public key's bytes, which anyone has.
        RSAPublicKey publicKey = (RSAPublicKey) BOT_KEYS.getPublic();
        for (byte[] secret : List.of(publicKey.getEncoded(), pem(publicKey).getBytes())) {
            String jwt = world.javaSelfSigned().header("alg", "HS256").signHmac(secret);
            assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        }
    }

    @Test
    void authenticate_otherRsaAlgorithms_areRefused() {
        for (String alg : List.of("RS512", "PS256", "ES256")) {
            String jwt = world.javaSelfSigned().header("alg", alg).sign(BOT_KEYS.getPrivate());
            assertThat(world.refusalReason(jwt)).as(alg).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        }
    }

    @Test
    void authenticate_embeddedJwkOfTheAttacker_isIgnored() {
        Map<String, Object> jwk = new com.nimbusds.jose.jwk.RSAKey.Builder((RSAPublicKey) ROGUE_KEYS.getPublic())
                .build().toJSONObject();
        String jwt = world.javaSelfSigned().header("kid", null).header("jwk", jwk).sign(ROGUE_KEYS.getPrivate());

        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_kidOfAnotherAccountsKey_isRefused() {
        // Signed with the other account's real key, naming that key, but claiming to be the bot.
        String jwt = world.javaSelfSigned().header("kid", OTHER_KEY_ID).sign(OTHER_KEYS.getPrivate());

        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_unknownKid_isRefused() {
        String jwt = world.javaSelfSigned().header("kid", "0000000000000000000000000000000000000000")
                .sign(BOT_KEYS.getPrivate());

        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_unknownAccount_isRefused() {
        String ghost = "ghost@garden-proj.iam.gserviceaccount.com";
        String jwt = world.javaSelfSigned().claim("iss", ghost).claim("sub", ghost).sign(BOT_KEYS.getPrivate());

        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_disabledKey_isRefused() {
        world.view.setKeyDisabled(BOT_KEY_ID, true);

        assertThat(world.refusalReason(world.javaSelfSigned().sign(BOT_KEYS.getPrivate())))
                .isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        assertThat(world.refusalReason(world.nodeSelfSigned().sign(BOT_KEYS.getPrivate())))
                .isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_disabledAccount_isAccountStateInvalid() {
        world.view.setServiceAccountDisabled(BOT, true);

        assertThat(world.refusalReason(world.javaSelfSigned().sign(BOT_KEYS.getPrivate())))
                .isEqualTo("ACCOUNT_STATE_INVALID");
    }

    @Test
    void authenticate_disabledAccountButForgedSignature_revealsNothingAboutTheAccount() {
        world.view.setServiceAccountDisabled(BOT, true);

        assertThat(world.refusalReason(world.javaSelfSigned().sign(ROGUE_KEYS.getPrivate())))
                .isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_subjectOtherThanIssuer_isRefused() {
        String impersonation = world.javaSelfSigned().claim("sub", "alice@example.com").sign(BOT_KEYS.getPrivate());
        String noSubject = world.javaSelfSigned().claim("sub", null).sign(BOT_KEYS.getPrivate());

        assertThat(world.refusalReason(impersonation)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        assertThat(world.refusalReason(noSubject)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_expired_byMovingTheClockPastExpiryAndSkew() {
        String jwt = world.javaSelfSigned().sign(BOT_KEYS.getPrivate());

        world.clock.advance(Duration.ofMinutes(64).plusSeconds(59));
        assertThat(world.authenticate(jwt).email()).isEqualTo(BOT);
        world.clock.advance(Duration.ofSeconds(1));
        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_EXPIRED");
    }

    @Test
    void authenticate_expiredOnFirstSight_isAccessTokenExpired() {
        long iat = world.nowSeconds() - 7200;
        String jwt = world.javaSelfSigned().claim("iat", iat).claim("exp", iat + 3600).sign(BOT_KEYS.getPrivate());

        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_EXPIRED");
    }

    @Test
    void authenticate_iatWithinTheSkew_isAccepted_beyondIsRefused() {
        long within = world.nowSeconds() + 299;
        long beyond = world.nowSeconds() + 301;

        assertThat(world.authenticate(world.javaSelfSigned().claim("iat", within).claim("exp", within + 3600)
                .sign(BOT_KEYS.getPrivate())).email()).isEqualTo(BOT);
        assertThat(world.refusalReason(world.javaSelfSigned().claim("iat", beyond).claim("exp", beyond + 3600)
                .sign(BOT_KEYS.getPrivate()))).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_iatFarInTheFuture_isRefused() {
        long iat = world.nowSeconds() + 86_400;
        String jwt = world.javaSelfSigned().claim("iat", iat).claim("exp", iat + 3600).sign(BOT_KEYS.getPrivate());

        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_lifetimeOverAnHour_isRefused() {
        long iat = world.nowSeconds();
        String jwt = world.javaSelfSigned().claim("exp", iat + 3601).sign(BOT_KEYS.getPrivate());
        String year = world.javaSelfSigned().claim("exp", iat + 365L * 86_400).sign(BOT_KEYS.getPrivate());

        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        assertThat(world.refusalReason(year)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_missingOrInvertedTimes_areRefused() {
        long now = world.nowSeconds();
        for (Jwt jwt : List.of(world.javaSelfSigned().claim("iat", null), world.javaSelfSigned().claim("exp", null),
                world.javaSelfSigned().claim("exp", now - 10), world.javaSelfSigned().claim("iat", "yesterday"),
                world.javaSelfSigned().claim("nbf", now + 3000))) {
            assertThat(world.refusalReason(jwt.sign(BOT_KEYS.getPrivate()))).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        }
    }

    @Test
    void authenticate_cachedJwt_isStillRefusedOnceItsKeyIsDisabled() {
        String jwt = world.javaSelfSigned().sign(BOT_KEYS.getPrivate());
        assertThat(world.authenticate(jwt).email()).isEqualTo(BOT);

        world.view.setKeyDisabled(BOT_KEY_ID, true);
        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        world.view.setKeyDisabled(BOT_KEY_ID, false);
        assertThat(world.authenticate(jwt).email()).isEqualTo(BOT);
        world.view.deleteKey(BOT_KEY_ID);
        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_cachedJwt_isStillRefusedOnceItsAccountIsDisabledOrDeleted() {
        String jwt = world.nodeSelfSigned().sign(BOT_KEYS.getPrivate());
        assertThat(world.authenticate(jwt).email()).isEqualTo(BOT);

        world.view.setServiceAccountDisabled(BOT, true);
        assertThat(world.refusalReason(jwt)).isEqualTo("ACCOUNT_STATE_INVALID");
        world.view.deleteServiceAccount(BOT);
        assertThat(world.refusalReason(jwt)).isEqualTo("ACCOUNT_STATE_INVALID");
    }

    @Test
    void authenticate_theSameJwtAgain_usesTheCacheAndAgreesWithAFreshCheck() {
        SelfSignedJwtAuthenticator authenticator = new SelfSignedJwtAuthenticator(
                new ServiceAccountJwtVerifier(world.view, world.clock), world.view, world.clock,
                new Audiences(java.util.Set.of(), java.util.Set.of(AuthFixture.SERVICE_URL)), 100);
        String jwt = world.javaSelfSigned().sign(BOT_KEYS.getPrivate());

        assertThat(authenticate(authenticator, jwt)).isEqualTo(authenticate(authenticator, jwt));
        assertThat(authenticator.cached()).isEqualTo(1);
        assertThat(world.authenticate(jwt)).isEqualTo(authenticate(authenticator, jwt));
    }

    @Test
    void authenticate_withoutACache_verifiesEveryTime() {
        AuthFixture uncached = new AuthFixture(START, GardenAuth.builder().selfSignedJwtCacheSize(0));
        String jwt = uncached.javaSelfSigned().sign(BOT_KEYS.getPrivate());

        assertThat(uncached.authenticate(jwt).email()).isEqualTo(BOT);
        assertThat(uncached.authenticate(jwt).email()).isEqualTo(BOT);
        uncached.clock.advance(Duration.ofMinutes(66));
        assertThat(uncached.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_EXPIRED");
    }

    @Test
    void authenticate_onlyConfiguredServiceUrls_whenReplaced() {
        AuthFixture strict = new AuthFixture(START, GardenAuth.builder()
                .serviceUrls(java.util.Set.of("https://only.example.com/")));

        assertThat(strict.refusalReason(strict.javaSelfSigned().claim("aud", "https://aiplatform.googleapis.com/")
                .sign(BOT_KEYS.getPrivate()))).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
        // The fixture adds its own service URL after the replacement.
        assertThat(strict.authenticate(strict.javaSelfSigned().sign(BOT_KEYS.getPrivate())).email()).isEqualTo(BOT);
    }

    @Test
    void authenticate_oversizedJwt_isRefusedWithoutParsing() {
        String jwt = world.javaSelfSigned().claim("padding", "x".repeat(10_000)).sign(BOT_KEYS.getPrivate());

        assertThat(world.refusalReason(jwt)).isEqualTo("ACCESS_TOKEN_TYPE_UNSUPPORTED");
    }

    @Test
    void authenticate_otherAccountsGenuineJwt_isThatAccount() {
        long iat = world.nowSeconds();
        String jwt = Jwt.rs256().header("kid", OTHER_KEY_ID).claim("iss", OTHER).claim("sub", OTHER)
                .claim("aud", AuthFixture.SERVICE_URL).claim("iat", iat).claim("exp", iat + 3600)
                .sign(OTHER_KEYS.getPrivate());

        assertThat(world.authenticate(jwt).email()).isEqualTo(OTHER);
    }

    private static Principal authenticate(SelfSignedJwtAuthenticator authenticator, String jwt) {
        try {
            return authenticator.authenticate(jwt);
        } catch (TokenRejected e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static String pem(RSAPublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }
}
