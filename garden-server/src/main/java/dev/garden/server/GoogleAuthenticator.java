package dev.garden.server;

import dev.garden.auth.Authorizer;
import dev.garden.auth.Principal;
import dev.garden.auth.RequestAuthenticator;

import java.util.Objects;

/**
 * Google's rules for an API request: a valid bearer credential (401 otherwise), then the IAM permission the request
 * needs on its resource (403 otherwise). Authentication comes first, so that a caller without credentials learns
 * nothing about which projects or endpoints exist.
 */
final class GoogleAuthenticator implements Authenticator {
    private final RequestAuthenticator bearer;
    private final Authorizer iam;

    GoogleAuthenticator(RequestAuthenticator bearer, Authorizer iam) {
        this.bearer = Objects.requireNonNull(bearer, "bearer");
        this.iam = Objects.requireNonNull(iam, "iam");
    }

    @Override
    public void authenticate(RequestContext request) {
        Principal caller = bearer.authenticate(request.header("Authorization"), request.method());
        iam.check(caller, request.resource(), request.permission());
    }
}
