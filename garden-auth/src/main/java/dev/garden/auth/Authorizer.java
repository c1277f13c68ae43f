package dev.garden.auth;

import dev.garden.identity.Permission;

/**
 * IAM: whether a principal's roles on a project grant a permission.
 */
public interface Authorizer {

    /**
     * Checks a permission on a resource, as Vertex AI does before serving a call.
     *
     * @param principal  who asks, from {@link RequestAuthenticator#authenticate}
     * @param resource   the resource's relative name, starting with its project:
     *                   {@code projects/P/locations/L/endpoints/E}
     * @param permission the permission the call needs
     * @throws dev.garden.core.GardenException {@link dev.garden.core.ErrorKind#PERMISSION_DENIED} with reason
     *         {@code IAM_PERMISSION_DENIED} in domain {@code iam.googleapis.com} and metadata {@code permission} and
     *         {@code resource}, and Google's message
     *         {@code Permission 'P' denied on resource '//aiplatform.googleapis.com/R' (or it may not exist).};
     *         a project that does not exist is denied the same way, so that the answer says nothing about which
     *         projects exist
     * @throws IllegalArgumentException if {@code resource} does not start with {@code projects/P}
     */
    void check(Principal principal, String resource, Permission permission);

    /** Whether the principal holds a role on the project that grants the permission (false if no such project). */
    boolean allowed(Principal principal, String projectId, Permission permission);
}
