package dev.garden.identity.store;

import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for ids, names and emails, with messages that say what is allowed. */
final class Names {
    // https://cloud.google.com/resource-manager/docs/creating-managing-projects: 6-30 characters, lowercase
    // letters, digits and hyphens, starting with a letter, not ending with a hyphen.
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][-a-z0-9]{4,28}[a-z0-9]");
    // gcloud iam service-accounts create: "[a-z]([-a-z0-9]*[a-z0-9])", 6 to 30 characters.
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MAX_DISPLAY_NAME = 100;

    private Names() {
    }

    static String projectId(String projectId) {
        if (projectId == null || !PROJECT_ID.matcher(projectId).matches()) {
            throw IdentityException.invalidArgument("invalid project id '" + projectId + "': a project id has 6"
                    + " to 30 lowercase letters, digits or hyphens, starts with a letter and does not end with a"
                    + " hyphen");
        }
        return projectId;
    }

    static String accountName(String name) {
        if (name == null || name.length() < 6 || name.length() > 30 || !ACCOUNT_NAME.matcher(name).matches()) {
            throw IdentityException.invalidArgument("invalid service account name '" + name + "': a name has 6 to"
                    + " 30 characters, begins with a lowercase letter, and consists of lowercase letters and digits"
                    + " that may be separated by hyphens");
        }
        return name;
    }

    static String displayName(String displayName, String fallback) {
        String name = displayName == null ? "" : displayName.strip();
        if (name.length() > MAX_DISPLAY_NAME) {
            throw IdentityException.invalidArgument("a display name has at most " + MAX_DISPLAY_NAME
                    + " characters; got " + name.length());
        }
        return name.isEmpty() ? fallback : name;
    }

    /** An email in lower case; emails are case-insensitive everywhere in Garden. */
    static String email(String email) {
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw IdentityException.invalidArgument("'" + email + "' is not an email address");
        }
        return email.toLowerCase(Locale.ROOT);
    }

    /** An email to look something up by: lower case, no validation (an unknown one is simply not found). */
    static String lookup(String email) {
        return email == null ? "" : email.toLowerCase(Locale.ROOT);
    }
}
