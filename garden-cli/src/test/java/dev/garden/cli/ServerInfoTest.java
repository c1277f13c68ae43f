package dev.garden.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerInfoTest {
    @TempDir
    Path home;

    @Test
    void writeThenRead_roundTripsTheUrl_withoutATrailingSlash() {
        ServerInfo.write(home, URI.create("http://127.0.0.1:4321/"));

        assertThat(ServerInfo.read(home)).contains(new ServerInfo(URI.create("http://127.0.0.1:4321")));
    }

    @Test
    void read_missingOrTornFile_isEmpty() throws Exception {
        assertThat(ServerInfo.read(home)).isEmpty();

        Files.writeString(home.resolve("server.json"), "{\"url\": \"http://127.0");

        assertThat(ServerInfo.read(home)).isEmpty();
    }

    @Test
    void forAddress_ipv6Literal_isBracketed() {
        assertThat(ServerInfo.forAddress("::1", 8080).url()).isEqualTo(URI.create("http://[::1]:8080"));
        assertThat(ServerInfo.forAddress("127.0.0.1", 0).url()).isEqualTo(URI.create("http://127.0.0.1:0"));
        assertThat(ServerInfo.forAddress("localhost", 80).url()).isEqualTo(URI.create("http://localhost:80"));
    }

    @Test
    void gardenUrls_resolve_prefersFlagThenPublicUrlThenServerJsonThenDefault() {
        CliContext bare = CliContext.of(Map.of(), home);
        CliContext withPublicUrl = CliContext.of(Map.of("GARDEN_PUBLIC_URL", "https://garden.example.com"), home);

        assertThat(GardenUrls.resolve(bare, home, Optional.empty()).tokenUri())
                .isEqualTo("http://127.0.0.1:8080/token");
        ServerInfo.write(home, URI.create("http://127.0.0.1:5555"));
        assertThat(GardenUrls.resolve(bare, home, Optional.empty()).tokenUri())
                .isEqualTo("http://127.0.0.1:5555/token");
        assertThat(GardenUrls.resolve(withPublicUrl, home, Optional.empty()).tokenUri())
                .isEqualTo("https://garden.example.com/token");
        assertThat(GardenUrls.resolve(withPublicUrl, home, Optional.of("http://10.0.0.1:1/token")).tokenUri())
                .isEqualTo("http://10.0.0.1:1/token");
    }

    @Test
    void gardenUrls_forServer_usesThePublicUrlWhenSet() {
        ServerInfo bound = ServerInfo.forAddress("127.0.0.1", 8123);

        assertThat(GardenUrls.forServer(Map.of(), bound).tokenUri()).isEqualTo("http://127.0.0.1:8123/token");
        assertThat(GardenUrls.forServer(Map.of("GARDEN_PUBLIC_URL", "https://g.example.com/"), bound).tokenUri())
                .isEqualTo("https://g.example.com/token");
    }

    @Test
    void gardenUrls_of_notAnHttpUrl_isRefused() {
        assertThatThrownBy(() -> GardenUrls.of("ftp://x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http or https");
        assertThatThrownBy(() -> GardenUrls.of("localhost:8080")).isInstanceOf(IllegalArgumentException.class);
    }
}
