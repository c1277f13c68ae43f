package dev.garden.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold secrets (private keys, refresh tokens, client secrets): readable by their owner only (0600, in
 * 0700 directories Garden creates), and replaced atomically, so that a reader never sees half a key and the secret
 * is never, even briefly, readable by others.
 */
final class PrivateFiles {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Writes {@code content} to {@code file} (0600), replacing it atomically. The directory must exist. */
    static void write(Path file, String content) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        // The temporary file is created owner-only, so the secret is never readable by others, not even for the
        // moment between writing and changing permissions.
        Path temp = isPosix(directory)
                ? Files.createTempFile(directory, "." + target.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Creates a directory (and its parents) if needed and makes it owner-only (0700). */
    static Path ownerOnlyDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (isPosix(directory)) {
            Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
        }
        return directory;
    }

    /**
     * Checks, before anything is created, that {@code file} can be written: its directory exists and is writable,
     * and the file, if it exists, is a writable regular file. gcloud checks the same before it creates a key, so
     * that a typo in the path does not leave a key nobody holds.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    static void requireWritable(Path file) {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("cannot write " + file + ": no such directory " + directory);
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalArgumentException("cannot write " + file + ": directory " + directory
                    + " is not writable");
        }
        if (Files.exists(target) && (!Files.isRegularFile(target) || !Files.isWritable(target))) {
            throw new IllegalArgumentException("cannot write " + file + ": it exists and is not a writable file");
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
