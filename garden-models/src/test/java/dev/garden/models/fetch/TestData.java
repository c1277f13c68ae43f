package dev.garden.models.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Bytes, checksums and archives for tests. */
final class TestData {

    private TestData() {
    }

    /** {@code size} bytes that start like a GGUF file, the same for the same seed. */
    static byte[] gguf(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        System.arraycopy("GGUF".getBytes(), 0, bytes, 0, Math.min(4, size));
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Concatenates parts in order. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** An entry of a test tarball: a file with content, or a symbolic link when {@code linkTarget} is set. */
    record TarItem(String name, byte[] content, String linkTarget) {
        static TarItem file(String name, byte[] content) {
            return new TarItem(name, content, null);
        }

        static TarItem link(String name, String target) {
            return new TarItem(name, new byte[0], target);
        }
    }

    /** A gzipped tarball of these entries, in order, as npm packs them. */
    static byte[] tarGz(List<TarItem> items) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarItem item : items) {
                TarArchiveEntry entry;
                if (item.linkTarget() != null) {
                    entry = new TarArchiveEntry(item.name(), TarConstants.LF_SYMLINK);
                    entry.setLinkName(item.linkTarget());
                } else {
                    // The constructor would normalize away a leading "/" or "..", which the tests need to keep.
                    entry = new TarArchiveEntry(item.name(), true);
                    entry.setSize(item.content().length);
                }
                tar.putArchiveEntry(entry);
                tar.write(item.content());
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The SRI string npm would record for {@code bytes}. */
    static String integrity(byte[] bytes) {
        try {
            return "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A wheel with these members and a dist-info directory. {@link ZipOutputStream} writes deflated entries with
     * data descriptors, which a streaming reader must cope with.
     */
    static byte[] wheel(String distribution, String version, Map<String, byte[]> members) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                zip.putNextEntry(new ZipEntry(member.getKey()));
                zip.write(member.getValue());
                zip.closeEntry();
            }
            String distInfo = distribution + "-" + version + ".dist-info/";
            zip.putNextEntry(new ZipEntry(distInfo + "METADATA"));
            zip.write(("Metadata-Version: 2.1\nName: " + distribution + "\nVersion: " + version + "\n").getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(distInfo + "WHEEL"));
            zip.write("Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n".getBytes());
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
