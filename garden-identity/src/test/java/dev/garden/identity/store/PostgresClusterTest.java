package dev.garden.identity.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the test cluster finds PostgreSQL, without starting one. */
class PostgresClusterTest {
    @TempDir
    Path dir;

    @Test
    void findBinaries_nothingInstalled_failsSayingHowToInstall() {
        assertThatThrownBy(() -> PostgresCluster.findBinaries(dir.toString(), dir.resolve("none")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL is not installed")
                .hasMessageContaining("apt-get install -y postgresql");
    }

    @Test
    void findBinaries_onlyDebiansVersionDirectories_picksTheNewest() throws IOException {
        tools(dir.resolve("lib/13/bin"));
        tools(dir.resolve("lib/16/bin"));
        tools(dir.resolve("lib/9/bin"));

        assertThat(PostgresCluster.findBinaries("", dir.resolve("lib"))).isEqualTo(dir.resolve("lib/16/bin")
                .toRealPath());
    }

    @Test
    void findBinaries_initdbLinkedOntoPath_resolvesToItsSiblings() throws IOException {
        Path bin = tools(dir.resolve("lib/15/bin"));
        Path onPath = Files.createDirectories(dir.resolve("usr-local-bin"));
        Files.createSymbolicLink(onPath.resolve("initdb"), bin.resolve("initdb"));

        assertThat(PostgresCluster.findBinaries(onPath.toString(), dir.resolve("none"))).isEqualTo(bin.toRealPath());
    }

    private static Path tools(Path bin) throws IOException {
        Files.createDirectories(bin);
        for (String tool : new String[]{"initdb", "pg_ctl", "postgres"}) {
            Files.createFile(bin.resolve(tool), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        return bin;
    }
}
