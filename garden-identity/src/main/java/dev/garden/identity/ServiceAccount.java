package dev.garden.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A service account: a non-human principal of a project, which proves itself with one of its keys.
 *
 * @param email       {@code NAME@PROJECT.iam.gserviceaccount.com}
 * @param projectId   the project it belongs to
 * @param uniqueId    a stable numeric id (Google's {@code client_id} in key files)
 * @param displayName a human-readable name, may be empty
 * @param disabled    a disabled account's keys and tokens stop working
 * @param createTime  when it was created
 */
public record ServiceAccount(String email, String projectId, String uniqueId, String displayName, boolean disabled,
                             Instant createTime) {
    /** The domain of service account emails. */
    public static final String EMAIL_DOMAIN = ".iam.gserviceaccount.com";

    public ServiceAccount {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createTime, "createTime");
    }

    /** The email of account {@code name} in {@code project}, as gcloud forms it. */
    public static String email(String name, String project) {
        return name + "@" + project + EMAIL_DOMAIN;
    }
}
