package dev.garden.identity.store;

import dev.garden.identity.SigningKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Two stores over one database stand for two processes (two Garden instances, or a server and the CLI). */
class ConcurrencyTest extends StoreTestBase {

    @Test
    void createServiceAccount_twoStoresAtOnce_oneWinsTheOtherGetsAlreadyExists() throws Exception {
        store.createProject("my-project", "");
        IdentityStore other = open(2);
        int rounds = 20;

        for (int round = 0; round < rounds; round++) {
            String name = "racer-" + round;
            List<Object> outcomes = race(() -> store.createServiceAccount("my-project", name, "one"),
                    () -> other.createServiceAccount("my-project", name, "two"));

            assertThat(outcomes).filteredOn(IdentityException.class::isInstance).singleElement()
                    .satisfies(failure -> {
                        IdentityException e = (IdentityException) failure;
                        assertThat(e.kind()).isEqualTo(IdentityException.Kind.ALREADY_EXISTS);
                        assertThat(e.getMessage()).isEqualTo("service account " + name
                                + "@my-project.iam.gserviceaccount.com already exists");
                    });
        }
        assertThat(store.serviceAccounts("my-project")).hasSize(rounds);
    }

    @Test
    void writes_manyThreadsOverTwoStores_allSucceedEachWithItsOwnVersion() throws Exception {
        store.createProject("my-project", "");
        IdentityStore other = open(2);
        long before = store.version();
        int threads = 4;
        int perThread = 10;

        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            CyclicBarrier start = new CyclicBarrier(threads);
            for (int t = 0; t < threads; t++) {
                IdentityStore through = t % 2 == 0 ? store : other;
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        through.createServiceAccount("my-project", "worker-" + thread + "-" + i, "");
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }

        assertThat(store.serviceAccounts("my-project")).hasSize(threads * perThread);
        assertThat(store.version()).isEqualTo(before + threads * perThread);
    }

    @Test
    void ensureSigningKey_twoStoresAtOnce_agreeOnOneActiveKey() throws Exception {
        IdentityStore other = open(2);

        List<Object> keys = race(store::ensureSigningKey, other::ensureSigningKey);

        assertThat(keys).extracting(key -> ((SigningKey) key).id()).containsOnly(((SigningKey) keys.getFirst()).id());
        assertThat(store.signingKeys()).singleElement().extracting(SigningKey::active).isEqualTo(true);
    }

    /** Runs both at the same instant; each outcome is the result or the exception. */
    private static List<Object> race(Callable<?> one, Callable<?> two) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<?> task : List.of(one, two)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return task.call();
                    } catch (IdentityException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        }
    }
}
