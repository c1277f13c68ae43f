package dev.garden.core;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes the ids Garden hands out (completion ids and the like). Injected, so tests and golden transcripts can use
 * predictable ones.
 */
@FunctionalInterface
public interface IdGenerator {
    /** A new id with the given prefix, e.g. {@code chatcmpl-...}. */
    String next(String prefix);

    /** Random, URL-safe ids: what the server uses. */
    static IdGenerator random() {
        SecureRandom random = new SecureRandom();
        char[] alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
        return prefix -> {
            char[] id = new char[24];
            for (int i = 0; i < id.length; i++) {
                id[i] = alphabet[random.nextInt(alphabet.length)];
            }
            return prefix + new String(id);
        };
    }

    /** {@code prefix1}, {@code prefix2}, ...: for tests. */
    static IdGenerator sequential() {
        AtomicLong counter = new AtomicLong();
        return prefix -> prefix + counter.incrementAndGet();
    }
}
