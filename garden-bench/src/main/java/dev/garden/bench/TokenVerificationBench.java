package dev.garden.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.garden.auth.GardenAuth;
import dev.garden.auth.OAuthResponse;
import dev.garden.auth.Principal;
import dev.garden.auth.RequestAuthenticator;
import dev.garden.auth.TokenEndpoint;
import dev.garden.identity.IdentityView;
import dev.garden.identity.Member;
import dev.garden.identity.OAuthClient;
import dev.garden.identity.RefreshToken;
import dev.garden.identity.Revocations;
import dev.garden.identity.Role;
import dev.garden.identity.ServiceAccount;
import dev.garden.identity.ServiceAccountKey;
import dev.garden.identity.SigningKey;
import dev.garden.identity.UserAccount;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What authenticating a request costs (the bar: under 50 µs): the whole {@link RequestAuthenticator} call from the
 * {@code Authorization} header to a {@link Principal}, over an in-memory identity view, for
 * <ul>
 *   <li>a Garden access token (HMAC-SHA256 and a handful of map lookups);</li>
 *   <li>a self-signed service-account JWT seen before (a cache hit, plus the key and account state checks);</li>
 *   <li>a self-signed JWT on first use (no cache: JSON parsing and an RS256 verification with a 2048-bit key);</li>
 * </ul>
 * and, for scale, a JWT-bearer exchange at the token endpoint (RS256 verification and a token issued).
 *
 * <pre>
 * ./mvnw -q -DskipTests -pl garden-auth,garden-bench install
 * java -cp 'garden-bench/target/garden-bench.jar:garden-bench/target/lib/*' org.openjdk.jmh.Main \
 *      TokenVerificationBench -f 2 -wi 3 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class TokenVerificationBench {
    private static final String ACCOUNT = "bench@garden-bench.iam.gserviceaccount.com";
    private static final String KEY_ID = "0123456789abcdef0123456789abcdef01234567";
    private static final String METHOD = "google.cloud.aiplatform.v1.PredictionService.ChatCompletions";

    private RequestAuthenticator cached;
    private RequestAuthenticator uncached;
    private TokenEndpoint tokenEndpoint;
    private Optional<String> accessTokenHeader;
    private Optional<String> selfSignedHeader;
    private Map<String, String> assertionForm;

    /** Builds the identities, a Garden access token and the JWTs, once per fork. */
    @Setup
    public void setUp() throws Exception {
        KeyPair keys = rsa();
        InMemoryIdentity identity = new InMemoryIdentity(keys);
        GardenAuth auth = GardenAuth.builder().identityView(identity).revocations(identity)
                .serviceUrl("https://garden.example.com/").build();
        GardenAuth noCache = GardenAuth.builder().identityView(identity).revocations(identity)
                .serviceUrl("https://garden.example.com/").selfSignedJwtCacheSize(0).build();
        cached = auth.requestAuthenticator();
        uncached = noCache.requestAuthenticator();
        tokenEndpoint = auth.tokenEndpoint();

        Instant now = Instant.now();
        // What Java's ServiceAccountCredentials sends: kid, iss, aud Google's token URI, an hour.
        String assertion = sign(keys, new JWTClaimsSet.Builder().issuer(ACCOUNT)
                .audience(GardenAuth.GOOGLE_TOKEN_URI).claim("scope", "https://www.googleapis.com/auth/cloud-platform")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).build());
        assertionForm = Map.of("grant_type", TokenEndpoint.JWT_BEARER, "assertion", assertion);
        OAuthResponse response = tokenEndpoint.token(assertionForm);
        if (!(response instanceof OAuthResponse.AccessToken token)) {
            throw new IllegalStateException("no access token: " + response.body());
        }
        accessTokenHeader = Optional.of("Bearer " + token.accessToken());
        // What Java's self-signed JWT for a URL looks like: kid, iss = sub, aud the origin.
        selfSignedHeader = Optional.of("Bearer " + sign(keys, new JWTClaimsSet.Builder().issuer(ACCOUNT)
                .subject(ACCOUNT).audience("https://garden.example.com/").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600))).build()));
        // Fail here, not with a misleading number, if anything is refused.
        accessToken();
        selfSignedJwtCached();
        selfSignedJwtUncached();
    }

    /** A Garden access token. */
    @Benchmark
    public Principal accessToken() {
        return cached.authenticate(accessTokenHeader, METHOD);
    }

    /** A self-signed JWT whose signature was verified before. */
    @Benchmark
    public Principal selfSignedJwtCached() {
        return cached.authenticate(selfSignedHeader, METHOD);
    }

    /** A self-signed JWT verified from scratch: the first request with a new JWT. */
    @Benchmark
    public Principal selfSignedJwtUncached() {
        return uncached.authenticate(selfSignedHeader, METHOD);
    }

    /** {@code POST /token} with a JWT-bearer assertion, without HTTP. */
    @Benchmark
    public OAuthResponse jwtBearerExchange() {
        return tokenEndpoint.token(assertionForm);
    }

    private static String sign(KeyPair keys, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(KEY_ID).build(), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** One project, one service account with one key and a role, one signing key; nothing revoked. */
    private static final class InMemoryIdentity implements IdentityView, Revocations {
        private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

        private final ServiceAccount account = new ServiceAccount(ACCOUNT, "garden-bench", "1", "bench", false,
                CREATED);
        private final ServiceAccountKey key;
        private final List<SigningKey> signingKeys = List.of(new SigningKey("sk1",
                "a benchmark's signing key, 32 bytes or more".getBytes(StandardCharsets.UTF_8), CREATED, true));

        InMemoryIdentity(KeyPair keys) {
            key = new ServiceAccountKey(KEY_ID, ACCOUNT, (RSAPublicKey) keys.getPublic(), CREATED, false);
        }

        @Override
        public boolean projectExists(String projectId) {
            return projectId.equals(account.projectId());
        }

        @Override
        public Optional<ServiceAccount> serviceAccount(String email) {
            return email.equalsIgnoreCase(ACCOUNT) ? Optional.of(account) : Optional.empty();
        }

        @Override
        public List<ServiceAccountKey> keys(String accountEmail) {
            return accountEmail.equalsIgnoreCase(ACCOUNT) ? List.of(key) : List.of();
        }

        @Override
        public Optional<ServiceAccountKey> key(String keyId) {
            return keyId.equals(KEY_ID) ? Optional.of(key) : Optional.empty();
        }

        @Override
        public Optional<UserAccount> user(String email) {
            return Optional.empty();
        }

        @Override
        public Optional<OAuthClient> oauthClient(String clientId) {
            return Optional.empty();
        }

        @Override
        public Optional<RefreshToken> refreshTokenBySha256(String tokenSha256) {
            return Optional.empty();
        }

        @Override
        public Optional<RefreshToken> refreshToken(String id) {
            return Optional.empty();
        }

        @Override
        public Set<Role> roles(String projectId, Member member) {
            return projectExists(projectId) && member.equals(Member.serviceAccount(ACCOUNT)) ? Set.of(Role.USER)
                                                                                            : Set.of();
        }

        @Override
        public List<SigningKey> signingKeys() {
            return signingKeys;
        }

        @Override
        public boolean isAccessTokenRevoked(String tokenId) {
            return false;
        }

        @Override
        public Instant freshAsOf() {
            return Instant.now();
        }

        @Override
        public void revokeAccessToken(String tokenId, Instant expiry) {
        }

        @Override
        public void revokeRefreshToken(String refreshTokenId) {
        }
    }
}
