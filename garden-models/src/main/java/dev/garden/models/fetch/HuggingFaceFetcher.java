package dev.garden.models.fetch;

import dev.garden.models.HuggingFaceSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Downloads a file from a Hugging Face repository through the hub's {@code resolve} endpoint. */
final class HuggingFaceFetcher {

    private final HttpDownloader http;
    private final URI endpoint;
    private final Optional<String> token;

    HuggingFaceFetcher(HttpDownloader http, URI endpoint, Optional<String> token) {
        this.http = http;
        this.endpoint = endpoint;
        this.token = token;
    }

    /**
     * Writes the file named by {@code source} to {@code out}.
     *
     * @throws FetchException when the hub refuses, with what to do about it
     * @throws IOException when the download breaks off
     */
    void copy(HuggingFaceSource source, OutputStream out, ProgressListener progress, String progressName)
            throws IOException {
        URI uri = resolveUri(source);
        Map<String, String> headers = token.map(t -> Map.of("Authorization", "Bearer " + t)).orElse(Map.of());
        try (HttpDownloader.Body body = http.open(uri, headers);
             InputStream in = Transfers.counting(body.stream(), progress)) {
            progress.start(progressName, body.contentLength());
            in.transferTo(out);
        } catch (FetchException e) {
            throw withHint(e, source);
        }
        progress.done();
    }

    /** {@code {endpoint}/{org}/{repo}/resolve/{revision}/{path}}, each segment percent-encoded. */
    URI resolveUri(HuggingFaceSource source) {
        StringBuilder uri = new StringBuilder(endpoint.toString())
                .append('/').append(source.organization())
                .append('/').append(source.repository())
                .append("/resolve/").append(encode(source.revisionOrMain()));
        for (String segment : source.path().split("/")) {
            uri.append('/').append(encode(segment));
        }
        return URI.create(uri.toString());
    }

    private FetchException withHint(FetchException e, HuggingFaceSource source) {
        int status = e.httpStatus().orElse(0);
        String hint = switch (status) {
            case 401, 403 -> token.isPresent()
                    ? "; the token in HF_TOKEN has no access: is the repository gated, and were its terms accepted?"
                    : "; the repository may be gated or private: set HF_TOKEN to a token with access to it";
            case 404 -> "; check the organization, repository, revision and path of " + source;
            default -> "";
        };
        return hint.isEmpty() ? e : e.withHint(hint);
    }

    /** Percent-encodes all but RFC 3986's unreserved characters, so {@code refs/pr/1} stays one segment. */
    private static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
