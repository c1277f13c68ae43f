package dev.garden.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the last {@code garden serve} recorded about itself in {@code $GARDEN_HOME/server.json}: the URL it listens
 * on. The CLI reads it to know where Garden's token endpoint is when writing key files ({@code token_uri}) and when
 * exchanging credentials for access tokens, so that {@code garden serve --port 0} and the CLI agree without
 * flags.
 *
 * <pre>{@code
 * // in garden serve, once the port is bound:
 * ServerInfo.write(env.home(), ServerInfo.forAddress(host, boundPort).url());
 * }</pre>
 *
 * @param url the server's base URL, e.g. {@code http://127.0.0.1:8080}, without a trailing slash
 */
record ServerInfo(URI url) {
    /** The file's name inside {@code $GARDEN_HOME}. */
    static final String FILE_NAME = "server.json";

    ServerInfo {
        Objects.requireNonNull(url, "url");
    }

    /** The base URL of a server listening on {@code host:port}, IPv6 literals in brackets. */
    static ServerInfo forAddress(String host, int port) {
        String authority = host;
        try {
            if (host.contains(":") && InetAddress.getByName(host) instanceof Inet6Address) {
                authority = "[" + host + "]";
            }
        } catch (UnknownHostException e) {
            // not a literal; a name is written as it is
        }
        return new ServerInfo(URI.create("http://" + authority + ":" + port));
    }

    /** The URL recorded in {@code gardenHome}, if a server has recorded one and the file is readable. */
    static Optional<ServerInfo> read(Path gardenHome) {
        Path file = gardenHome.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String url = Json.string(Json.readObject(file), "url");
            return url.isBlank() ? Optional.empty() : Optional.of(new ServerInfo(URI.create(url)));
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // A torn or hand-edited file only loses the hint; the caller falls back to the default URL.
            return Optional.empty();
        }
    }

    /**
     * Records {@code url} in {@code gardenHome}, replacing the file atomically so that a CLI reading it at that
     * moment sees the old URL or the new one.
     *
     * @return what was recorded
     */
    static ServerInfo write(Path gardenHome, URI url) {
        ServerInfo info = new ServerInfo(URI.create(GardenUrls.stripTrailingSlashes(url.toString())));
        try {
            Files.createDirectories(gardenHome);
            Path temp = Files.createTempFile(gardenHome, ".server", ".tmp");
            try {
                Files.writeString(temp, Json.pretty(Map.of("url", info.url().toString())), StandardCharsets.UTF_8);
                try {
                    Files.move(temp, gardenHome.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, gardenHome.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + gardenHome.resolve(FILE_NAME), e);
        }
        return info;
    }
}
