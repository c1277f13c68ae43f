package dev.garden.identity.store;

import dev.garden.identity.Member;
import dev.garden.identity.Role;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a project's IAM policy: a role and every member holding it, as {@code gcloud projects
 * get-iam-policy} prints it.
 *
 * @param role    the role
 * @param members who holds it, sorted by their IAM form ({@code serviceAccount:...} before {@code user:...})
 */
public record PolicyBinding(Role role, List<Member> members) {
    public PolicyBinding {
        Objects.requireNonNull(role, "role");
        members = List.copyOf(members);
    }
}
