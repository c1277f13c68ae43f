package dev.garden.models.fetch;

import java.util.Objects;

/**
 * An npm package pinned to a version and to its tarball's Subresource Integrity string, as a lockfile pins it.
 *
 * @param name the package name, possibly scoped, such as {@code @node-llama-cpp/linux-x64}
 * @param version the exact version
 * @param integrity the tarball's SRI string, such as {@code sha512-<base64>}
 */
record NpmPackage(String name, String version, String integrity) {

    NpmPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(integrity, "integrity");
    }

    /** The name without its scope: {@code linux-x64} for {@code @node-llama-cpp/linux-x64}. */
    String unscopedName() {
        return name.substring(name.indexOf('/') + 1);
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }
}
