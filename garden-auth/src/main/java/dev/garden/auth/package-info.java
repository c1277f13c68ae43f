/**
 * Google-style authentication and authorization for Garden, with no HTTP in it.
 *
 * <p>{@link dev.garden.auth.GardenAuth} builds the three parts the server calls:
 * <ul>
 *   <li>{@link dev.garden.auth.RequestAuthenticator}: the bearer check of every API request, accepting Garden access
 *       tokens and self-signed service-account JWTs;</li>
 *   <li>{@link dev.garden.auth.TokenEndpoint}: the logic of {@code POST /token} (JWT-bearer and refresh-token
 *       grants) and {@code POST /revoke};</li>
 *   <li>{@link dev.garden.auth.Authorizer}: IAM, from a principal's roles on a project to a permission.</li>
 * </ul>
 * Everything reads identities through {@link dev.garden.identity.IdentityView}, which is in memory: no check here
 * touches a database, and time comes from an injected {@link java.time.Clock}.
 */
package dev.garden.auth;
