package dev.garden.cli;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Exchanges a credentials file for an access token with Google's own Java library, which posts to the file's
 * {@code token_uri}: the CLI obtains tokens exactly as Garden's clients do, so a token it prints proves the
 * whole path (key file, token endpoint, store) works.
 */
final class AccessTokens {
    /** The scope gcloud asks for, and Vertex AI's clients too. */
    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    // The library retries a refused connection for about 7 seconds; a quick probe first says at once that
    // nothing is listening.
    private static final int PROBE_TIMEOUT_MILLIS = 3000;
    // Google's library falls back to Google's own endpoint when a file has no token_uri.
    private static final String GOOGLE_TOKEN_URI = "https://oauth2.googleapis.com/token";

    private AccessTokens() {
    }

    /**
     * An access token for a {@code service_account} or {@code authorized_user} file.
     *
     * @throws CommandFailure when the file cannot be used, the token endpoint cannot be reached, or it refuses
     */
    static AccessToken fetch(Path credentialsFile) {
        Map<String, Object> content;
        byte[] bytes;
        try {
            content = Json.readObject(credentialsFile);
            bytes = Files.readAllBytes(credentialsFile);
        } catch (IllegalArgumentException | IOException | UncheckedIOException e) {
            throw new CommandFailure("cannot read credentials: " + e.getMessage(), CommandFailure.FAILED, e);
        }
        String type = Json.string(content, "type");
        String tokenUri = Json.string(content, "token_uri").isBlank() ? GOOGLE_TOKEN_URI
                : Json.string(content, "token_uri");
        probe(tokenUri, credentialsFile);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            // The file's type is checked here rather than handing any JSON to GoogleCredentials.fromStream,
            // which would also load external-account configurations that run commands or call other URLs.
            GoogleCredentials credentials = switch (type) {
                case CredentialsFiles.SERVICE_ACCOUNT ->
                        ServiceAccountCredentials.fromStream(in).createScoped(List.of(CLOUD_PLATFORM));
                case CredentialsFiles.AUTHORIZED_USER -> UserCredentials.fromStream(in);
                default -> throw new CommandFailure(credentialsFile + " holds '" + type + "' credentials; Garden"
                        + " exchanges service_account keys and authorized_user files");
            };
            return credentials.refreshAccessToken();
        } catch (IOException e) {
            throw new CommandFailure(describe(e, tokenUri, credentialsFile), CommandFailure.FAILED, e);
        }
    }

    /** Fails fast, and clearly, when nothing listens at the token endpoint. */
    private static void probe(String tokenUri, Path credentialsFile) {
        URI uri;
        try {
            uri = URI.create(tokenUri);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(credentialsFile + " has an invalid token_uri '" + tokenUri + "'");
        }
        if (uri.getHost() == null) {
            throw new CommandFailure(credentialsFile + " has an invalid token_uri '" + tokenUri + "'");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), PROBE_TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new CommandFailure("Garden is not reachable at " + tokenUri + " (" + e.getMessage() + "), the"
                    + " token_uri of " + credentialsFile + ". Is `garden serve` running there? If it moved,"
                    + " restart it or create a new key (its token_uri follows --token-uri, $"
                    + GardenUrls.PUBLIC_URL_VARIABLE + " or the running server).", CommandFailure.FAILED, e);
        }
    }

    /** One line: RFC 6749's error and description when the endpoint answered, else what went wrong. */
    private static String describe(IOException error, String tokenUri, Path credentialsFile) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException response) {
                String detail = response.getStatusCode() + " " + nullToEmpty(response.getStatusMessage());
                String content = nullToEmpty(response.getContent());
                try {
                    Map<String, Object> body = Json.parseObject(content);
                    String description = Json.string(body, "error_description");
                    detail = Json.string(body, "error") + (description.isEmpty() ? "" : ": " + description);
                } catch (IllegalArgumentException e) {
                    // not OAuth's JSON error: the status line says enough
                }
                return "the token endpoint " + tokenUri + " refused the credentials in " + credentialsFile + ": "
                        + detail.strip();
            }
        }
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        return "cannot get an access token from " + tokenUri + ": " + message.lines().findFirst().orElse("");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
