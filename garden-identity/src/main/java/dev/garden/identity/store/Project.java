package dev.garden.identity.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A project: the container of service accounts and the resource IAM policies are set on.
 *
 * @param projectId   6 to 30 lowercase letters, digits and hyphens, as Google's project ids
 * @param displayName a human-readable name; the id when none was given
 * @param createTime  when it was created
 */
public record Project(String projectId, String displayName, Instant createTime) {
    public Project {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(createTime, "createTime");
    }
}
