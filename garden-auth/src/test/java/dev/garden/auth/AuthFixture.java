package dev.garden.auth;

import dev.garden.auth.OAuthResponse.ErrorResponse;
import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import dev.garden.core.IdGenerator;
import dev.garden.identity.Member;
import dev.garden.identity.Role;
import dev.garden.identity.SigningKey;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A small world (a project, two service accounts with a key each, a user with a refresh token through an OAuth
 * client, one signing key) and Garden's auth over it, with a clock the test moves. Also builds the assertions and
 * self-signed JWTs each Google client library sends (see shared/VERTEX-NOTES.md).
 */
final class AuthFixture {
    static final String PROJECT = "garden-proj";
    static final String BOT = "bot@garden-proj.iam.gserviceaccount.com";
    static final String OTHER = "other@garden-proj.iam.gserviceaccount.com";
    static final String BOT_KEY_ID = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
    static final String OTHER_KEY_ID = "fedcba9876543210fedcba9876543210fedcba98";
    static final String ALICE = "alice@example.com";
    static final String CLIENT_ID = "garden-cli.apps.garden.dev";
    static final String CLIENT_SECRET = "GOCSPX-not-so-secret-for-tests";
    static final String ALICE_REFRESH_TOKEN = "1//alice-refresh-token-value";
    static final String ALICE_REFRESH_TOKEN_ID = "rt-alice";
    static final String TOKEN_URI = "https://garden.example.com/token";
    static final String SERVICE_URL = "https://garden.example.com/";
    static final String METHOD = "google.cloud.aiplatform.v1.PredictionService.ChatCompletions";
    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    static final Instant START = Instant.parse("2026-11-22T08:00:00Z");

    /** RSA key generation is slow; every test shares these. */
    static final KeyPair BOT_KEYS = rsa();
    static final KeyPair OTHER_KEYS = rsa();
    static final KeyPair ROGUE_KEYS = rsa();

    final MutableClock clock;
    final FakeIdentityView view = new FakeIdentityView();
    final GardenAuth auth;

    AuthFixture() {
        this(START);
    }

    AuthFixture(Instant now) {
        this(now, GardenAuth.builder());
    }

    /** A world over a builder the test has configured (identity, clock and ids are set here). */
    AuthFixture(Instant now, GardenAuth.Builder builder) {
        clock = new MutableClock(now);
        view.addProject(PROJECT);
        view.addServiceAccount(BOT);
        view.addKey(BOT_KEY_ID, BOT, (RSAPublicKey) BOT_KEYS.getPublic());
        view.addServiceAccount(OTHER);
        view.addKey(OTHER_KEY_ID, OTHER, (RSAPublicKey) OTHER_KEYS.getPublic());
        view.addUser(ALICE);
        view.addOAuthClient(CLIENT_ID, CLIENT_SECRET);
        view.addRefreshToken(ALICE_REFRESH_TOKEN_ID, ALICE_REFRESH_TOKEN, ALICE, CLIENT_ID);
        view.grant(PROJECT, Member.serviceAccount(BOT), Role.USER);
        view.grant(PROJECT, Member.user(ALICE), Role.USER);
        view.addSigningKey(signingKey("sk1", now));
        auth = builder.identityView(view).revocations(view).clock(clock).ids(IdGenerator.sequential())
                .tokenUri(TOKEN_URI).serviceUrl(SERVICE_URL).build();
    }

    static SigningKey signingKey(String id, Instant created) {
        byte[] secret = ("a signing key of at least 32 bytes: " + id).getBytes(StandardCharsets.UTF_8);
        return new SigningKey(id, secret, created, true);
    }

    long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    // ---- assertions and self-signed JWTs, as each client library builds them

    /**
     * google-auth-library-java's {@code ServiceAccountCredentials.createAssertion}: {@code kid}, {@code typ}, and
     * {@code aud} Google's token URI whatever the key file says; no {@code sub}.
     */
    Jwt javaAssertion() {
        long iat = nowSeconds();
        return Jwt.rs256().header("kid", BOT_KEY_ID)
                .claim("iss", BOT).claim("iat", iat).claim("exp", iat + 3600).claim("scope", CLOUD_PLATFORM)
                .claim("aud", GardenAuth.GOOGLE_TOKEN_URI);
    }

    /**
     * Debian's python3-google-auth 1.5.1: header {@code typ, alg, kid}, {@code aud} the key file's
     * {@code token_uri}, {@code scope} empty when none was asked for, {@code json.dumps} spacing, and base64url
     * segments padded with {@code =}.
     */
    Jwt python151Assertion() {
        long iat = nowSeconds();
        return new Jwt().header("typ", "JWT").header("alg", "RS256").header("kid", BOT_KEY_ID)
                .claim("iat", iat).claim("exp", iat + 3600).claim("iss", BOT).claim("aud", TOKEN_URI)
                .claim("scope", "").pythonJson().padded();
    }

    /** Node google-auth-library 9.x (gtoken): header {@code alg} only, no {@code kid}, the v4 token URI. */
    Jwt nodeAssertion() {
        long iat = nowSeconds();
        return new Jwt().header("alg", "RS256")
                .claim("iss", BOT).claim("scope", CLOUD_PLATFORM).claim("aud", GardenAuth.GOOGLE_TOKEN_URI_V4)
                .claim("exp", iat + 3600).claim("iat", iat);
    }

    /** Java's (and Python's) self-signed JWT for a URL: {@code kid}, {@code aud} the origin and a slash. */
    Jwt javaSelfSigned() {
        long iat = nowSeconds();
        return Jwt.rs256().header("kid", BOT_KEY_ID)
                .claim("iss", BOT).claim("sub", BOT).claim("aud", SERVICE_URL).claim("iat", iat)
                .claim("exp", iat + 3600);
    }

    /**
     * Node with a non-Google {@code universe_domain} ({@code JWTAccess} with scopes): {@code iss}, {@code sub},
     * {@code scope}, {@code exp}, {@code iat}, no {@code aud}; and no {@code kid}, as a {@code JWT} client built from
     * an email and a key alone sends it (from a key file it adds {@code kid}: see the goldens).
     */
    Jwt nodeSelfSigned() {
        long iat = nowSeconds();
        return Jwt.rs256()
                .claim("iss", BOT).claim("sub", BOT).claim("scope", CLOUD_PLATFORM).claim("exp", iat + 3600)
                .claim("iat", iat);
    }

    // ---- calling Garden

    OAuthResponse jwtBearer(String assertion) {
        return auth.tokenEndpoint().token(Map.of("grant_type", TokenEndpoint.JWT_BEARER, "assertion", assertion));
    }

    OAuthResponse refresh(String clientId, String clientSecret, String refreshToken) {
        return auth.tokenEndpoint().token(Map.of("grant_type", "refresh_token", "client_id", clientId,
                "client_secret", clientSecret, "refresh_token", refreshToken));
    }

    /** A Garden access token for the bot, through the JWT-bearer grant. */
    String botAccessToken() {
        return accessToken(jwtBearer(javaAssertion().sign(BOT_KEYS.getPrivate())));
    }

    /** A Garden access token for Alice, through the refresh-token grant. */
    String aliceAccessToken() {
        return accessToken(refresh(CLIENT_ID, CLIENT_SECRET, ALICE_REFRESH_TOKEN));
    }

    static String accessToken(OAuthResponse response) {
        assertThat(response).isInstanceOf(OAuthResponse.AccessToken.class);
        return ((OAuthResponse.AccessToken) response).accessToken();
    }

    Principal authenticate(String token) {
        return auth.requestAuthenticator().authenticate(Optional.of("Bearer " + token), METHOD);
    }

    /** The exception for a refused Authorization header, checked to be UNAUTHENTICATED. */
    GardenException refusedHeader(Optional<String> authorization) {
        GardenException e = catchThrowableOfType(GardenException.class,
                () -> auth.requestAuthenticator().authenticate(authorization, METHOD));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHENTICATED);
        return e;
    }

    /** The reason a bearer token is refused with. */
    String refusalReason(String token) {
        return refusedHeader(Optional.of("Bearer " + token)).reason().orElseThrow().reason();
    }

    static ErrorResponse error(OAuthResponse response) {
        assertThat(response).isInstanceOf(ErrorResponse.class);
        return (ErrorResponse) response;
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
