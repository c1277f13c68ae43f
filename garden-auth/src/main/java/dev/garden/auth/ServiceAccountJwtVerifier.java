package dev.garden.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.garden.identity.IdentityView;
import dev.garden.identity.ServiceAccount;
import dev.garden.identity.ServiceAccountKey;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a JWT signed by a service account's key must satisfy, whether it is an assertion for the token endpoint
 * (RFC 7523) or a self-signed bearer token: RS256 only, the issuer an existing account, the signature made by one of
 * its enabled keys, the account enabled, and Google's timeframe: {@code iat} and {@code exp} present,
 * {@code exp - iat} at most an hour, up to five minutes of clock skew either way. Audience and subject differ
 * between the two uses, so the callers check them.
 *
 * <p>Checks run in an order that tells nobody anything they could not know: whether an account exists is public
 * (Google says "account not found" too), but its state and any claim are reported only once the signature proves
 * the caller holds one of its keys.
 */
final class ServiceAccountJwtVerifier {
    /** Google's limit on {@code exp - iat}. */
    static final Duration MAX_LIFETIME = Duration.ofHours(1);
    /** How far a client's clock may be off. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** A service-account JWT is well under 2 KB; this bounds the work spent on garbage. */
    private static final int MAX_LENGTH = 8192;

    private final IdentityView view;
    private final Clock clock;

    ServiceAccountJwtVerifier(IdentityView view, Clock clock) {
        this.view = view;
        this.clock = clock;
    }

    /** Why a JWT was refused; each caller words these its own way. */
    enum Problem {
        /** Not three base64url segments of JSON, or claims of the wrong type. */
        MALFORMED,
        /** Not RS256 ({@code none}, {@code HS256}, ...). */
        ALGORITHM,
        /** No service account named by {@code iss}. */
        UNKNOWN_ACCOUNT,
        /** Not signed by any enabled key of the account (forged, or a disabled, deleted or foreign {@code kid}). */
        SIGNATURE,
        /** The account is disabled. */
        ACCOUNT_DISABLED,
        /** {@code iat}/{@code exp} missing, too far apart, or in the future. */
        TIMEFRAME,
        /** {@code exp} has passed (with the skew allowed). */
        EXPIRED
    }

    /** A refusal, with a detail for Garden's debug log. */
    static final class Rejected extends Exception {
        private final Problem problem;

        Rejected(Problem problem, String detail) {
            super(detail, null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    /**
     * A JWT that passed.
     *
     * @param account the issuer
     * @param key     the key whose signature verified
     * @param claims  all claims, for the caller's audience and subject checks
     * @param expiry  {@code exp}, plus the skew allowed: when the JWT really stops being accepted
     */
    record Verified(ServiceAccount account, ServiceAccountKey key, JWTClaimsSet claims, Instant expiry) {
    }

    /**
     * Whether a token has a JWS compact serialisation's shape: three dot-separated base64url segments, each possibly
     * padded with {@code =}, the first two not empty. Python google-auth 1.5.1 pads; RFC 7515 §2 says not to, and
     * nimbus accepts both (and keeps the padded text as the signing input, which is what the client signed).
     */
    static boolean looksLikeJwt(String token) {
        if (token.length() > MAX_LENGTH) {
            return false;
        }
        int segments = 1;
        int segmentStart = 0;
        int padding = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (i == segmentStart) {
                    return false;
                }
                segments++;
                segmentStart = i + 1;
                padding = 0;
            } else if (c == '=') {
                if (i == segmentStart || ++padding > 2) {
                    return false;
                }
            } else if (padding > 0 || !isBase64Url(c)) {
                return false;
            }
        }
        // An empty third segment is an unsecured JWT (RFC 7519 §6): well-formed, and refused later for its alg.
        return segments == 3;
    }

    Verified verify(String jwt) throws Rejected {
        SignedJWT parsed = parse(jwt);
        JWTClaimsSet claims = claims(parsed);
        String issuer = claims.getIssuer();
        if (issuer == null || issuer.isBlank()) {
            throw new Rejected(Problem.MALFORMED, "no iss claim");
        }
        ServiceAccount account = view.serviceAccount(issuer)
                .orElseThrow(() -> new Rejected(Problem.UNKNOWN_ACCOUNT, "no service account " + issuer));
        ServiceAccountKey key = verifySignature(parsed, account);
        if (account.disabled()) {
            throw new Rejected(Problem.ACCOUNT_DISABLED, "service account " + account.email() + " is disabled");
        }
        Instant expiry = checkTimeframe(claims);
        return new Verified(account, key, claims, expiry);
    }

    private static SignedJWT parse(String jwt) throws Rejected {
        if (!looksLikeJwt(jwt)) {
            throw new Rejected(Problem.MALFORMED, "not a JWS in compact form");
        }
        try {
            // The algorithm first, from the raw header, so that "none" is named as such rather than reported as a
            // parse failure, and nothing but RS256 goes any further.
            Map<String, Object> header = JSONObjectUtils.parse(
                    new Base64URL(jwt.substring(0, jwt.indexOf('.'))).decodeToString());
            Object alg = header.get("alg");
            if (!JWSAlgorithm.RS256.getName().equals(alg)) {
                throw new Rejected(Problem.ALGORITHM, "alg " + alg + " is not RS256");
            }
            return SignedJWT.parse(jwt);
        } catch (ParseException e) {
            throw new Rejected(Problem.MALFORMED, "unparseable JWT: " + e.getMessage());
        }
    }

    private static JWTClaimsSet claims(SignedJWT parsed) throws Rejected {
        try {
            return parsed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Rejected(Problem.MALFORMED, "unparseable claims: " + e.getMessage());
        }
    }

    /**
     * The enabled key of the account whose signature verifies. With a {@code kid} (Java, Python), only that key,
     * which must be the account's; without one (Node), each enabled key in turn: an account has a handful at most.
     */
    private ServiceAccountKey verifySignature(SignedJWT parsed, ServiceAccount account) throws Rejected {
        String keyId = parsed.getHeader().getKeyID();
        List<ServiceAccountKey> candidates;
        if (keyId != null && !keyId.isBlank()) {
            Optional<ServiceAccountKey> key = view.key(keyId)
                    .filter(k -> !k.disabled() && k.accountEmail().equalsIgnoreCase(account.email()));
            candidates = key.map(List::of).orElse(List.of());
        } else {
            candidates = view.keys(account.email()).stream().filter(k -> !k.disabled()).toList();
        }
        for (ServiceAccountKey key : candidates) {
            try {
                if (parsed.verify(new RSASSAVerifier(key.publicKey()))) {
                    return key;
                }
            } catch (JOSEException | IllegalStateException e) {
                // A key the verifier cannot use, or a JWS in an unexpected state: not a signature by this key.
            }
        }
        throw new Rejected(Problem.SIGNATURE, "signature does not verify with "
                + (keyId == null ? "any enabled key of " + account.email()
                                 : "enabled key " + keyId + " of " + account.email()));
    }

    /** Google's timeframe rules; returns when the JWT stops being accepted. */
    private Instant checkTimeframe(JWTClaimsSet claims) throws Rejected {
        Date issued = claims.getIssueTime();
        Date expires = claims.getExpirationTime();
        if (issued == null || expires == null) {
            throw new Rejected(Problem.TIMEFRAME, "iat and exp are required");
        }
        Instant iat = issued.toInstant();
        Instant exp = expires.toInstant();
        Instant now = clock.instant();
        if (!exp.isAfter(iat) || Duration.between(iat, exp).compareTo(MAX_LIFETIME) > 0) {
            throw new Rejected(Problem.TIMEFRAME, "exp - iat is " + Duration.between(iat, exp)
                    + ", more than " + MAX_LIFETIME + " or not positive");
        }
        Instant latestAcceptable = now.plus(CLOCK_SKEW);
        if (iat.isAfter(latestAcceptable)) {
            throw new Rejected(Problem.TIMEFRAME, "iat " + iat + " is in the future");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(latestAcceptable)) {
            throw new Rejected(Problem.TIMEFRAME, "nbf " + notBefore.toInstant() + " is in the future");
        }
        Instant deadline = exp.plus(CLOCK_SKEW);
        if (!now.isBefore(deadline)) {
            throw new Rejected(Problem.EXPIRED, "expired at " + exp);
        }
        return deadline;
    }

    private static boolean isBase64Url(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
