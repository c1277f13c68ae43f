package dev.garden.models.fetch;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.Properties;

/**
 * That a file had a checksum when it last had this size and modification time: a sidecar that spares re-hashing a
 * large file on every start. A file changed since, even in place, shows a new modification time and is hashed again.
 *
 * @param size the file's size in bytes
 * @param modified the file's modification time, at the file system's full precision
 * @param sha256 the file's checksum
 */
record VerificationRecord(long size, String modified, String sha256) {

    /** The record of {@code file} as it is now, with the checksum just computed. */
    static VerificationRecord of(Path file, String sha256) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new VerificationRecord(attributes.size(), attributes.lastModifiedTime().toString(), sha256);
    }

    /** Whether {@code sidecar} records that {@code file}, unchanged since, has checksum {@code sha256}. */
    static boolean vouchesFor(Path sidecar, Path file, String sha256) {
        try {
            Optional<VerificationRecord> recorded = read(sidecar);
            return recorded.isPresent() && recorded.get().equals(of(file, sha256));
        } catch (IOException e) {
            return false;
        }
    }

    /** The record in {@code sidecar}, if there is a well-formed one. */
    static Optional<VerificationRecord> read(Path sidecar) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(new VerificationRecord(Long.parseLong(properties.getProperty("size", "")),
                    properties.getProperty("modified", ""), properties.getProperty("sha256", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Writes this record to {@code sidecar}, atomically, so that a reader never sees half of one. */
    void write(Path sidecar) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("size", Long.toString(size));
        properties.setProperty("modified", modified);
        properties.setProperty("sha256", sha256);
        Path temp = Transfers.createTempFile(sidecar.getParent(), sidecar.getFileName() + ".", ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(out, "Written by Garden: the file beside this one had this checksum");
            }
            Files.move(temp, sidecar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
