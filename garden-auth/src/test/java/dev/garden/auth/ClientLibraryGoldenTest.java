package dev.garden.auth;

import dev.garden.core.IdGenerator;
import dev.garden.identity.Member;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWTs made by the real Python and Node client libraries (see {@code goldens/README.md}), accepted at the moment
 * they were made: the padding, JSON spacing, headers and audiences of those libraries, byte for byte.
 */
class ClientLibraryGoldenTest {
    private static final String KEY_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
    private static final String BOT = "bot@garden-proj.iam.gserviceaccount.com";
    private static final String LEGACY_BOT = "legacy-bot@garden-proj.iam.gserviceaccount.com";

    @Test
    void python151Assertion_paddedWithTheKeyFilesTokenUri_isExchanged() {
        String assertion = golden("python-google-auth-1.5.1-assertion.jwt");
        World world = new World(LEGACY_BOT, issuedAt(1795333911));

        assertThat(assertion).contains("=.").endsWith("==");
        String token = AuthFixture.accessToken(world.exchange(assertion));
        assertThat(world.authenticate(token).member()).isEqualTo(Member.serviceAccount(LEGACY_BOT));
    }

    @Test
    void nodeAssertion_withoutKidForTheV4TokenUri_isExchanged() {
        World world = new World(BOT, issuedAt(1795333894));

        String token = AuthFixture.accessToken(world.exchange(golden("node-google-auth-library-9.15.1-assertion.jwt")));
        assertThat(world.authenticate(token).credentialId()).isEqualTo(KEY_ID);
    }

    @Test
    void nodeSelfSignedJwtWithScope_isAcceptedAsABearerToken() {
        World world = new World(BOT, issuedAt(1795333894));

        Principal principal = world.authenticate(golden(
                "node-google-auth-library-9.15.1-self-signed-universe-domain.jwt"));
        assertThat(principal).isEqualTo(new Principal(Member.serviceAccount(BOT), Principal.Via.SELF_SIGNED_JWT,
                KEY_ID));
    }

    @Test
    void goldens_anHourAndTenMinutesLater_areExpired() {
        World world = new World(BOT, issuedAt(1795333894).plus(Duration.ofMinutes(70)));

        assertThat(world.exchange(golden("node-google-auth-library-9.15.1-assertion.jwt")).httpStatus())
                .isEqualTo(400);
    }

    /** A Garden whose one service account owns the golden key, at a moment shortly after the JWT was made. */
    private static final class World {
        private final FakeIdentityView view = new FakeIdentityView();
        private final GardenAuth auth;

        World(String account, Instant now) {
            view.addServiceAccount(account);
            view.addKey(KEY_ID, account, publicKey());
            view.addSigningKey(AuthFixture.signingKey("sk1", now));
            auth = GardenAuth.builder().identityView(view).revocations(view).clock(new MutableClock(now))
                    .ids(IdGenerator.sequential()).tokenUri(AuthFixture.TOKEN_URI).serviceUrl(AuthFixture.SERVICE_URL)
                    .build();
        }

        OAuthResponse exchange(String assertion) {
            return auth.tokenEndpoint().token(java.util.Map.of("grant_type", TokenEndpoint.JWT_BEARER,
                    "assertion", assertion));
        }

        Principal authenticate(String token) {
            return auth.requestAuthenticator().authenticate(Optional.of("Bearer " + token), AuthFixture.METHOD);
        }
    }

    private static Instant issuedAt(long iat) {
        return Instant.ofEpochSecond(iat).plusSeconds(30);
    }

    private static String golden(String name) {
        try (InputStream in = ClientLibraryGoldenTest.class.getResourceAsStream("goldens/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static RSAPublicKey publicKey() {
        String pem = golden("service-account-key.pub.pem").replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
