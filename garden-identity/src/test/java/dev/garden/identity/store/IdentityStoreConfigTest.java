package dev.garden.identity.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityStoreConfigTest {
    @TempDir
    Path home;

    @Test
    void fromEnvironment_noDatabaseUrl_isTheEmbeddedH2DatabaseOfTheHome() throws Exception {
        IdentityStoreConfig config = IdentityStoreConfig.fromEnvironment(Map.of(), home);

        assertThat(config.jdbcUrl()).startsWith("jdbc:h2:file:" + home.resolve("identity/identity") + ";")
                .contains(";AUTO_SERVER=TRUE").contains(";MODE=PostgreSQL");
        assertThat(config.isH2()).isTrue();
        assertThat(config.user()).isEqualTo("garden");
        assertThat(config.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("identity"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                home.resolve("identity/h2-password")))).isEqualTo("rw-------");
    }

    @Test
    void embedded_secondTime_keepsThePassword() {
        String first = IdentityStoreConfig.embedded(home).password();

        assertThat(IdentityStoreConfig.embedded(home).password()).isEqualTo(first);
        assertThat(IdentityStoreConfig.embedded(home.resolve("other")).password()).isNotEqualTo(first);
    }

    @Test
    void fromEnvironment_databaseUrl_isThatDatabaseWithItsCredentials() {
        IdentityStoreConfig config = IdentityStoreConfig.fromEnvironment(Map.of(
                "GARDEN_DATABASE_URL", "jdbc:postgresql://db.internal:5432/garden",
                "GARDEN_DATABASE_USER", "garden",
                "GARDEN_DATABASE_PASSWORD", "s3cret",
                "GARDEN_IDENTITY_POLL_MS", "250"), home);

        assertThat(config).isEqualTo(new IdentityStoreConfig("jdbc:postgresql://db.internal:5432/garden", "garden",
                "s3cret", Duration.ofMillis(250)));
        assertThat(config.isH2()).isFalse();
        assertThat(home.resolve("identity")).as("no embedded database prepared").doesNotExist();
    }

    @Test
    void fromEnvironment_badPollInterval_failsInvalidArgument() {
        assertThatThrownBy(() -> IdentityStoreConfig.fromEnvironment(Map.of("GARDEN_IDENTITY_POLL_MS", "soon"),
                home))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.INVALID_ARGUMENT))
                .hasMessageContaining("GARDEN_IDENTITY_POLL_MS");
        assertThatThrownBy(() -> IdentityStoreConfig.fromEnvironment(Map.of("GARDEN_IDENTITY_POLL_MS", "0"), home))
                .isInstanceOf(IdentityException.class);
    }

    @Test
    void of_unsupportedDatabase_failsInvalidArgument() {
        assertThatThrownBy(() -> IdentityStoreConfig.of("jdbc:mysql://localhost/garden", "", ""))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.INVALID_ARGUMENT))
                .hasMessageContaining("PostgreSQL");
    }

    @Test
    void toString_withPassword_hidesIt() {
        assertThat(IdentityStoreConfig.of("jdbc:postgresql://db/garden", "garden", "s3cret").toString())
                .doesNotContain("s3cret").contains("***");
    }

    @Test
    void open_unreachableDatabase_failsUnavailableNamingIt() {
        IdentityStoreConfig config = IdentityStoreConfig.of("jdbc:postgresql://127.0.0.1:1/garden", "garden", "");

        assertThatThrownBy(() -> IdentityStore.open(config))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.UNAVAILABLE))
                .hasMessageStartingWith("cannot open the identity database jdbc:postgresql://127.0.0.1:1/garden");
    }

    @Test
    void open_embeddedDatabaseWithTheWrongPassword_failsUnavailable() {
        IdentityStore.open(IdentityStoreConfig.embedded(home)).close();
        IdentityStoreConfig wrong = new IdentityStoreConfig(IdentityStoreConfig.embedded(home).jdbcUrl(), "garden",
                "not-the-password", Duration.ofSeconds(1));

        assertThatThrownBy(() -> IdentityStore.open(wrong))
                .isInstanceOfSatisfying(IdentityException.class, e -> assertThat(e.kind())
                        .isEqualTo(IdentityException.Kind.UNAVAILABLE))
                .hasMessageContaining("Wrong user name or password");
    }
}
