package dev.garden.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only, in-memory view of the identity store, for the checks every request makes: who an account is, its
 * keys, its roles on a project, what was revoked. Reads never touch the database; the view follows the store by
 * polling it, so a change made through any Garden instance (or the CLI) is seen everywhere within seconds.
 */
public interface IdentityView {

    /** A project by id. */
    boolean projectExists(String projectId);

    /** A service account by email (case-insensitive). */
    Optional<ServiceAccount> serviceAccount(String email);

    /** A service account's keys, enabled and disabled. */
    List<ServiceAccountKey> keys(String accountEmail);

    /** A key by its id. */
    Optional<ServiceAccountKey> key(String keyId);

    /** A user by email (case-insensitive). */
    Optional<UserAccount> user(String email);

    /** An OAuth client by id. */
    Optional<OAuthClient> oauthClient(String clientId);

    /** A refresh token by the SHA-256 (hex) of its value. */
    Optional<RefreshToken> refreshTokenBySha256(String tokenSha256);

    /** A refresh token by id. */
    Optional<RefreshToken> refreshToken(String id);

    /** The roles a member holds on a project. */
    Set<Role> roles(String projectId, Member member);

    /** The keys access tokens are signed and checked with; exactly one is active. */
    List<SigningKey> signingKeys();

    /** Whether an access token (by its id) was revoked before it expired. */
    boolean isAccessTokenRevoked(String tokenId);

    /** When the view last caught up with the store. */
    Instant freshAsOf();
}
