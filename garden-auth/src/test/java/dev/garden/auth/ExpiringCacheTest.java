package dev.garden.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpiringCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void get_beforeTheDeadline_isTheValue_atTheDeadlineNothing() {
        ExpiringCache<String> cache = new ExpiringCache<>(10);
        cache.put("k", "v", NOW.plusSeconds(60), NOW);

        assertThat(cache.get("k", NOW.plusSeconds(59))).isEqualTo("v");
        assertThat(cache.get("k", NOW.plusSeconds(60))).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void put_whenFull_dropsExpiredEntriesFirst() {
        ExpiringCache<String> cache = new ExpiringCache<>(4);
        cache.put("old1", "v", NOW.plusSeconds(10), NOW);
        cache.put("old2", "v", NOW.plusSeconds(10), NOW);
        cache.put("live1", "v", NOW.plusSeconds(1000), NOW);
        cache.put("live2", "v", NOW.plusSeconds(1000), NOW);

        cache.put("new", "v", NOW.plusSeconds(1000), NOW.plusSeconds(20));
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("live1", NOW.plusSeconds(20))).isNotNull();
        assertThat(cache.get("new", NOW.plusSeconds(20))).isNotNull();
    }

    @Test
    void put_whenFullOfLiveEntries_dropsThoseNearestTheirDeadline() {
        ExpiringCache<Integer> cache = new ExpiringCache<>(16);
        for (int i = 0; i < 16; i++) {
            cache.put("k" + i, i, NOW.plusSeconds(100 + i), NOW);
        }

        cache.put("new", 99, NOW.plusSeconds(3600), NOW);
        assertThat(cache.size()).isLessThanOrEqualTo(16);
        assertThat(cache.get("k0", NOW)).isNull();
        assertThat(cache.get("k15", NOW)).isEqualTo(15);
        assertThat(cache.get("new", NOW)).isEqualTo(99);
    }

    @Test
    void put_manyMoreThanTheBound_staysBounded() {
        ExpiringCache<Integer> cache = new ExpiringCache<>(100);
        for (int i = 0; i < 10_000; i++) {
            cache.put("k" + i, i, NOW.plus(Duration.ofSeconds(i % 3600 + 1)), NOW);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void put_alreadyExpiredOrSizeZero_remembersNothing() {
        ExpiringCache<String> cache = new ExpiringCache<>(10);
        cache.put("k", "v", NOW, NOW);
        ExpiringCache<String> none = new ExpiringCache<>(0);
        none.put("k", "v", NOW.plusSeconds(60), NOW);

        assertThat(cache.size()).isZero();
        assertThat(none.get("k", NOW)).isNull();
        assertThatThrownBy(() -> new ExpiringCache<>(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
