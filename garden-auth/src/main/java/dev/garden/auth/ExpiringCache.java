package dev.garden.auth;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded map whose entries each carry a deadline: an entry is never returned at or after its deadline, and when
 * the map is full the expired entries go first, then those nearest their deadline. Small on purpose: it remembers
 * successful RSA verifications of self-signed JWTs, whose deadline is the JWT's own expiry, so that a client
 * reusing its JWT for an hour pays for one RSA verification, not one per request.
 *
 * @param <V> what is remembered
 */
final class ExpiringCache<V> {
    private record Entry<V>(V value, Instant deadline) {
    }

    private final int maximumSize;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ReentrantLock evicting = new ReentrantLock();

    /** @param maximumSize the most entries kept; 0 remembers nothing */
    ExpiringCache(int maximumSize) {
        if (maximumSize < 0) {
            throw new IllegalArgumentException("maximumSize must not be negative");
        }
        this.maximumSize = maximumSize;
    }

    /** The value for a key, if present and its deadline is after {@code now}. */
    V get(String key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!now.isBefore(entry.deadline)) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value;
    }

    /** Remembers a value until its deadline, making room if the cache is full. */
    void put(String key, V value, Instant deadline, Instant now) {
        if (maximumSize == 0 || !now.isBefore(deadline)) {
            return;
        }
        if (entries.size() >= maximumSize) {
            makeRoom(now);
        }
        entries.put(key, new Entry<>(value, deadline));
    }

    /** Forgets a key. */
    void remove(String key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }

    /**
     * Drops the expired entries and, if that is not enough, the eighth nearest their deadline, so that a burst of
     * new JWTs sorts the map once per several thousand insertions rather than on each. One thread evicts at a time;
     * the others insert meanwhile and may overshoot the bound by a few entries.
     */
    private void makeRoom(Instant now) {
        if (!evicting.tryLock()) {
            return;
        }
        try {
            entries.values().removeIf(entry -> !now.isBefore(entry.deadline));
            if (entries.size() >= maximumSize) {
                int excess = entries.size() - maximumSize + Math.max(1, maximumSize / 8);
                entries.entrySet().stream()
                        .sorted(Comparator.comparing(e -> e.getValue().deadline))
                        .limit(excess)
                        .toList()
                        .forEach(e -> entries.remove(e.getKey(), e.getValue()));
            }
        } finally {
            evicting.unlock();
        }
    }
}
