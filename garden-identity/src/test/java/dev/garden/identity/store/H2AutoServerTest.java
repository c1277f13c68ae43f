package dev.garden.identity.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database shared by two JVMs through H2's AUTO_SERVER: the first process to open it serves it to the
 * others over a loopback TCP port, and when that process exits another takes over the file.
 */
class H2AutoServerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;

    @Test
    void secondJvm_whileThisOneHoldsTheDatabase_writesAndThisCacheSeesIt() throws Exception {
        try (IdentityStore store = IdentityStore.open(IdentityStoreConfig.embedded(home));
             IdentityCache cache = IdentityCache.start(store, Duration.ofMillis(20))) {
            store.createProject("shared-project", "");

            List<String> output = runToEnd("create-account", "shared-project", "from-child");

            long version = Long.parseLong(output.getLast().substring("version=".length()));
            assertThat(cache.awaitVersion(version, WAIT)).as("poll sees the other JVM's write").isTrue();
            assertThat(cache.serviceAccount("from-child@shared-project.iam.gserviceaccount.com")).isPresent();
            assertThat(store.serviceAccount("from-child@shared-project.iam.gserviceaccount.com"))
                    .hasValueSatisfying(account -> assertThat(account.displayName())
                            .isEqualTo("made by the second JVM"));
        }
    }

    @Test
    void secondJvm_sameAccountAsThisOne_failsCleanlyWithAlreadyExists() throws Exception {
        try (IdentityStore store = IdentityStore.open(IdentityStoreConfig.embedded(home))) {
            store.createProject("shared-project", "");
            store.createServiceAccount("shared-project", "taken-name", "");

            Process child = start("create-account", "shared-project", "taken-name");
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(2);
            assertThat(output).contains("ALREADY_EXISTS: service account"
                    + " taken-name@shared-project.iam.gserviceaccount.com already exists");
        }
    }

    @Test
    void thisJvm_whileTheOtherHoldsTheDatabase_writes_andTakesOverWhenItExits() throws Exception {
        Process child = start("hold", "child@example.com");
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = lines.readLine();
            assertThat(ready).as(stderr(child)).startsWith("ready");

            try (IdentityStore store = IdentityStore.open(IdentityStoreConfig.embedded(home))) {
                assertThat(store.user("child@example.com")).as("the other JVM's write").isPresent();
                store.createUser("parent@example.com");

                try (Writer stdin = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8)) {
                    stdin.write("done\n");
                }
                assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue()).as(stderr(child)).isZero();

                // The serving JVM is gone: H2 reconnects, this JVM opens the file itself and carries on.
                store.createUser("after@example.com");
                assertThat(store.users()).extracting(dev.garden.identity.UserAccount::email)
                        .containsExactly("after@example.com", "child@example.com", "parent@example.com");
            }
        } finally {
            child.destroyForcibly();
        }
    }

    private List<String> runToEnd(String... args) throws IOException, InterruptedException {
        Process child = start(args);
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output + stderr(child)).isZero();
        return output.lines().toList();
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                SecondProcess.class.getName(), home.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(home.resolve("child-stderr.txt").toFile()).start();
    }

    private String stderr(Process child) {
        try {
            Path file = home.resolve("child-stderr.txt");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
