package dev.garden.models;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file in a Hugging Face model repository, such as
 * {@code hf://HuggingFaceTB/SmolLM2-135M-Instruct-GGUF@main/smollm2-135m-instruct-q8_0.gguf}. A revision that
 * contains {@code /} is written percent-encoded: {@code @refs%2Fpr%2F1}.
 *
 * @param organization the owner of the repository
 * @param repository the repository's name
 * @param revision a branch, tag or commit, decoded; empty means {@code main}
 * @param path the file's path inside the repository, with {@code /} separators
 */
public record HuggingFaceSource(String organization, String repository, Optional<String> revision, String path)
        implements ModelSource {

    static final String SCHEME = "hf://";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Checks each part, so that a bad catalog entry fails when read rather than when fetched. */
    public HuggingFaceSource {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(path, "path");
        if (!NAME.matcher(organization).matches()) {
            throw new IllegalArgumentException("\"" + organization + "\" is not a valid Hugging Face organization");
        }
        if (!NAME.matcher(repository).matches()) {
            throw new IllegalArgumentException("\"" + repository + "\" is not a valid Hugging Face repository");
        }
        if (revision.isPresent() && revision.get().isBlank()) {
            throw new IllegalArgumentException("the revision after @ must not be empty");
        }
        MemberPaths.check(path, "path in the repository");
    }

    /** Parses {@code hf://<org>/<repo>[@<revision>]/<path>}. */
    static HuggingFaceSource parse(String text) {
        String[] parts = text.substring(SCHEME.length()).split("/", 3);
        if (parts.length < 3 || parts[2].isEmpty()) {
            throw new IllegalArgumentException(
                    "\"" + text + "\" must have the form hf://<org>/<repo>[@<revision>]/<path in repo>");
        }
        String repository = parts[1];
        Optional<String> revision = Optional.empty();
        int at = repository.indexOf('@');
        if (at >= 0) {
            // '+' is kept as it is: URLDecoder would turn it into a space.
            revision = Optional.of(URLDecoder.decode(repository.substring(at + 1).replace("+", "%2B"),
                    StandardCharsets.UTF_8));
            repository = repository.substring(0, at);
        }
        return new HuggingFaceSource(parts[0], repository, revision, parts[2]);
    }

    /** The revision to fetch: the one given, or {@code main}. */
    public String revisionOrMain() {
        return revision.orElse("main");
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public String fileName() {
        return MemberPaths.lastSegment(path);
    }

    @Override
    public String toString() {
        return SCHEME + organization + "/" + repository
                + revision.map(r -> "@" + r.replace("%", "%25").replace("/", "%2F")).orElse("") + "/" + path;
    }
}
