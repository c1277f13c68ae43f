package dev.garden.cli;

import dev.garden.identity.store.IdentityStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationDefaultCommandTest {
    private static final String ALICE = "alice@example.com";

    @TempDir
    Path temp;
    CliRunner cli;
    StandInTokenEndpoint endpoint;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliRunner(temp);
        endpoint = new StandInTokenEndpoint(cli::openStore);
    }

    @AfterEach
    void tearDown() {
        endpoint.close();
    }

    @Test
    void login_writesAnOwnerOnlyAuthorizedUserFileWhereGcloudDoes() throws Exception {
        CliRunner.Result login = cli.run("auth", "application-default", "login", "--account=" + ALICE,
                "--token-uri=" + endpoint.baseUrl());

        Path adc = cli.userHome.resolve(".config/gcloud/application_default_credentials.json");
        assertThat(login.exitCode()).isZero();
        assertThat(login.err()).contains("Created user [" + ALICE + "].")
                .contains("\nCredentials saved to file: [" + adc + "]\n")
                .contains("Python's google-auth ignores token_uri in authorized_user files")
                .contains("garden iam service-accounts keys create")
                .contains("garden projects add-iam-policy-binding PROJECT --member=user:" + ALICE);
        Map<String, Object> file = Json.readObject(adc);
        assertThat(List.copyOf(file.keySet())).containsExactly("account", "client_id", "client_secret",
                "refresh_token", "token_uri", "type", "universe_domain");
        assertThat(file).containsEntry("type", "authorized_user").containsEntry("account", ALICE)
                .containsEntry("token_uri", endpoint.baseUrl() + "/token");
        Map<String, Object> client = Json.readObject(cli.gardenHome.resolve("cli-oauth-client.json"));
        assertThat(file.get("client_id")).isEqualTo(client.get("client_id"));
        assertThat(file.get("client_secret")).isEqualTo(client.get("client_secret"));
        assertThat(permissions(adc)).isEqualTo("rw-------");
        assertThat(permissions(cli.gardenHome.resolve("cli-oauth-client.json"))).isEqualTo("rw-------");
        try (IdentityStore store = cli.openStore()) {
            assertThat(store.user(ALICE)).isPresent();
            assertThat(store.refreshTokens(ALICE)).hasSize(1);
        }
    }

    @Test
    void login_again_keepsTheCliClient_andIssuesAnotherToken() {
        cli.ok("auth", "application-default", "login", "--account=" + ALICE);
        Path adc = cli.userHome.resolve(".config/gcloud/application_default_credentials.json");
        Map<String, Object> first = Json.readObject(adc);

        CliRunner.Result again = cli.ok("auth", "application-default", "login", "--account=" + ALICE);

        Map<String, Object> second = Json.readObject(adc);
        assertThat(again.err()).doesNotContain("Created user");
        assertThat(second.get("client_id")).isEqualTo(first.get("client_id"));
        assertThat(second.get("refresh_token")).isNotEqualTo(first.get("refresh_token"));
        try (IdentityStore store = cli.openStore()) {
            assertThat(store.oauthClients()).hasSize(1);
        }
    }

    @Test
    void login_cliClientFileTheStoreDoesNotKnow_makesANewClient() throws Exception {
        Files.createDirectories(cli.gardenHome);
        Files.writeString(cli.gardenHome.resolve("cli-oauth-client.json"),
                "{\"client_id\": \"gone\", \"client_secret\": \"x\"}");

        cli.ok("auth", "application-default", "login", "--account=" + ALICE);

        Map<String, Object> client = Json.readObject(cli.gardenHome.resolve("cli-oauth-client.json"));
        assertThat(client.get("client_id")).isNotEqualTo("gone");
        try (IdentityStore store = cli.openStore()) {
            assertThat(store.oauthClient((String) client.get("client_id"))).isPresent();
        }
    }

    @Test
    void login_cloudsdkConfig_andOutput_chooseTheFile() {
        cli.env.put("CLOUDSDK_CONFIG", temp.resolve("gcloud-config").toString());
        cli.ok("auth", "application-default", "login", "--account=" + ALICE);
        Path output = temp.resolve("elsewhere.json");
        cli.ok("auth", "application-default", "login", "--account=" + ALICE, "--output=" + output);

        assertThat(temp.resolve("gcloud-config/application_default_credentials.json")).isRegularFile();
        assertThat(output).isRegularFile();
        assertThat(cli.userHome.resolve(".config")).doesNotExist();
    }

    @Test
    void login_noAccount_usesCloudsdkCoreAccountThenUser() {
        cli.env.put("USER", "Bob");
        cli.ok("auth", "application-default", "login");
        cli.env.put("CLOUDSDK_CORE_ACCOUNT", "carol@example.com");
        cli.ok("auth", "application-default", "login");

        try (IdentityStore store = cli.openStore()) {
            assertThat(store.user("bob@garden.localhost")).isPresent();
            assertThat(store.user("carol@example.com")).isPresent();
        }
    }

    @Test
    void login_userWithARole_isNotToldToGrantOne() {
        cli.ok("auth", "application-default", "login", "--account=" + ALICE);
        cli.ok("projects", "create", "demo-project");
        cli.ok("projects", "add-iam-policy-binding", "demo-project", "--member=user:" + ALICE,
                "--role=roles/aiplatform.user");

        assertThat(cli.ok("auth", "application-default", "login", "--account=" + ALICE).err())
                .doesNotContain("holds no role");
    }

    @Test
    void login_disabledUser_failsWithFailedPrecondition_andWritesNothing() {
        try (IdentityStore store = cli.openStore()) {
            store.createUser(ALICE);
            store.disableUser(ALICE);
        }

        CliRunner.Result refused = cli.run("auth", "application-default", "login", "--account=" + ALICE);

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("FAILED_PRECONDITION: user " + ALICE + " is disabled");
        assertThat(cli.userHome.resolve(".config/gcloud/application_default_credentials.json")).doesNotExist();
    }

    @Test
    void printAccessToken_afterLogin_exchangesTheRefreshTokenAtTheFilesTokenUri() {
        cli.ok("auth", "application-default", "login", "--account=" + ALICE, "--token-uri=" + endpoint.baseUrl());

        CliRunner.Result token = cli.run("auth", "application-default", "print-access-token");

        assertThat(token.exitCode()).isZero();
        assertThat(token.out()).isEqualTo("ya29.stand-in-1\n");
        assertThat(endpoint.grants).containsExactly(new StandInTokenEndpoint.Grant("refresh_token", ALICE));
    }

    @Test
    void printAccessToken_googleApplicationCredentials_comesFirst() {
        cli.ok("projects", "create", "demo-project");
        cli.ok("iam", "service-accounts", "create", "bot-account", "--project=demo-project");
        Path key = temp.resolve("key.json");
        cli.ok("iam", "service-accounts", "keys", "create", key.toString(),
                "--iam-account=bot-account@demo-project.iam.gserviceaccount.com", "--token-uri=" + endpoint.baseUrl());
        cli.ok("auth", "application-default", "login", "--account=" + ALICE, "--token-uri=" + endpoint.baseUrl());
        cli.env.put("GOOGLE_APPLICATION_CREDENTIALS", key.toString());

        cli.ok("auth", "application-default", "print-access-token");

        assertThat(endpoint.grants).containsExactly(new StandInTokenEndpoint.Grant(StandInTokenEndpoint.JWT_BEARER,
                "bot-account@demo-project.iam.gserviceaccount.com"));
    }

    @Test
    void printAccessToken_revokedRefreshToken_reportsTheEndpointsError() {
        cli.ok("auth", "application-default", "login", "--account=" + ALICE, "--token-uri=" + endpoint.baseUrl());
        try (IdentityStore store = cli.openStore()) {
            store.revokeRefreshToken(store.refreshTokens(ALICE).getFirst().id());
        }

        CliRunner.Result refused = cli.run("auth", "application-default", "print-access-token");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("invalid_grant: Token has been expired or revoked.");
    }

    @Test
    void printAccessToken_noCredentials_saysHowToLogIn() {
        CliRunner.Result none = cli.run("auth", "application-default", "print-access-token");

        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("Your default credentials were not found")
                .contains("garden auth application-default login");
    }

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
