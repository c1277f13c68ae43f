package dev.garden.cli;

import dev.garden.identity.store.IdentityStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AuthCommandTest {
    private static final String BOT = "bot-account@demo-project.iam.gserviceaccount.com";

    @TempDir
    Path temp;
    CliRunner cli;
    StandInTokenEndpoint endpoint;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(temp);
        endpoint = new StandInTokenEndpoint(cli::openStore);
        cli.ok("projects", "create", "demo-project");
        cli.ok("iam", "service-accounts", "create", "bot-account", "--project=demo-project");
    }

    @AfterEach
    void tearDown() {
        endpoint.close();
    }

    @Test
    void printAccessToken_credFile_exchangesTheKeyAtItsTokenUriWithGooglesLibrary() {
        Path key = newKey(endpoint.baseUrl() + "/token");

        CliRunner.Result token = cli.run("auth", "print-access-token", "--cred-file=" + key);

        assertThat(token.exitCode()).isZero();
        assertThat(token.out()).isEqualTo("ya29.stand-in-1\n");
        assertThat(endpoint.grants).containsExactly(new StandInTokenEndpoint.Grant(StandInTokenEndpoint.JWT_BEARER,
                BOT));
    }

    @Test
    void login_credFile_recordsIt_andPrintAccessTokenUsesIt() {
        Path key = newKey(endpoint.baseUrl());

        CliRunner.Result login = cli.run("auth", "login", "--cred-file=" + key);
        CliRunner.Result token = cli.run("auth", "print-access-token");

        assertThat(login.exitCode()).isZero();
        assertThat(login.err()).isEqualTo("Authenticated with service account credentials for: [" + BOT + "].\n");
        assertThat(token.out()).isEqualTo("ya29.stand-in-1\n");
        assertThat(endpoint.grants).extracting(StandInTokenEndpoint.Grant::subject).containsExactly(BOT);
    }

    @Test
    void printAccessToken_noActiveCredential_usesTheBootstrapAdminKey() {
        try (IdentityStore store = cli.openStore()) {
            store.deleteProject("demo-project"); // bootstrap runs on an empty store only
            Bootstrap.run(store, cli.gardenHome, GardenUrls.of(endpoint.baseUrl()));
        }

        CliRunner.Result token = cli.run("auth", "print-access-token");

        assertThat(token.exitCode()).isZero();
        assertThat(endpoint.grants).extracting(StandInTokenEndpoint.Grant::subject)
                .containsExactly("garden-admin@garden-default.iam.gserviceaccount.com");
    }

    @Test
    void printAccessToken_noCredentialsAtAll_saysWhereTheyComeFrom() {
        CliRunner.Result none = cli.run("auth", "print-access-token");

        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).startsWith("garden: ERROR: (garden.auth.print-access-token) You do not currently"
                + " have an active account selected.").contains("garden auth login --cred-file=FILE");
    }

    @Test
    void printAccessToken_gardenNotRunning_saysItIsNotReachableAtTheTokenUri() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path key = newKey("http://127.0.0.1:" + closedPort);

        CliRunner.Result failed = cli.run("auth", "print-access-token", "--cred-file=" + key);

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.out()).isEmpty();
        assertThat(failed.err()).startsWith("garden: ERROR: (garden.auth.print-access-token) Garden is not"
                + " reachable at http://127.0.0.1:" + closedPort + "/token").contains("garden serve")
                .hasLineCount(1);
    }

    @Test
    void printAccessToken_disabledKey_reportsTheEndpointsOAuthError() {
        Path key = newKey(endpoint.baseUrl());
        String keyId = (String) Json.readObject(key).get("private_key_id");
        cli.ok("iam", "service-accounts", "keys", "disable", keyId, "--iam-account=" + BOT);

        CliRunner.Result refused = cli.run("auth", "print-access-token", "--cred-file=" + key);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("refused the credentials in " + key + ": invalid_grant: Invalid JWT"
                + " Signature.").hasLineCount(1);
    }

    @Test
    void login_noCredFile_isAUsageErrorExplainingThereIsNoBrowserSignIn() {
        CliRunner.Result bad = cli.run("auth", "login");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("Garden has no browser sign-in; pass --cred-file=FILE");
    }

    @Test
    void login_notACredentialsFile_isRefused_andRecordsNothing() throws Exception {
        Path notKey = Files.writeString(temp.resolve("not-a-key.json"), "{\"type\": \"external_account\"}");

        CliRunner.Result bad = cli.run("auth", "login", "--cred-file=" + notKey);

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'external_account' credentials");
        assertThat(cli.gardenHome.resolve(AuthCommand.ACTIVE_CREDENTIAL_FILE)).doesNotExist();
    }

    private Path newKey(String tokenUri) {
        Path file = temp.resolve("key-" + System.nanoTime() + ".json");
        cli.ok("iam", "service-accounts", "keys", "create", file.toString(), "--iam-account=" + BOT,
                "--token-uri=" + tokenUri);
        return file;
    }
}
