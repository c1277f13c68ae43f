package dev.garden.cli;

import dev.garden.identity.Member;
import dev.garden.identity.Role;
import dev.garden.identity.store.IdentityStore;
import dev.garden.identity.store.IdentityStoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapTest {
    private static final String ADMIN = "garden-admin@garden-default.iam.gserviceaccount.com";
    private static final GardenUrls PORT_8080 = GardenUrls.of("http://127.0.0.1:8080");
    private static final GardenUrls PORT_9000 = GardenUrls.of("http://127.0.0.1:9000");

    @TempDir
    Path home;

    @Test
    void run_freshStore_createsProjectAdminBindingAndAnOwnerOnlyKeyFile() throws Exception {
        Bootstrap.Outcome outcome;
        try (IdentityStore store = open()) {
            outcome = Bootstrap.run(store, home, PORT_8080);

            assertThat(outcome.state()).isEqualTo(Bootstrap.State.CREATED);
            assertThat(outcome.accountEmail()).isEqualTo(ADMIN);
            assertThat(store.project("garden-default")).isPresent();
            assertThat(store.iamPolicy("garden-default")).singleElement().satisfies(binding -> {
                assertThat(binding.role()).isEqualTo(Role.ADMIN);
                assertThat(binding.members()).containsExactly(Member.serviceAccount(ADMIN));
            });
            Map<String, Object> key = Json.readObject(outcome.keyFile());
            assertThat(key).containsEntry("client_email", ADMIN)
                    .containsEntry("token_uri", "http://127.0.0.1:8080/token");
            assertThat(ServiceAccountKeysCommandTest.signedBy((String) key.get("private_key"),
                    store.key((String) key.get("private_key_id")).orElseThrow())).isTrue();
        }
        Path file = home.resolve("credentials/garden-admin.json");
        assertThat(outcome.keyFile()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(outcome.messages()).hasSize(2);
        assertThat(outcome.messages().getFirst()).contains("garden-default").contains(ADMIN).contains(file.toString());
        assertThat(outcome.messages().get(1)).isEqualTo("Clients use it with: export GOOGLE_APPLICATION_CREDENTIALS="
                + file);
    }

    @Test
    void run_again_changesNothing() throws Exception {
        try (IdentityStore store = open()) {
            Bootstrap.run(store, home, PORT_8080);
            byte[] before = Files.readAllBytes(Bootstrap.adminKeyFile(home));

            Bootstrap.Outcome again = Bootstrap.run(store, home, PORT_8080);

            assertThat(again.state()).isEqualTo(Bootstrap.State.UNCHANGED);
            assertThat(again.messages()).isEmpty();
            assertThat(store.keys(ADMIN)).hasSize(1);
            assertThat(Files.readAllBytes(Bootstrap.adminKeyFile(home))).isEqualTo(before);
        }
    }

    @Test
    void run_onAnotherPort_rewritesTheUrls_andKeepsTheKey() throws Exception {
        try (IdentityStore store = open()) {
            Bootstrap.run(store, home, PORT_8080);
            Map<String, Object> before = Json.readObject(Bootstrap.adminKeyFile(home));

            Bootstrap.Outcome moved = Bootstrap.run(store, home, PORT_9000);
            Bootstrap.Outcome stayed = Bootstrap.run(store, home, PORT_9000);

            Map<String, Object> after = Json.readObject(Bootstrap.adminKeyFile(home));
            assertThat(moved.state()).isEqualTo(Bootstrap.State.KEY_FILE_UPDATED);
            assertThat(moved.messages()).containsExactly("Pointed the admin key " + Bootstrap.adminKeyFile(home)
                    + " at http://127.0.0.1:9000/token");
            assertThat(stayed.state()).isEqualTo(Bootstrap.State.UNCHANGED);
            assertThat(List.copyOf(after.keySet())).isEqualTo(List.copyOf(before.keySet()));
            assertThat(after).containsEntry("token_uri", "http://127.0.0.1:9000/token")
                    .containsEntry("auth_uri", "http://127.0.0.1:9000/auth")
                    .containsEntry("private_key", before.get("private_key"))
                    .containsEntry("private_key_id", before.get("private_key_id"))
                    .containsEntry("client_id", before.get("client_id"));
            assertThat(store.keys(ADMIN)).hasSize(1);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Bootstrap.adminKeyFile(home))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void run_storeWithProjects_createsNothing() {
        try (IdentityStore store = open()) {
            store.createProject("my-own-project", "");

            Bootstrap.Outcome outcome = Bootstrap.run(store, home, PORT_8080);

            assertThat(outcome.state()).isEqualTo(Bootstrap.State.UNCHANGED);
            assertThat(store.project("garden-default")).isEmpty();
            assertThat(Bootstrap.adminKeyFile(home)).doesNotExist();
        }
    }

    @Test
    void run_keyFileDeletedLater_isNotRecreated() throws Exception {
        try (IdentityStore store = open()) {
            Bootstrap.run(store, home, PORT_8080);
            Files.delete(Bootstrap.adminKeyFile(home));

            assertThat(Bootstrap.run(store, home, PORT_9000).state()).isEqualTo(Bootstrap.State.UNCHANGED);
            assertThat(Bootstrap.adminKeyFile(home)).doesNotExist();
        }
    }

    @Test
    void run_twoInstancesAtOnce_bootstrapOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Bootstrap.State>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Callable<Bootstrap.State> instance = () -> {
                    // each "instance" has its own store, as two processes would
                    try (IdentityStore store = open()) {
                        start.await();
                        return Bootstrap.run(store, home, PORT_8080).state();
                    }
                };
                results.add(pool.submit(instance));
            }
            start.countDown();
            List<Bootstrap.State> states = new ArrayList<>();
            for (Future<Bootstrap.State> result : results) {
                states.add(result.get());
            }

            assertThat(states).containsOnlyOnce(Bootstrap.State.CREATED);
            try (IdentityStore store = open()) {
                assertThat(store.keys(ADMIN)).hasSize(1);
                assertThat(Json.readObject(Bootstrap.adminKeyFile(home)))
                        .containsEntry("private_key_id", store.keys(ADMIN).getFirst().keyId());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private IdentityStore open() {
        return IdentityStore.open(IdentityStoreConfig.embedded(home));
    }
}
