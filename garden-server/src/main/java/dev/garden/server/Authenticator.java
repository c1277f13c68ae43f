package dev.garden.server;

/**
 * Decides whether a request to the API may proceed: the seam where checking the caller's credentials plugs in.
 * Called once per request, before its body is read. Health checks are not authenticated.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * Lets the request proceed by returning, or refuses it by throwing.
     *
     * @param request what is known of the request before its body is read
     * @throws dev.garden.core.GardenException {@code UNAUTHENTICATED} for missing or bad credentials,
     *                                         {@code PERMISSION_DENIED} for a caller who may not do this
     */
    void authenticate(RequestContext request);

    /** Lets every request through: Garden's behaviour until credentials are checked. */
    static Authenticator allowAll() {
        return request -> {
        };
    }
}
