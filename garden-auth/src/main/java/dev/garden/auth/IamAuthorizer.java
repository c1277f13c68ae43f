package dev.garden.auth;

import dev.garden.core.ErrorReason;
import dev.garden.core.GardenException;
import dev.garden.identity.IdentityView;
import dev.garden.identity.Permission;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The {@link Authorizer}: roles from the in-memory {@link IdentityView}, nothing else. */
final class IamAuthorizer implements Authorizer {
    /** Vertex AI's service name, which prefixes full resource names. */
    private static final String SERVICE = "aiplatform.googleapis.com";

    private final IdentityView view;

    IamAuthorizer(IdentityView view) {
        this.view = view;
    }

    @Override
    public void check(Principal principal, String resource, Permission permission) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(permission, "permission");
        if (!allowed(principal, projectOf(resource), permission)) {
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("permission", permission.id());
            metadata.put("resource", resource);
            throw GardenException.permissionDenied("Permission '" + permission.id() + "' denied on resource '//"
                            + SERVICE + "/" + resource + "' (or it may not exist).",
                    new ErrorReason("IAM_PERMISSION_DENIED", "iam.googleapis.com", metadata));
        }
    }

    @Override
    public boolean allowed(Principal principal, String projectId, Permission permission) {
        return view.projectExists(projectId)
               && view.roles(projectId, principal.member()).stream().anyMatch(role -> role.grants(permission));
    }

    /** {@code P} of {@code projects/P/...}. */
    static String projectOf(String resource) {
        String prefix = "projects/";
        if (resource == null || !resource.startsWith(prefix)) {
            throw new IllegalArgumentException("a resource name starts with projects/PROJECT: " + resource);
        }
        int end = resource.indexOf('/', prefix.length());
        String project = end < 0 ? resource.substring(prefix.length()) : resource.substring(prefix.length(), end);
        if (project.isEmpty()) {
            throw new IllegalArgumentException("a resource name starts with projects/PROJECT: " + resource);
        }
        return project;
    }
}
