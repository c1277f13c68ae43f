package dev.garden.auth;

import dev.garden.auth.TokenRejected.Rejection;
import dev.garden.identity.IdentityView;
import dev.garden.identity.Member;
import dev.garden.identity.ServiceAccount;
import dev.garden.identity.ServiceAccountKey;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Self-signed service-account JWTs as bearer tokens, which Google accepts without a token exchange
 * (<a href="https://google.aip.dev/auth/4111">AIP-4111</a>): {@code iss} and {@code sub} both the account's email,
 * signed RS256 by one of its enabled keys, and either an {@code aud} that names this service (Java and Python send
 * {@code https://HOST/}) or no {@code aud} and a {@code scope} (Node's library with a non-Google
 * {@code universe_domain}, and Java's with {@code useJwtAccessWithScope}).
 *
 * <p>Parsing and an RS256 verification cost about 40 µs ({@code TokenVerificationBench}), and clients reuse a JWT
 * for up to an hour, so a successful verification is remembered by the JWT's exact text until the JWT expires (under
 * 1 µs a request then); what can change meanwhile (the key disabled, the account disabled or deleted) is checked on
 * every request.
 */
final class SelfSignedJwtAuthenticator {
    private record Remembered(String accountEmail, String keyId) {
    }

    private final ServiceAccountJwtVerifier verifier;
    private final IdentityView view;
    private final Clock clock;
    private final Audiences audiences;
    private final ExpiringCache<Remembered> cache;

    SelfSignedJwtAuthenticator(ServiceAccountJwtVerifier verifier, IdentityView view, Clock clock,
                               Audiences audiences, int cacheSize) {
        this.verifier = verifier;
        this.view = view;
        this.clock = clock;
        this.audiences = audiences;
        this.cache = new ExpiringCache<>(cacheSize);
    }

    Principal authenticate(String jwt) throws TokenRejected {
        Instant now = clock.instant();
        Remembered remembered = cache.get(jwt, now);
        if (remembered == null) {
            remembered = verify(jwt, now);
        }
        checkStillValid(remembered);
        return new Principal(Member.serviceAccount(remembered.accountEmail), Principal.Via.SELF_SIGNED_JWT,
                remembered.keyId);
    }

    /** The number of verifications remembered, for tests. */
    int cached() {
        return cache.size();
    }

    private Remembered verify(String jwt, Instant now) throws TokenRejected {
        ServiceAccountJwtVerifier.Verified verified;
        try {
            verified = verifier.verify(jwt);
        } catch (ServiceAccountJwtVerifier.Rejected e) {
            Rejection rejection = switch (e.problem()) {
                case EXPIRED -> Rejection.EXPIRED;
                case ACCOUNT_DISABLED -> Rejection.ACCOUNT_STATE;
                case MALFORMED, ALGORITHM, UNKNOWN_ACCOUNT, SIGNATURE, TIMEFRAME -> Rejection.INVALID;
            };
            throw new TokenRejected(rejection, "self-signed JWT: " + e.getMessage());
        }
        ServiceAccount account = verified.account();
        String subject = verified.claims().getSubject();
        if (subject == null || !subject.equalsIgnoreCase(verified.claims().getIssuer())) {
            throw new TokenRejected(Rejection.INVALID, "self-signed JWT: sub " + subject + " is not iss");
        }
        checkAudience(verified);
        Remembered remembered = new Remembered(account.email(), verified.key().keyId());
        cache.put(jwt, remembered, verified.expiry(), now);
        return remembered;
    }

    private void checkAudience(ServiceAccountJwtVerifier.Verified verified) throws TokenRejected {
        List<String> aud = verified.claims().getAudience();
        if (!aud.isEmpty()) {
            if (aud.stream().noneMatch(audiences::acceptsService)) {
                throw new TokenRejected(Rejection.INVALID, "self-signed JWT: audience " + aud
                        + " is not this service");
            }
            return;
        }
        String scope;
        try {
            scope = verified.claims().getStringClaim("scope");
        } catch (ParseException e) {
            scope = null;
        }
        if (scope == null || scope.isBlank()) {
            throw new TokenRejected(Rejection.INVALID, "self-signed JWT: neither aud nor scope");
        }
    }

    /** What may have changed since the signature was verified. Key first, as an uncached check would find it. */
    private void checkStillValid(Remembered remembered) throws TokenRejected {
        Optional<ServiceAccountKey> key = view.key(remembered.keyId);
        if (key.isEmpty() || key.get().disabled()
                || !key.get().accountEmail().equalsIgnoreCase(remembered.accountEmail)) {
            throw new TokenRejected(Rejection.INVALID, "self-signed JWT: key " + remembered.keyId
                    + " is disabled or deleted");
        }
        Optional<ServiceAccount> account = view.serviceAccount(remembered.accountEmail);
        if (account.isEmpty() || account.get().disabled()) {
            throw new TokenRejected(Rejection.ACCOUNT_STATE, "self-signed JWT: service account "
                    + remembered.accountEmail + " is disabled or deleted");
        }
    }
}
