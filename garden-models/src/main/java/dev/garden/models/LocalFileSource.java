package dev.garden.models;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file on this machine, used in place.
 *
 * @param path the absolute, normalized path of the file
 */
public record LocalFileSource(Path path) implements ModelSource {

    /** Normalizes the path and insists that it is absolute. */
    public LocalFileSource {
        Objects.requireNonNull(path, "path");
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("a local source must be an absolute path: " + path);
        }
        path = path.normalize();
        if (path.getFileName() == null) {
            throw new IllegalArgumentException("a local source must name a file, not " + path);
        }
    }

    @Override
    public boolean remote() {
        return false;
    }

    @Override
    public String fileName() {
        return path.getFileName().toString();
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
