package dev.garden.cli;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.garden.identity.RefreshToken;
import dev.garden.identity.ServiceAccountKey;
import dev.garden.identity.UserAccount;
import dev.garden.identity.store.IdentityStore;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A stand-in for Garden's {@code /token} (being built in garden-server): a JDK HTTP server that checks what
 * Google's Java library sends against the identity store, as the real endpoint will, so the CLI's exchange through
 * the library runs for real. JWT bearer: RS256 by a stored, enabled key ({@code kid}), {@code iss} its account,
 * {@code aud} Google's token URI. Refresh token: the client's secret and the token's hash match the store.
 */
final class StandInTokenEndpoint implements AutoCloseable {
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /**
     * A request it accepted.
     *
     * @param grantType the grant
     * @param subject   the service account ({@code iss}) or user it issued a token to
     */
    record Grant(String grantType, String subject) {
    }

    private final HttpServer server;
    private final Supplier<IdentityStore> stores;
    private final AtomicInteger issued = new AtomicInteger();
    final List<Grant> grants = new CopyOnWriteArrayList<>();

    /** Listens on a free loopback port; {@code stores} opens the store to check against (closed after each use). */
    StandInTokenEndpoint(Supplier<IdentityStore> stores) throws IOException {
        this.stores = stores;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/token", this::handle);
        server.start();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, Map.of("error", "invalid_request"));
                return;
            }
            Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8));
            Optional<Grant> grant;
            try (IdentityStore store = stores.get()) {
                grant = switch (form.getOrDefault("grant_type", "")) {
                    case JWT_BEARER -> jwtBearer(store, form.getOrDefault("assertion", ""));
                    case "refresh_token" -> refreshToken(store, form);
                    default -> Optional.empty();
                };
            }
            if (grant.isEmpty()) {
                respond(exchange, 400, Map.of("error", "invalid_grant", "error_description",
                        JWT_BEARER.equals(form.get("grant_type")) ? "Invalid JWT Signature."
                                : "Token has been expired or revoked."));
                return;
            }
            grants.add(grant.get());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", "ya29.stand-in-" + issued.incrementAndGet());
            body.put("expires_in", 3599);
            body.put("token_type", "Bearer");
            respond(exchange, 200, body);
        }
    }

    private static Optional<Grant> jwtBearer(IdentityStore store, String assertion) {
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            Optional<ServiceAccountKey> key = store.key(jwt.getHeader().getKeyID()).filter(k -> !k.disabled());
            if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get().publicKey()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            boolean valid = key.get().accountEmail().equals(claims.getIssuer())
                    && claims.getAudience().contains("https://oauth2.googleapis.com/token")
                    && String.valueOf(claims.getClaim("scope")).contains(AccessTokens.CLOUD_PLATFORM);
            return valid ? Optional.of(new Grant(JWT_BEARER, claims.getIssuer())) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<Grant> refreshToken(IdentityStore store, Map<String, String> form) {
        String clientId = form.getOrDefault("client_id", "");
        boolean clientOk = store.oauthClient(clientId)
                .filter(client -> client.secretSha256().equals(sha256(form.getOrDefault("client_secret", ""))))
                .isPresent();
        if (!clientOk) {
            return Optional.empty();
        }
        String hash = sha256(form.getOrDefault("refresh_token", ""));
        for (UserAccount user : store.users()) {
            for (RefreshToken token : store.refreshTokens(user.email())) {
                if (token.tokenSha256().equals(hash) && !token.revoked() && token.clientId().equals(clientId)) {
                    return Optional.of(new Grant("refresh_token", user.email()));
                }
            }
        }
        return Optional.empty();
    }

    private static void respond(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
        byte[] bytes = Json.pretty(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
