package dev.garden.cli;

import dev.garden.identity.OAuthClient;
import dev.garden.identity.store.CreatedOAuthClient;
import dev.garden.identity.store.IdentityStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The OAuth client that {@code garden auth application-default login} issues refresh tokens to, as gcloud's
 * logins use gcloud's own client. Created once per Garden home; its id and secret are kept in
 * {@code $GARDEN_HOME/cli-oauth-client.json} (0600), since the store keeps only the secret's hash.
 *
 * @param clientId     the {@code client_id}
 * @param clientSecret the {@code client_secret}
 */
record CliOAuthClient(String clientId, String clientSecret) {
    /** The file's name inside {@code $GARDEN_HOME}. */
    static final String FILE_NAME = "cli-oauth-client.json";
    static final String DISPLAY_NAME = "Garden CLI";

    CliOAuthClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    /**
     * The home's CLI client: the one in its file if the store still knows it with that secret, else a new one
     * (a new home, or a store that was replaced or is another database now).
     */
    static CliOAuthClient ensure(IdentityStore store, Path gardenHome) {
        Path file = gardenHome.resolve(FILE_NAME);
        Optional<CliOAuthClient> saved = read(file);
        if (saved.isPresent()) {
            Optional<OAuthClient> stored = store.oauthClient(saved.get().clientId());
            if (stored.isPresent() && stored.get().secretSha256().equals(sha256Hex(saved.get().clientSecret()))) {
                return saved.get();
            }
        }
        CreatedOAuthClient created = store.createOAuthClient(DISPLAY_NAME);
        CliOAuthClient client = new CliOAuthClient(created.client().clientId(), created.secret());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("client_id", client.clientId());
        content.put("client_secret", client.clientSecret());
        try {
            Files.createDirectories(gardenHome);
            PrivateFiles.write(file, Json.pretty(content));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return client;
    }

    private static Optional<CliOAuthClient> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> content = Json.readObject(file);
            String id = Json.string(content, "client_id");
            String secret = Json.string(content, "client_secret");
            return id.isEmpty() || secret.isEmpty() ? Optional.empty() : Optional.of(new CliOAuthClient(id, secret));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            return Optional.empty(); // replaced by a new client below
        }
    }

    // How the store keeps client secrets (a plain hash: they are random and long).
    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "CliOAuthClient[" + clientId + "]";
    }
}
