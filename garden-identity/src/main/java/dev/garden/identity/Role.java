package dev.garden.identity;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The Vertex AI roles Garden knows, with the permissions each grants. */
public enum Role {
    /** Call endpoints: chat completions on publisher models and deployed endpoints. */
    USER("roles/aiplatform.user", Set.of(Permission.ENDPOINTS_PREDICT, Permission.ENDPOINTS_LIST,
            Permission.ENDPOINTS_GET, Permission.MODELS_LIST, Permission.MODELS_GET)),
    /** Everything a user may do, and manage endpoints and models. */
    ADMIN("roles/aiplatform.admin", Set.of(Permission.values())),
    /** List and read endpoints and models; no calls. */
    VIEWER("roles/aiplatform.viewer", Set.of(Permission.ENDPOINTS_LIST, Permission.ENDPOINTS_GET,
            Permission.MODELS_LIST, Permission.MODELS_GET));

    private final String id;
    private final Set<Permission> permissions;

    Role(String id, Set<Permission> permissions) {
        this.id = id;
        this.permissions = permissions;
    }

    /** The role's name as IAM writes it, e.g. {@code roles/aiplatform.user}. */
    public String id() {
        return id;
    }

    /** Whether the role grants a permission. */
    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    /** The role with the given IAM name. */
    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(role -> role.id.equals(id)).findFirst();
    }
}
