package dev.garden.models.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Hashing and progress counting for streams. */
final class Transfers {

    private Transfers() {
    }

    /** A fresh SHA-256 digest; every JDK has one. */
    static MessageDigest sha256() {
        return digest("SHA-256");
    }

    /** A fresh digest of a standard algorithm. */
    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is a standard algorithm", e);
        }
    }

    /** The lowercase hex of a digest's result. */
    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Creates a new, empty file {@code <prefix><random><suffix>} in {@code directory}. Unlike
     * {@link Files#createTempFile}, which makes it private to its owner, it gets the usual permissions (those the
     * umask allows), so that a cache shared between users stays readable once the file is moved into place.
     */
    static Path createTempFile(Path directory, String prefix, String suffix) throws IOException {
        while (true) {
            try {
                return Files.createFile(directory.resolve(prefix + randomPart() + suffix));
            } catch (FileAlreadyExistsException e) {
                // Another name, then.
            }
        }
    }

    /** Creates a new directory {@code <prefix><random>} in {@code directory}, with the usual permissions. */
    static Path createTempDirectory(Path directory, String prefix) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(directory.resolve(prefix + randomPart()));
            } catch (FileAlreadyExistsException e) {
                // Another name, then.
            }
        }
    }

    private static String randomPart() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }

    /** The SHA-256 of a file, telling {@code progress} as it reads. */
    static String sha256(Path file, ProgressListener progress) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = counting(Files.newInputStream(file), progress)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest);
    }

    /** {@code in}, telling {@code progress} of every byte read through it. */
    static InputStream counting(InputStream in, ProgressListener progress) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    progress.advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    progress.advance(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                progress.advance(skipped);
                return skipped;
            }
        };
    }
}
