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
import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything request handling reads, as of one store version. Never changed after {@link #load}; the cache swaps
 * whole snapshots. The maps are unmodifiable views of maps nothing else holds.
 */
record Snapshot(long version,
                Set<String> projects,
                Map<String, ServiceAccount> accounts,
                Map<String, ServiceAccountKey> keys,
                Map<String, List<ServiceAccountKey>> keysByAccount,
                Map<String, UserAccount> users,
                Map<String, OAuthClient> clients,
                Map<String, RefreshToken> refreshTokens,
                Map<String, RefreshToken> refreshTokensBySha256,
                Map<String, Map<Member, Set<Role>>> roles,
                List<SigningKey> signingKeys,
                Set<String> revokedAccessTokens) {

    /** How many new keys one query fetches by id. */
    private static final int FETCH_BATCH = 500;

    /** Before the first load. */
    static final Snapshot EMPTY = new Snapshot(-1, Set.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), Map.of(), Map.of(), List.of(), Set.of());

    /**
     * Reads the whole store in one repeatable-read transaction, so the snapshot is consistent and labelled with
     * the version it reflects. Keys already decoded in {@code previous} are reused.
     */
    static Snapshot load(Connection c, Snapshot previous) throws SQLException {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setAutoCommit(false);
        c.setReadOnly(true);
        try {
            Snapshot snapshot = read(c, previous);
            c.commit();
            return snapshot;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /**
     * Every key, oldest first. A key's public half never changes, so the keys {@code previous} already decoded are
     * reused and only new ones are fetched with their bytes: decoding tens of thousands of RSA keys, and on
     * PostgreSQL transferring their bytes, would otherwise dominate every reload.
     */
    private static List<ServiceAccountKey> keys(Connection c, Snapshot previous) throws SQLException {
        record Row(String keyId, String accountEmail, boolean disabled, Instant createTime) {
        }
        List<Row> rows = Rows.list(c, "SELECT key_id, account_email, disabled, create_time"
                + " FROM service_account_keys ORDER BY create_time, key_id", row -> new Row(row.getString(1),
                row.getString(2), row.getBoolean(3), Database.instant(row, "create_time")));
        List<String> unknown = rows.stream().map(Row::keyId).filter(id -> !previous.keys.containsKey(id)).toList();
        Map<String, RSAPublicKey> decoded = new HashMap<>();
        KeyFactory rsa = Secrets.rsaKeyFactory();
        Rows.Mapper<RSAPublicKey> decode = row -> previous.keys.containsKey(row.getString(1)) ? null
                : decoded.put(row.getString(1), Secrets.rsaPublicKey(rsa, row.getBytes(2)));
        if (unknown.size() > rows.size() / 2) {
            // the first load, or nearly everything is new: one query beats thousands of IN lists
            Rows.list(c, "SELECT key_id, public_key FROM service_account_keys", decode);
        } else {
            for (int from = 0; from < unknown.size(); from += FETCH_BATCH) {
                List<String> batch = unknown.subList(from, Math.min(unknown.size(), from + FETCH_BATCH));
                Rows.list(c, "SELECT key_id, public_key FROM service_account_keys WHERE key_id IN ("
                        + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")", decode, batch.toArray());
            }
        }
        List<ServiceAccountKey> keys = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ServiceAccountKey known = previous.keys.get(row.keyId());
            RSAPublicKey publicKey = known != null ? known.publicKey() : decoded.get(row.keyId());
            // null: deleted between the two queries, where the isolation level allows that
            if (publicKey != null) {
                keys.add(new ServiceAccountKey(row.keyId(), row.accountEmail(), publicKey, row.createTime(),
                        row.disabled()));
            }
        }
        return keys;
    }

    private static Snapshot read(Connection c, Snapshot previous) throws SQLException {
        // The version first: everything up to it committed before it became visible (writers hold the version
        // row until they commit), so the tables read next hold at least that much.
        long version = Database.version(c);
        Set<String> projects = new HashSet<>(Rows.list(c, "SELECT project_id FROM projects", row -> row.getString(1)));

        Map<String, ServiceAccount> accounts = new HashMap<>();
        for (ServiceAccount account : Rows.list(c, "SELECT " + Rows.ACCOUNT + " FROM service_accounts",
                Rows::account)) {
            accounts.put(account.email(), account);
        }

        Map<String, ServiceAccountKey> keys = new HashMap<>();
        Map<String, List<ServiceAccountKey>> keysByAccount = new HashMap<>();
        for (ServiceAccountKey key : keys(c, previous)) {
            keys.put(key.keyId(), key);
            keysByAccount.computeIfAbsent(key.accountEmail(), email -> new ArrayList<>()).add(key);
        }
        keysByAccount.replaceAll((email, list) -> Collections.unmodifiableList(list));

        Map<String, UserAccount> users = new HashMap<>();
        for (UserAccount user : Rows.list(c, "SELECT " + Rows.USER + " FROM users", Rows::user)) {
            users.put(user.email(), user);
        }
        Map<String, OAuthClient> clients = new HashMap<>();
        for (OAuthClient client : Rows.list(c, "SELECT " + Rows.CLIENT + " FROM oauth_clients", Rows::client)) {
            clients.put(client.clientId(), client);
        }
        Map<String, RefreshToken> refreshTokens = new HashMap<>();
        Map<String, RefreshToken> refreshTokensBySha256 = new HashMap<>();
        for (RefreshToken token : Rows.list(c, "SELECT " + Rows.REFRESH_TOKEN + " FROM refresh_tokens",
                Rows::refreshToken)) {
            refreshTokens.put(token.id(), token);
            refreshTokensBySha256.put(token.tokenSha256(), token);
        }

        Map<String, Map<Member, Set<Role>>> roles = new HashMap<>();
        for (String[] binding : Rows.list(c, "SELECT project_id, role, member_type, member_email FROM iam_bindings",
                row -> new String[]{row.getString(1), row.getString(2), row.getString(3), row.getString(4)})) {
            Optional<Role> role = Role.fromId(binding[1]);
            Optional<Member> member = Rows.member(binding[2], binding[3]);
            // A role or member type from a newer Garden grants nothing here, rather than failing the reload.
            if (role.isPresent() && member.isPresent()) {
                roles.computeIfAbsent(binding[0], project -> new HashMap<>())
                        .computeIfAbsent(member.get(), m -> EnumSet.noneOf(Role.class)).add(role.get());
            }
        }
        roles.replaceAll((project, byMember) -> {
            byMember.replaceAll((member, set) -> Collections.unmodifiableSet(set));
            return Collections.unmodifiableMap(byMember);
        });

        List<SigningKey> signingKeys = Rows.list(c, "SELECT " + Rows.SIGNING_KEY
                + " FROM signing_keys ORDER BY active DESC, create_time DESC, key_id", Rows::signingKey);
        Set<String> revoked = new HashSet<>(Rows.list(c, "SELECT token_id FROM revoked_access_tokens",
                row -> row.getString(1)));

        return new Snapshot(version, Collections.unmodifiableSet(projects), Collections.unmodifiableMap(accounts),
                Collections.unmodifiableMap(keys), Collections.unmodifiableMap(keysByAccount),
                Collections.unmodifiableMap(users), Collections.unmodifiableMap(clients),
                Collections.unmodifiableMap(refreshTokens), Collections.unmodifiableMap(refreshTokensBySha256),
                Collections.unmodifiableMap(roles), List.copyOf(signingKeys), Collections.unmodifiableSet(revoked));
    }
}
