package dev.garden.auth;

import dev.garden.core.IdGenerator;
import dev.garden.identity.IdentityView;
import dev.garden.identity.Revocations;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Garden's authentication and authorization, built once at startup over the identity store's in-memory view.
 *
 * <pre>{@code
 * GardenAuth auth = GardenAuth.builder()
 *         .identityView(view)
 *         .revocations(store)
 *         .tokenUri("https://garden.example.com/token")     // what Garden's key files say as token_uri
 *         .serviceUrl("https://garden.example.com/")        // accepted as a self-signed JWT's aud
 *         .build();
 *
 * // every API request
 * Principal who = auth.requestAuthenticator().authenticate(headers.first("Authorization"), METHOD);
 * auth.authorizer().check(who, "projects/p/locations/l/endpoints/e", Permission.ENDPOINTS_PREDICT);
 *
 * // POST /token and POST /revoke
 * OAuthResponse response = auth.tokenEndpoint().token(formParameters);
 * }</pre>
 */
public final class GardenAuth {
    /** Google's token URI, the {@code aud} Java and Python google-auth 2.x put in every assertion. */
    public static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";
    /** Google's older token URI, the {@code aud} of Node google-auth-library 9.x's assertions. */
    public static final String GOOGLE_TOKEN_URI_V4 = "https://www.googleapis.com/oauth2/v4/token";
    /** Vertex AI's global host, a self-signed JWT's {@code aud} for clients pointed at Google's URL. */
    public static final String VERTEX_SERVICE_URL = "https://aiplatform.googleapis.com/";
    /** Vertex AI's regional hosts ({@code https://us-central1-aiplatform.googleapis.com/}, ...). */
    public static final String VERTEX_REGIONAL_SERVICE_URLS = "https://*-aiplatform.googleapis.com/";

    private final RequestAuthenticator requestAuthenticator;
    private final TokenEndpoint tokenEndpoint;
    private final Authorizer authorizer;

    private GardenAuth(Builder builder) {
        IdentityView view = builder.view;
        SigningKeyRing keys = new SigningKeyRing(view);
        AccessTokenCodec codec = new AccessTokenCodec(keys);
        Audiences audiences = new Audiences(builder.tokenAudiences, builder.serviceAudiences);
        ServiceAccountJwtVerifier jwts = new ServiceAccountJwtVerifier(view, builder.clock);
        AccessTokenIssuer issuer = new AccessTokenIssuer(codec, keys, builder.clock, builder.ids, builder.lifetime);
        this.requestAuthenticator = new BearerAuthenticator(
                new AccessTokenVerifier(codec, view, builder.clock),
                new SelfSignedJwtAuthenticator(jwts, view, builder.clock, audiences, builder.cacheSize));
        this.tokenEndpoint = new OAuthTokenEndpoint(jwts, issuer, codec, view, builder.revocations, audiences,
                builder.clock);
        this.authorizer = new IamAuthorizer(view);
    }

    /** A builder; {@link Builder#identityView} and {@link Builder#revocations} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bearer check of every API request. */
    public RequestAuthenticator requestAuthenticator() {
        return requestAuthenticator;
    }

    /** The logic of {@code /token} and {@code /revoke}. */
    public TokenEndpoint tokenEndpoint() {
        return tokenEndpoint;
    }

    /** IAM checks. */
    public Authorizer authorizer() {
        return authorizer;
    }

    /** Configures {@link GardenAuth}. */
    public static final class Builder {
        private IdentityView view;
        private Revocations revocations;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids = IdGenerator.random();
        private Duration lifetime = Duration.ofHours(1);
        private final Set<String> tokenAudiences = new LinkedHashSet<>(List.of(GOOGLE_TOKEN_URI,
                GOOGLE_TOKEN_URI_V4));
        private final Set<String> serviceAudiences = new LinkedHashSet<>(List.of(VERTEX_SERVICE_URL,
                VERTEX_REGIONAL_SERVICE_URLS));
        private int cacheSize = 10_000;

        private Builder() {
        }

        /** Where identities, keys, roles and revocations are read. Required. */
        public Builder identityView(IdentityView view) {
            this.view = Objects.requireNonNull(view, "view");
            return this;
        }

        /** Where {@code /revoke} records revocations. Required. */
        public Builder revocations(Revocations revocations) {
            this.revocations = Objects.requireNonNull(revocations, "revocations");
            return this;
        }

        /** The clock every expiry is judged by; the system's UTC clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Makes access tokens' ids; random (about 143 bits) by default. */
        public Builder ids(IdGenerator ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        /**
         * How long an access token lives; an hour by default, as Google's. {@code expires_in} is one second less
         * (3599), as Google sends. Clients refresh 3 min 45 s before expiry, so keep it well above that.
         *
         * @throws IllegalArgumentException outside 5 minutes to 12 hours (Google's own maximum)
         */
        public Builder accessTokenLifetime(Duration lifetime) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.compareTo(Duration.ofMinutes(5)) < 0 || lifetime.compareTo(Duration.ofHours(12)) > 0) {
                throw new IllegalArgumentException("an access token lives 5 minutes to 12 hours; got " + lifetime);
            }
            this.lifetime = lifetime;
            return this;
        }

        /**
         * Adds a token URI accepted as an assertion's {@code aud}: Garden's own, as written in the key files it
         * hands out (Python google-auth 1.5.1 sends the key file's {@code token_uri}). {@link #GOOGLE_TOKEN_URI}
         * and {@link #GOOGLE_TOKEN_URI_V4} are accepted by default, since Java, Python 2.x and Node send those
         * whatever the key file says. A trailing slash does not matter.
         */
        public Builder tokenUri(String uri) {
            tokenAudiences.add(Objects.requireNonNull(uri, "uri"));
            return this;
        }

        /** Replaces the accepted assertion audiences, defaults included. */
        public Builder tokenUris(Set<String> uris) {
            uris.forEach(uri -> Objects.requireNonNull(uri, "uri"));
            tokenAudiences.clear();
            tokenAudiences.addAll(uris);
            return this;
        }

        /**
         * Adds a service URL accepted as a self-signed JWT's {@code aud}: Garden's base URL(s), by scheme, host
         * and port (the path is ignored: clients send {@code https://HOST/}). The host may start with {@code *}
         * for one DNS label or its start. {@link #VERTEX_SERVICE_URL} and {@link #VERTEX_REGIONAL_SERVICE_URLS}
         * are accepted by default, for clients that keep Google's URLs and reach Garden by DNS.
         *
         * @throws IllegalArgumentException if it is not a URL with a scheme and a host
         */
        public Builder serviceUrl(String url) {
            Objects.requireNonNull(url, "url");
            Audiences.checkServiceUrl(url);
            serviceAudiences.add(url);
            return this;
        }

        /** Replaces the accepted self-signed JWT audiences, defaults included. */
        public Builder serviceUrls(Set<String> urls) {
            urls.forEach(Audiences::checkServiceUrl);
            serviceAudiences.clear();
            serviceAudiences.addAll(urls);
            return this;
        }

        /**
         * How many verified self-signed JWTs to remember (each about 1 KB), 10 000 by default; 0 verifies each
         * request's signature anew.
         */
        public Builder selfSignedJwtCacheSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("cache size must not be negative");
            }
            this.cacheSize = size;
            return this;
        }

        /** Builds it. */
        public GardenAuth build() {
            if (view == null) {
                throw new IllegalStateException("identityView is required");
            }
            if (revocations == null) {
                throw new IllegalStateException("revocations is required");
            }
            return new GardenAuth(this);
        }
    }
}
