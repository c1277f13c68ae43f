package dev.garden.identity.store;

import dev.garden.identity.Member;
import dev.garden.identity.OAuthClient;
import dev.garden.identity.RefreshToken;
import dev.garden.identity.Role;
import dev.garden.identity.ServiceAccount;
import dev.garden.identity.ServiceAccountKey;
import dev.garden.identity.SigningKey;
import dev.garden.identity.UserAccount;

import java.security.interfaces.RSAPublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The tables' columns, the model records they map to, and a little JDBC. Shared by the store and the cache. */
final class Rows {
    static final String PROJECT = "project_id, display_name, create_time";
    static final String ACCOUNT = "email, project_id, unique_id, display_name, disabled, create_time";
    static final String KEY = "key_id, account_email, public_key, disabled, create_time";
    static final String USER = "email, disabled, create_time";
    static final String CLIENT = "client_id, secret_sha256, display_name, create_time";
    static final String REFRESH_TOKEN = "id, token_sha256, user_email, client_id, create_time, revoked";
    static final String SIGNING_KEY = "key_id, secret, active, create_time";

    @FunctionalInterface
    interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Turns a stored SubjectPublicKeyInfo into a key; the cache reuses keys it has decoded before. */
    @FunctionalInterface
    interface KeyDecoder {
        RSAPublicKey decode(String keyId, byte[] spki);
    }

    private Rows() {
    }

    static Project project(ResultSet row) throws SQLException {
        return new Project(row.getString("project_id"), row.getString("display_name"),
                Database.instant(row, "create_time"));
    }

    static ServiceAccount account(ResultSet row) throws SQLException {
        return new ServiceAccount(row.getString("email"), row.getString("project_id"), row.getString("unique_id"),
                row.getString("display_name"), row.getBoolean("disabled"), Database.instant(row, "create_time"));
    }

    static Mapper<ServiceAccountKey> key(KeyDecoder decoder) {
        return row -> {
            String keyId = row.getString("key_id");
            return new ServiceAccountKey(keyId, row.getString("account_email"),
                    decoder.decode(keyId, row.getBytes("public_key")), Database.instant(row, "create_time"),
                    row.getBoolean("disabled"));
        };
    }

    static UserAccount user(ResultSet row) throws SQLException {
        return new UserAccount(row.getString("email"), row.getBoolean("disabled"),
                Database.instant(row, "create_time"));
    }

    static OAuthClient client(ResultSet row) throws SQLException {
        return new OAuthClient(row.getString("client_id"), row.getString("secret_sha256"),
                row.getString("display_name"), Database.instant(row, "create_time"));
    }

    static RefreshToken refreshToken(ResultSet row) throws SQLException {
        return new RefreshToken(row.getString("id"), row.getString("token_sha256"), row.getString("user_email"),
                row.getString("client_id"), Database.instant(row, "create_time"), row.getBoolean("revoked"));
    }

    static SigningKey signingKey(ResultSet row) throws SQLException {
        return new SigningKey(row.getString("key_id"), row.getBytes("secret"), Database.instant(row, "create_time"),
                row.getBoolean("active"));
    }

    /** Every row a query returns, mapped. */
    static <T> List<T> list(Connection connection, String sql, Mapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> list = new ArrayList<>();
            while (rows.next()) {
                list.add(mapper.map(rows));
            }
            return list;
        }
    }

    /** The first row a query returns, mapped. */
    static <T> Optional<T> one(Connection connection, String sql, Mapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
        }
    }

    /** Whether a query returns a row. */
    static boolean exists(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next();
        }
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the rows it touched. */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                switch (parameter) {
                    case Instant instant -> statement.setObject(i + 1, Database.timestamp(instant));
                    case byte[] bytes -> statement.setBytes(i + 1, bytes);
                    case null -> throw new IllegalArgumentException("parameter " + (i + 1) + " of " + sql
                            + " is null");
                    default -> statement.setObject(i + 1, parameter);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** A project's IAM policy: bindings by role name, members sorted; unknown roles and member types skipped. */
    static List<PolicyBinding> policy(Connection c, String projectId) throws SQLException {
        Map<String, List<Member>> byRole = new TreeMap<>();
        for (String[] binding : list(c, "SELECT role, member_type, member_email FROM iam_bindings"
                + " WHERE project_id = ?", row -> new String[]{row.getString(1), row.getString(2), row.getString(3)},
                projectId)) {
            Optional<Member> member = member(binding[1], binding[2]);
            if (Role.fromId(binding[0]).isPresent() && member.isPresent()) {
                byRole.computeIfAbsent(binding[0], role -> new ArrayList<>()).add(member.get());
            }
        }
        List<PolicyBinding> policy = new ArrayList<>();
        byRole.forEach((role, members) -> policy.add(new PolicyBinding(Role.fromId(role).orElseThrow(),
                members.stream().sorted(Comparator.comparing(Member::toString)).toList())));
        return policy;
    }

    /** A stored member; empty for a type this version does not know (written by a newer Garden). */
    static Optional<Member> member(String type, String email) {
        for (Member.Type known : Member.Type.values()) {
            if (known.prefix().equals(type)) {
                return Optional.of(new Member(known, email));
            }
        }
        return Optional.empty();
    }
}
