package dev.garden.identity.store;

import dev.garden.identity.Member;
import dev.garden.identity.OAuthClient;
import dev.garden.identity.RefreshToken;
import dev.garden.identity.Revocations;
import dev.garden.identity.Role;
import dev.garden.identity.ServiceAccount;
import dev.garden.identity.ServiceAccountKey;
import dev.garden.identity.SigningKey;
import dev.garden.identity.UserAccount;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Garden's durable identity store: projects, service accounts and their public keys, users, OAuth clients,
 * refresh tokens, IAM bindings, the access-token signing keys and revoked access tokens. Backs the gcloud-style
 * CLI verbs, the token endpoint's writes ({@link Revocations}) and the first-start bootstrap; request handling
 * reads through an {@link IdentityCache} instead.
 *
 * <p>Open one per process with {@link #open(IdentityStoreConfig)} and close it on exit:
 * <pre>{@code
 * IdentityStore store = IdentityStore.open(IdentityStoreConfig.fromEnvironment(System.getenv(), gardenHome));
 * }</pre>
 *
 * <p>Every write is one transaction, and writes are serialized across all processes sharing the database, so
 * two processes creating the same account get one success and one {@link IdentityException.Kind#ALREADY_EXISTS}.
 * Failures are {@link IdentityException}s. Secrets (private keys, client secrets, refresh tokens) are returned
 * once and stored only as public keys or SHA-256 hashes; the signing keys are the one secret the store keeps.
 *
 * <p>Emails are case-insensitive and returned in lower case. Disabling or enabling something already so, and
 * adding a binding that exists, succeed without change, as gcloud's do.
 */
public sealed interface IdentityStore extends Revocations, AutoCloseable permits JdbcIdentityStore {

    /** A service account holds at most this many keys, as on Google Cloud. */
    int MAX_KEYS_PER_ACCOUNT = 10;

    /**
     * Opens the store, creating or migrating its schema, with the system clock and a fresh {@link SecureRandom}.
     *
     * @throws IdentityException {@code UNAVAILABLE} if the database cannot be reached
     */
    static IdentityStore open(IdentityStoreConfig config) {
        return open(config, Clock.systemUTC(), new SecureRandom());
    }

    /** Opens the store with the given clock (every timestamp) and randomness (ids, secrets, key pairs). */
    static IdentityStore open(IdentityStoreConfig config, Clock clock, SecureRandom random) {
        return JdbcIdentityStore.open(config, clock, random);
    }

    /** The configuration it was opened with. */
    IdentityStoreConfig config();

    /** The store's current version; it grows with every write, from any process. */
    long version();

    // --- projects

    /**
     * Creates a project. Ids follow Google's rules: 6 to 30 lowercase letters, digits or hyphens, starting with a
     * letter, not ending with a hyphen.
     *
     * @param displayName a human-readable name; blank means the id
     */
    Project createProject(String projectId, String displayName);

    /** A project by id. */
    Optional<Project> project(String projectId);

    /** Every project, by id. */
    List<Project> projects();

    /** Deletes a project with its service accounts, their keys and bindings, and the project's IAM policy. */
    void deleteProject(String projectId);

    // --- service accounts

    /**
     * Creates {@code NAME@PROJECT.iam.gserviceaccount.com} with a new 21-digit unique id. Names follow gcloud's
     * rules: 6 to 30 characters, {@code [a-z]([-a-z0-9]*[a-z0-9])}.
     */
    ServiceAccount createServiceAccount(String projectId, String name, String displayName);

    /** A service account by email. */
    Optional<ServiceAccount> serviceAccount(String email);

    /** A project's service accounts, by email. */
    List<ServiceAccount> serviceAccounts(String projectId);

    /** Disables an account: its keys and tokens stop working. */
    void disableServiceAccount(String email);

    /** Enables a disabled account. */
    void enableServiceAccount(String email);

    /** Deletes an account, its keys, and every IAM binding that names it. */
    void deleteServiceAccount(String email);

    // --- service account keys

    /**
     * Creates an RSA-2048 key for an account. Only the public key is stored; the private key is in the result
     * and nowhere else.
     *
     * @throws IdentityException {@code FAILED_PRECONDITION} when the account has {@value #MAX_KEYS_PER_ACCOUNT}
     */
    CreatedKey createKey(String accountEmail);

    /** An account's keys, oldest first. */
    List<ServiceAccountKey> keys(String accountEmail);

    /** A key by its id. */
    Optional<ServiceAccountKey> key(String keyId);

    /** Disables a key: its signatures stop working. */
    void disableKey(String keyId);

    /** Enables a disabled key. */
    void enableKey(String keyId);

    /** Deletes a key. */
    void deleteKey(String keyId);

    // --- users

    /** Creates a user account. */
    UserAccount createUser(String email);

    /** A user by email. */
    Optional<UserAccount> user(String email);

    /** Every user, by email. */
    List<UserAccount> users();

    /** Disables a user: their refresh and access tokens stop working. */
    void disableUser(String email);

    /** Enables a disabled user. */
    void enableUser(String email);

    /** Deletes a user, their refresh tokens and every IAM binding that names them. */
    void deleteUser(String email);

    // --- OAuth clients

    /** Creates an OAuth client with a random secret; only the secret's SHA-256 is stored. */
    CreatedOAuthClient createOAuthClient(String displayName);

    /** An OAuth client by id. */
    Optional<OAuthClient> oauthClient(String clientId);

    /** Every OAuth client, by id. */
    List<OAuthClient> oauthClients();

    /** Deletes an OAuth client and the refresh tokens issued to it. */
    void deleteOAuthClient(String clientId);

    // --- refresh tokens

    /**
     * Issues a refresh token to an enabled user through a client; only the token's SHA-256 is stored.
     *
     * @throws IdentityException {@code FAILED_PRECONDITION} when the user is disabled
     */
    IssuedRefreshToken issueRefreshToken(String userEmail, String clientId);

    /** A user's refresh tokens, revoked ones included, oldest first. */
    List<RefreshToken> refreshTokens(String userEmail);

    /**
     * Revokes a refresh token by id, and with it every access token it yielded.
     *
     * @throws IdentityException {@code NOT_FOUND} for an unknown id
     */
    @Override
    void revokeRefreshToken(String refreshTokenId);

    /**
     * Revokes a refresh token by its value, as RFC 7009's revocation endpoint receives it.
     *
     * @return whether a token had that value (RFC 7009 answers the same either way)
     */
    boolean revokeRefreshTokenByValue(String tokenValue);

    // --- IAM

    /**
     * Grants a role on a project to an existing service account or user; granting it again changes nothing.
     *
     * @return the project's policy afterwards
     */
    List<PolicyBinding> addIamBinding(String projectId, Member member, Role role);

    /**
     * Takes a role on a project from a member.
     *
     * @return the project's policy afterwards
     * @throws IdentityException {@code NOT_FOUND} when the member does not hold the role there
     */
    List<PolicyBinding> removeIamBinding(String projectId, Member member, Role role);

    /** A project's IAM policy: one binding per role held by anyone, by role name. */
    List<PolicyBinding> iamPolicy(String projectId);

    // --- access-token signing keys

    /**
     * The active signing key, creating one (32 random bytes) if there is none: what a server does on its first
     * start. Safe to call from several instances at once; they all get the same key.
     */
    SigningKey ensureSigningKey();

    /**
     * Makes a new active signing key. The old one stops signing but keeps checking tokens for
     * {@code keepOldFor} (the access-token lifetime), after which {@link #purgeExpired()} removes it.
     */
    SigningKey rotateSigningKey(Duration keepOldFor);

    /** Every signing key, the active one first. */
    List<SigningKey> signingKeys();

    // --- revocations and housekeeping

    /** Revokes an access token until it would have expired anyway; revoking again keeps the later expiry. */
    @Override
    void revokeAccessToken(String tokenId, Instant expiry);

    /**
     * Removes what no longer matters: revocations of access tokens that have expired, and signing keys retired
     * longer than their tokens live.
     *
     * @return how many entries were removed
     */
    int purgeExpired();

    /** Closes the connection pool. Close caches reading from the store first. */
    @Override
    void close();
}
