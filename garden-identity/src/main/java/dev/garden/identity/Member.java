package dev.garden.identity;

import java.util.Objects;

/**
 * Who an IAM binding names: {@code serviceAccount:EMAIL} or {@code user:EMAIL}.
 *
 * @param type  the kind of principal
 * @param email the principal's email, lower case
 */
public record Member(Type type, String email) {
    /** The kinds of principal. */
    public enum Type {
        SERVICE_ACCOUNT("serviceAccount"),
        USER("user");

        private final String prefix;

        Type(String prefix) {
            this.prefix = prefix;
        }

        /** The prefix IAM writes before the colon. */
        public String prefix() {
            return prefix;
        }
    }

    public Member {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(email, "email");
        email = email.toLowerCase(java.util.Locale.ROOT);
    }

    /** A service account. */
    public static Member serviceAccount(String email) {
        return new Member(Type.SERVICE_ACCOUNT, email);
    }

    /** A user account. */
    public static Member user(String email) {
        return new Member(Type.USER, email);
    }

    /**
     * Parses IAM's form, e.g. {@code serviceAccount:bot@p.iam.gserviceaccount.com}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Member parse(String member) {
        int colon = member.indexOf(':');
        if (colon <= 0 || colon == member.length() - 1) {
            throw new IllegalArgumentException("a member is TYPE:EMAIL, e.g. serviceAccount:NAME@PROJECT"
                    + ".iam.gserviceaccount.com or user:NAME@example.com; got '" + member + "'");
        }
        String prefix = member.substring(0, colon);
        String email = member.substring(colon + 1);
        for (Type type : Type.values()) {
            if (type.prefix.equals(prefix)) {
                if (!email.contains("@")) {
                    throw new IllegalArgumentException("'" + email + "' is not an email address");
                }
                return new Member(type, email);
            }
        }
        throw new IllegalArgumentException("unknown member type '" + prefix + "'; Garden knows serviceAccount and"
                + " user");
    }

    @Override
    public String toString() {
        return type.prefix + ":" + email;
    }
}
