package dev.garden.identity.store;

import dev.garden.identity.Member;
import dev.garden.identity.OAuthClient;
import dev.garden.identity.RefreshToken;
import dev.garden.identity.Role;
import dev.garden.identity.ServiceAccount;
import dev.garden.identity.ServiceAccountKey;
import dev.garden.identity.SigningKey;
import dev.garden.identity.UserAccount;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.garden.identity.store.IdentityException.alreadyExists;
import static dev.garden.identity.store.IdentityException.notFound;
import static dev.garden.identity.store.Rows.exists;
import static dev.garden.identity.store.Rows.list;
import static dev.garden.identity.store.Rows.one;
import static dev.garden.identity.store.Rows.update;

/** The identity store over JDBC: PostgreSQL or H2, one schema, Flyway-migrated, HikariCP-pooled. */
final class JdbcIdentityStore implements IdentityStore {
    private static final System.Logger LOG = System.getLogger(JdbcIdentityStore.class.getName());
    /** How long the change log remembers; only people read it. */
    private static final Duration CHANGE_LOG_RETENTION = Duration.ofDays(30);

    private final IdentityStoreConfig config;
    private final Database database;
    private final Clock clock;
    private final Secrets secrets;
    private final List<Runnable> writeListeners = new CopyOnWriteArrayList<>();

    private JdbcIdentityStore(IdentityStoreConfig config, Database database, Clock clock, Secrets secrets) {
        this.config = config;
        this.database = database;
        this.clock = clock;
        this.secrets = secrets;
    }

    static JdbcIdentityStore open(IdentityStoreConfig config, Clock clock, SecureRandom random) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        return new JdbcIdentityStore(config, Database.open(config), clock, new Secrets(random));
    }

    Database database() {
        return database;
    }

    Clock clock() {
        return clock;
    }

    /** Runs {@code listener} after each write this store commits (a cache uses it to refresh at once). */
    void addWriteListener(Runnable listener) {
        writeListeners.add(listener);
    }

    void removeWriteListener(Runnable listener) {
        writeListeners.remove(listener);
    }

    @Override
    public IdentityStoreConfig config() {
        return config;
    }

    @Override
    public long version() {
        return database.read("read the store's version", Database::version);
    }

    // --- projects

    @Override
    public Project createProject(String projectId, String displayName) {
        Names.projectId(projectId);
        String name = Names.displayName(displayName, projectId);
        Instant now = now();
        return write("create project " + projectId, c -> {
            if (exists(c, "SELECT 1 FROM projects WHERE project_id = ?", projectId)) {
                throw alreadyExists("project " + projectId + " already exists");
            }
            update(c, "INSERT INTO projects (" + Rows.PROJECT + ") VALUES (?, ?, ?)", projectId, name, now);
            return new Project(projectId, name, now);
        });
    }

    @Override
    public Optional<Project> project(String projectId) {
        return database.read("read project " + projectId, c -> one(c,
                "SELECT " + Rows.PROJECT + " FROM projects WHERE project_id = ?", Rows::project, projectId));
    }

    @Override
    public List<Project> projects() {
        return database.read("list projects", c -> list(c,
                "SELECT " + Rows.PROJECT + " FROM projects ORDER BY project_id", Rows::project));
    }

    @Override
    public void deleteProject(String projectId) {
        write("delete project " + projectId, c -> {
            requireProject(c, projectId);
            // Its accounts' bindings on other projects go too; the cascade takes the rest.
            update(c, "DELETE FROM iam_bindings WHERE member_type = ? AND member_email IN"
                            + " (SELECT email FROM service_accounts WHERE project_id = ?)",
                    Member.Type.SERVICE_ACCOUNT.prefix(), projectId);
            return update(c, "DELETE FROM projects WHERE project_id = ?", projectId);
        });
    }

    // --- service accounts

    @Override
    public ServiceAccount createServiceAccount(String projectId, String name, String displayName) {
        Names.accountName(name);
        String display = Names.displayName(displayName, "");
        String email = ServiceAccount.email(name, projectId);
        Instant now = now();
        return write("create service account " + email, c -> {
            requireProject(c, projectId);
            if (exists(c, "SELECT 1 FROM service_accounts WHERE email = ?", email)) {
                throw alreadyExists("service account " + email + " already exists");
            }
            String uniqueId;
            do {
                uniqueId = secrets.digits(21);
            } while (exists(c, "SELECT 1 FROM service_accounts WHERE unique_id = ?", uniqueId));
            update(c, "INSERT INTO service_accounts (" + Rows.ACCOUNT + ") VALUES (?, ?, ?, ?, ?, ?)",
                    email, projectId, uniqueId, display, false, now);
            return new ServiceAccount(email, projectId, uniqueId, display, false, now);
        });
    }

    @Override
    public Optional<ServiceAccount> serviceAccount(String email) {
        return database.read("read service account " + email, c -> account(c, Names.lookup(email)));
    }

    @Override
    public List<ServiceAccount> serviceAccounts(String projectId) {
        return database.read("list the service accounts of project " + projectId, c -> {
            requireProject(c, projectId);
            return list(c, "SELECT " + Rows.ACCOUNT + " FROM service_accounts WHERE project_id = ? ORDER BY email",
                    Rows::account, projectId);
        });
    }

    @Override
    public void disableServiceAccount(String email) {
        setAccountDisabled(Names.lookup(email), true);
    }

    @Override
    public void enableServiceAccount(String email) {
        setAccountDisabled(Names.lookup(email), false);
    }

    private void setAccountDisabled(String email, boolean disabled) {
        write((disabled ? "disable" : "enable") + " service account " + email, c -> {
            if (update(c, "UPDATE service_accounts SET disabled = ? WHERE email = ?", disabled, email) == 0) {
                throw notFound("no such service account: " + email);
            }
            return null;
        });
    }

    @Override
    public void deleteServiceAccount(String email) {
        String account = Names.lookup(email);
        write("delete service account " + account, c -> {
            if (update(c, "DELETE FROM service_accounts WHERE email = ?", account) == 0) {
                throw notFound("no such service account: " + account);
            }
            return update(c, "DELETE FROM iam_bindings WHERE member_type = ? AND member_email = ?",
                    Member.Type.SERVICE_ACCOUNT.prefix(), account);
        });
    }

    // --- service account keys

    @Override
    public CreatedKey createKey(String accountEmail) {
        String email = Names.lookup(accountEmail);
        // Outside the transaction: generating the pair takes tens of milliseconds, the write lock should not.
        KeyPair pair = secrets.rsaKeyPair();
        Instant now = now();
        return write("create a key for service account " + email, c -> {
            ServiceAccount account = account(c, email)
                    .orElseThrow(() -> notFound("no such service account: " + email));
            int count = list(c, "SELECT key_id FROM service_account_keys WHERE account_email = ?",
                    row -> row.getString(1), email).size();
            if (count >= MAX_KEYS_PER_ACCOUNT) {
                throw IdentityException.failedPrecondition("service account " + email + " already has "
                        + count + " keys, the most it may have; delete one first");
            }
            String keyId;
            do {
                keyId = secrets.hex(20);
            } while (exists(c, "SELECT 1 FROM service_account_keys WHERE key_id = ?", keyId));
            update(c, "INSERT INTO service_account_keys (" + Rows.KEY + ") VALUES (?, ?, ?, ?, ?)",
                    keyId, email, pair.getPublic().getEncoded(), false, now);
            var key = new ServiceAccountKey(keyId, email, (RSAPublicKey) pair.getPublic(), now, false);
            return new CreatedKey(account, key, Secrets.pkcs8Pem(pair.getPrivate()));
        });
    }

    @Override
    public List<ServiceAccountKey> keys(String accountEmail) {
        String email = Names.lookup(accountEmail);
        return database.read("list the keys of service account " + email, c -> {
            if (account(c, email).isEmpty()) {
                throw notFound("no such service account: " + email);
            }
            return list(c, "SELECT " + Rows.KEY + " FROM service_account_keys WHERE account_email = ?"
                    + " ORDER BY create_time, key_id", Rows.key(decoder()), email);
        });
    }

    @Override
    public Optional<ServiceAccountKey> key(String keyId) {
        return database.read("read key " + keyId, c -> one(c,
                "SELECT " + Rows.KEY + " FROM service_account_keys WHERE key_id = ?", Rows.key(decoder()), keyId));
    }

    @Override
    public void disableKey(String keyId) {
        setKeyDisabled(keyId, true);
    }

    @Override
    public void enableKey(String keyId) {
        setKeyDisabled(keyId, false);
    }

    private void setKeyDisabled(String keyId, boolean disabled) {
        write((disabled ? "disable" : "enable") + " key " + keyId, c -> {
            if (update(c, "UPDATE service_account_keys SET disabled = ? WHERE key_id = ?", disabled, keyId) == 0) {
                throw notFound("no such key: " + keyId);
            }
            return null;
        });
    }

    @Override
    public void deleteKey(String keyId) {
        write("delete key " + keyId, c -> {
            if (update(c, "DELETE FROM service_account_keys WHERE key_id = ?", keyId) == 0) {
                throw notFound("no such key: " + keyId);
            }
            return null;
        });
    }

    // --- users

    @Override
    public UserAccount createUser(String email) {
        String user = Names.email(email);
        Instant now = now();
        return write("create user " + user, c -> {
            if (exists(c, "SELECT 1 FROM users WHERE email = ?", user)) {
                throw alreadyExists("user " + user + " already exists");
            }
            update(c, "INSERT INTO users (" + Rows.USER + ") VALUES (?, ?, ?)", user, false, now);
            return new UserAccount(user, false, now);
        });
    }

    @Override
    public Optional<UserAccount> user(String email) {
        return database.read("read user " + email, c -> user(c, Names.lookup(email)));
    }

    @Override
    public List<UserAccount> users() {
        return database.read("list users", c -> list(c,
                "SELECT " + Rows.USER + " FROM users ORDER BY email", Rows::user));
    }

    @Override
    public void disableUser(String email) {
        setUserDisabled(Names.lookup(email), true);
    }

    @Override
    public void enableUser(String email) {
        setUserDisabled(Names.lookup(email), false);
    }

    private void setUserDisabled(String email, boolean disabled) {
        write((disabled ? "disable" : "enable") + " user " + email, c -> {
            if (update(c, "UPDATE users SET disabled = ? WHERE email = ?", disabled, email) == 0) {
                throw notFound("no such user: " + email);
            }
            return null;
        });
    }

    @Override
    public void deleteUser(String email) {
        String user = Names.lookup(email);
        write("delete user " + user, c -> {
            if (update(c, "DELETE FROM users WHERE email = ?", user) == 0) {
                throw notFound("no such user: " + user);
            }
            return update(c, "DELETE FROM iam_bindings WHERE member_type = ? AND member_email = ?",
                    Member.Type.USER.prefix(), user);
        });
    }

    // --- OAuth clients

    @Override
    public CreatedOAuthClient createOAuthClient(String displayName) {
        String display = Names.displayName(displayName, "");
        // Shaped like Google's (NUMBER-RANDOM.apps...), so that tools that look at it are not surprised.
        String clientId = secrets.digits(12) + "-" + secrets.hex(16) + ".apps.garden.local";
        String secret = secrets.token(32);
        Instant now = now();
        return write("create OAuth client " + clientId, c -> {
            var client = new OAuthClient(clientId, Secrets.sha256Hex(secret), display, now);
            update(c, "INSERT INTO oauth_clients (" + Rows.CLIENT + ") VALUES (?, ?, ?, ?)",
                    clientId, client.secretSha256(), display, now);
            return new CreatedOAuthClient(client, secret);
        });
    }

    @Override
    public Optional<OAuthClient> oauthClient(String clientId) {
        return database.read("read OAuth client " + clientId, c -> one(c,
                "SELECT " + Rows.CLIENT + " FROM oauth_clients WHERE client_id = ?", Rows::client, clientId));
    }

    @Override
    public List<OAuthClient> oauthClients() {
        return database.read("list OAuth clients", c -> list(c,
                "SELECT " + Rows.CLIENT + " FROM oauth_clients ORDER BY client_id", Rows::client));
    }

    @Override
    public void deleteOAuthClient(String clientId) {
        write("delete OAuth client " + clientId, c -> {
            if (update(c, "DELETE FROM oauth_clients WHERE client_id = ?", clientId) == 0) {
                throw notFound("no such OAuth client: " + clientId);
            }
            return null;
        });
    }

    // --- refresh tokens

    @Override
    public IssuedRefreshToken issueRefreshToken(String userEmail, String clientId) {
        String email = Names.lookup(userEmail);
        String value = secrets.token(32);
        String id = secrets.hex(16);
        Instant now = now();
        return write("issue a refresh token to user " + email, c -> {
            UserAccount user = user(c, email).orElseThrow(() -> notFound("no such user: " + email));
            if (user.disabled()) {
                throw IdentityException.failedPrecondition("user " + email + " is disabled");
            }
            if (!exists(c, "SELECT 1 FROM oauth_clients WHERE client_id = ?", clientId)) {
                throw notFound("no such OAuth client: " + clientId);
            }
            var token = new RefreshToken(id, Secrets.sha256Hex(value), email, clientId, now, false);
            update(c, "INSERT INTO refresh_tokens (" + Rows.REFRESH_TOKEN + ") VALUES (?, ?, ?, ?, ?, ?)",
                    id, token.tokenSha256(), email, clientId, now, false);
            return new IssuedRefreshToken(token, value);
        });
    }

    @Override
    public List<RefreshToken> refreshTokens(String userEmail) {
        String email = Names.lookup(userEmail);
        return database.read("list the refresh tokens of user " + email, c -> {
            if (user(c, email).isEmpty()) {
                throw notFound("no such user: " + email);
            }
            return list(c, "SELECT " + Rows.REFRESH_TOKEN + " FROM refresh_tokens WHERE user_email = ?"
                    + " ORDER BY create_time, id", Rows::refreshToken, email);
        });
    }

    @Override
    public void revokeRefreshToken(String refreshTokenId) {
        write("revoke refresh token " + refreshTokenId, c -> {
            if (update(c, "UPDATE refresh_tokens SET revoked = ? WHERE id = ?", true, refreshTokenId) == 0) {
                throw notFound("no such refresh token: " + refreshTokenId);
            }
            return null;
        });
    }

    @Override
    public boolean revokeRefreshTokenByValue(String tokenValue) {
        String sha256 = Secrets.sha256Hex(Objects.requireNonNull(tokenValue, "tokenValue"));
        return write("revoke the refresh token with SHA-256 " + sha256, c ->
                update(c, "UPDATE refresh_tokens SET revoked = ? WHERE token_sha256 = ?", true, sha256) > 0);
    }

    // --- IAM

    @Override
    public List<PolicyBinding> addIamBinding(String projectId, Member member, Role role) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(role, "role");
        return write("grant " + role.id() + " on project " + projectId + " to " + member, c -> {
            requireProject(c, projectId);
            boolean known = member.type() == Member.Type.SERVICE_ACCOUNT ? account(c, member.email()).isPresent()
                    : user(c, member.email()).isPresent();
            if (!known) {
                throw notFound("no such " + (member.type() == Member.Type.SERVICE_ACCOUNT ? "service account"
                        : "user") + ": " + member.email());
            }
            if (!exists(c, "SELECT 1 FROM iam_bindings WHERE project_id = ? AND role = ? AND member_type = ?"
                    + " AND member_email = ?", projectId, role.id(), member.type().prefix(), member.email())) {
                update(c, "INSERT INTO iam_bindings (project_id, role, member_type, member_email)"
                        + " VALUES (?, ?, ?, ?)", projectId, role.id(), member.type().prefix(), member.email());
            }
            return Rows.policy(c, projectId);
        });
    }

    @Override
    public List<PolicyBinding> removeIamBinding(String projectId, Member member, Role role) {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(role, "role");
        return write("take " + role.id() + " on project " + projectId + " from " + member, c -> {
            requireProject(c, projectId);
            if (update(c, "DELETE FROM iam_bindings WHERE project_id = ? AND role = ? AND member_type = ?"
                    + " AND member_email = ?", projectId, role.id(), member.type().prefix(), member.email()) == 0) {
                throw notFound(member + " does not hold " + role.id() + " on project " + projectId);
            }
            return Rows.policy(c, projectId);
        });
    }

    @Override
    public List<PolicyBinding> iamPolicy(String projectId) {
        return database.read("read the IAM policy of project " + projectId, c -> {
            requireProject(c, projectId);
            return Rows.policy(c, projectId);
        });
    }

    // --- signing keys

    @Override
    public SigningKey ensureSigningKey() {
        Optional<SigningKey> active = database.read("read the active signing key", JdbcIdentityStore::activeKey);
        if (active.isPresent()) {
            return active.get();
        }
        Instant now = now();
        return write("create the access-token signing key", c -> {
            // Another instance may have made it while this one waited for the write lock.
            Optional<SigningKey> made = activeKey(c);
            return made.isPresent() ? made.get() : insertSigningKey(c, now);
        });
    }

    @Override
    public SigningKey rotateSigningKey(Duration keepOldFor) {
        if (keepOldFor.isNegative()) {
            throw IdentityException.invalidArgument("a retired key is kept for a positive time; got " + keepOldFor);
        }
        Instant now = now();
        return write("rotate the access-token signing key", c -> {
            update(c, "UPDATE signing_keys SET active = ?, retire_time = ? WHERE active = ?",
                    false, now.plus(keepOldFor), true);
            return insertSigningKey(c, now);
        });
    }

    private SigningKey insertSigningKey(Connection c, Instant now) throws SQLException {
        var key = new SigningKey(secrets.hex(8), secrets.bytes(32), now, true);
        update(c, "INSERT INTO signing_keys (" + Rows.SIGNING_KEY + ") VALUES (?, ?, ?, ?)",
                key.id(), key.secret(), true, now);
        return key;
    }

    private static Optional<SigningKey> activeKey(Connection c) throws SQLException {
        return one(c, "SELECT " + Rows.SIGNING_KEY + " FROM signing_keys WHERE active = ?", Rows::signingKey, true);
    }

    @Override
    public List<SigningKey> signingKeys() {
        return database.read("list signing keys", c -> list(c, "SELECT " + Rows.SIGNING_KEY
                + " FROM signing_keys ORDER BY active DESC, create_time DESC, key_id", Rows::signingKey));
    }

    // --- revocations and housekeeping

    @Override
    public void revokeAccessToken(String tokenId, Instant expiry) {
        if (tokenId == null || tokenId.isBlank() || tokenId.length() > 200) {
            throw IdentityException.invalidArgument("an access token id has 1 to 200 characters; got '" + tokenId
                    + "'");
        }
        Objects.requireNonNull(expiry, "expiry");
        write("revoke access token " + tokenId, c -> {
            Optional<Instant> known = one(c, "SELECT expire_time FROM revoked_access_tokens WHERE token_id = ?",
                    row -> Database.instant(row, "expire_time"), tokenId);
            if (known.isEmpty()) {
                update(c, "INSERT INTO revoked_access_tokens (token_id, expire_time) VALUES (?, ?)", tokenId, expiry);
            } else if (expiry.isAfter(known.get())) {
                update(c, "UPDATE revoked_access_tokens SET expire_time = ? WHERE token_id = ?", expiry, tokenId);
            }
            return null;
        });
    }

    @Override
    public int purgeExpired() {
        Instant now = now();
        String expired = "SELECT 1 FROM revoked_access_tokens WHERE expire_time <= ?";
        String retired = "SELECT 1 FROM signing_keys WHERE active = ? AND retire_time <= ?";
        // Every write makes every cache reload, so a purge with nothing to do writes nothing.
        boolean due = database.read("look for expired entries", c -> exists(c, expired, now)
                || exists(c, retired, false, now));
        if (!due) {
            return 0;
        }
        return write("purge expired revocations and retired signing keys", c -> {
            int removed = update(c, "DELETE FROM revoked_access_tokens WHERE expire_time <= ?", now)
                    + update(c, "DELETE FROM signing_keys WHERE active = ? AND retire_time <= ?", false, now);
            update(c, "DELETE FROM change_log WHERE change_time < ?", now.minus(CHANGE_LOG_RETENTION));
            return removed;
        });
    }

    @Override
    public void close() {
        database.close();
    }

    // --- helpers

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private <T> T write(String change, Database.Work<T> work) {
        T result = database.write(change, now(), work);
        for (Runnable listener : writeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a listener failed after: " + change, e);
            }
        }
        return result;
    }

    private static void requireProject(Connection c, String projectId) throws SQLException {
        if (!exists(c, "SELECT 1 FROM projects WHERE project_id = ?", projectId)) {
            throw notFound("no such project: " + projectId);
        }
    }

    private static Optional<ServiceAccount> account(Connection c, String email) throws SQLException {
        return one(c, "SELECT " + Rows.ACCOUNT + " FROM service_accounts WHERE email = ?", Rows::account, email);
    }

    private static Optional<UserAccount> user(Connection c, String email) throws SQLException {
        return one(c, "SELECT " + Rows.USER + " FROM users WHERE email = ?", Rows::user, email);
    }

    private static Rows.KeyDecoder decoder() {
        KeyFactory rsa = Secrets.rsaKeyFactory();
        return (keyId, spki) -> Secrets.rsaPublicKey(rsa, spki);
    }
}
