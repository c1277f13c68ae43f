package dev.garden.cli;

import dev.garden.identity.ServiceAccount;
import dev.garden.identity.store.IdentityStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceAccountsCommandTest {
    private static final String BOT = "bot-account@demo-project.iam.gserviceaccount.com";

    @TempDir
    Path temp;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(temp);
        cli.ok("projects", "create", "demo-project");
    }

    @Test
    void create_printsGcloudsLine_andFormsTheEmailFromNameAndProject() {
        CliRunner.Result created = cli.run("iam", "service-accounts", "create", "bot-account",
                "--project=demo-project", "--display-name=My bot");

        assertThat(created.exitCode()).isZero();
        assertThat(created.err()).isEqualTo("Created service account [bot-account].\n");
        try (IdentityStore store = cli.openStore()) {
            ServiceAccount account = store.serviceAccount(BOT).orElseThrow();
            assertThat(account.displayName()).isEqualTo("My bot");
            assertThat(account.projectId()).isEqualTo("demo-project");
        }
    }

    @Test
    void create_projectFromCloudsdkCoreProject_whenNoFlag() {
        cli.env.put("CLOUDSDK_CORE_PROJECT", "demo-project");

        cli.ok("iam", "service-accounts", "create", "bot-account");

        assertThat(cli.ok("iam", "service-accounts", "list").out()).contains(BOT);
    }

    @Test
    void create_noProjectAnywhere_saysThePropertyIsNotSet() {
        CliRunner.Result bad = cli.run("iam", "service-accounts", "create", "bot-account");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("garden: ERROR: (garden.iam.service-accounts.create) The required"
                + " property [project] is not currently set.");
    }

    @Test
    void create_inUnknownProject_failsWithNotFound() {
        CliRunner.Result bad = cli.run("iam", "service-accounts", "create", "bot-account", "--project=nope-project");

        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("NOT_FOUND: no such project: nope-project");
    }

    @Test
    void create_shortName_isAUsageErrorWithGcloudsRule() {
        CliRunner.Result bad = cli.run("iam", "service-accounts", "create", "bot", "--project=demo-project");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("INVALID_ARGUMENT: invalid service account name 'bot'");
    }

    @Test
    void list_printsDisplayNameEmailDisabledTable_blankWithoutADisplayName() {
        cli.ok("iam", "service-accounts", "create", "bot-account", "--project=demo-project",
                "--display-name=My bot");
        cli.ok("iam", "service-accounts", "create", "zeta-account", "--project=demo-project");
        cli.ok("iam", "service-accounts", "disable", "zeta-account@demo-project.iam.gserviceaccount.com");

        String table = cli.ok("iam", "service-accounts", "list", "--project=demo-project").out();

        assertThat(table).isEqualTo("""
                DISPLAY NAME  EMAIL                                              DISABLED
                My bot        bot-account@demo-project.iam.gserviceaccount.com   False
                              zeta-account@demo-project.iam.gserviceaccount.com  True
                """);
    }

    @Test
    void list_formatValueEmail_printsOneEmailALine() {
        cli.ok("iam", "service-accounts", "create", "bot-account", "--project=demo-project");

        assertThat(cli.ok("iam", "service-accounts", "list", "--project=demo-project", "--format=value(email)").out())
                .isEqualTo(BOT + "\n");
    }

    @Test
    void describe_printsIamsFieldsAsYaml_withNumericIdsQuoted() {
        cli.ok("iam", "service-accounts", "create", "bot-account", "--project=demo-project",
                "--display-name=My bot");
        String uniqueId;
        try (IdentityStore store = cli.openStore()) {
            uniqueId = store.serviceAccount(BOT).orElseThrow().uniqueId();
        }

        String yaml = cli.ok("iam", "service-accounts", "describe", BOT).out();

        assertThat(yaml).isEqualTo("""
                displayName: My bot
                email: bot-account@demo-project.iam.gserviceaccount.com
                name: projects/demo-project/serviceAccounts/bot-account@demo-project.iam.gserviceaccount.com
                oauth2ClientId: '%s'
                projectId: demo-project
                uniqueId: '%s'
                """.formatted(uniqueId, uniqueId));
    }

    @Test
    void describe_unknownAccount_failsWithNotFound() {
        CliRunner.Result missing = cli.run("iam", "service-accounts", "describe", BOT);

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("garden: ERROR: (garden.iam.service-accounts.describe) NOT_FOUND: no"
                + " such service account: " + BOT + "\n");
    }

    @Test
    void disableThenEnable_flipsTheAccount_andSaysSo() {
        cli.ok("iam", "service-accounts", "create", "bot-account", "--project=demo-project");

        CliRunner.Result disabled = cli.ok("iam", "service-accounts", "disable", BOT);
        String described = cli.ok("iam", "service-accounts", "describe", BOT, "--format=json").out();
        CliRunner.Result enabled = cli.ok("iam", "service-accounts", "enable", BOT);

        assertThat(disabled.err()).isEqualTo("Disabled service account [" + BOT + "].\n");
        assertThat(described).contains("\"disabled\": true");
        assertThat(enabled.err()).isEqualTo("Enabled service account [" + BOT + "].\n");
        assertThat(cli.ok("iam", "service-accounts", "describe", BOT).out()).doesNotContain("disabled");
    }

    @Test
    void delete_confirmed_deletesTheAccountAndItsBindings() {
        cli.ok("iam", "service-accounts", "create", "bot-account", "--project=demo-project");
        cli.ok("projects", "add-iam-policy-binding", "demo-project", "--member=serviceAccount:" + BOT,
                "--role=roles/aiplatform.user");

        CliRunner.Result deleted = cli.runWithInput("\n", "iam", "service-accounts", "delete", BOT);

        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.err()).startsWith("You are about to delete service account [" + BOT + "].")
                .endsWith("deleted service account [" + BOT + "]\n");
        assertThat(cli.ok("projects", "get-iam-policy", "demo-project").out()).doesNotContain(BOT);
    }

    @Test
    void delete_unknownAccount_failsBeforeAsking() {
        CliRunner.Result missing = cli.runWithInput("y\n", "iam", "service-accounts", "delete", BOT);

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).doesNotContain("continue").contains("NOT_FOUND");
    }

    @Test
    void emails_areCaseInsensitive() {
        cli.ok("iam", "service-accounts", "create", "bot-account", "--project=demo-project");

        assertThat(cli.ok("iam", "service-accounts", "describe", BOT.toUpperCase(java.util.Locale.ROOT)).out())
                .contains("email: " + BOT);
    }
}
