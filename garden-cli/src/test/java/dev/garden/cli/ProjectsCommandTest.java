package dev.garden.cli;

import dev.garden.identity.store.IdentityStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectsCommandTest {
    private static final String BOT = "bot-account@demo-project.iam.gserviceaccount.com";

    @TempDir
    Path temp;
    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(temp);
    }

    @Test
    void create_newProject_saysSoOnStderrAndListsIt() {
        CliRunner.Result created = cli.run("projects", "create", "demo-project", "--name=Demo");

        assertThat(created.exitCode()).isZero();
        assertThat(created.out()).isEmpty();
        assertThat(created.err()).isEqualTo("Created project [demo-project].\n");
        CliRunner.Result list = cli.ok("projects", "list");
        assertThat(list.out().lines().toList()).hasSize(2);
        assertThat(list.out().lines().findFirst().orElseThrow()).matches("PROJECT_ID +NAME +CREATE_TIME");
        assertThat(list.out().lines().skip(1).findFirst().orElseThrow()).startsWith("demo-project  Demo  20");
    }

    @Test
    void create_existingProject_failsWithAlreadyExists() {
        cli.ok("projects", "create", "demo-project");

        CliRunner.Result again = cli.run("projects", "create", "demo-project");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("garden: ERROR: (garden.projects.create) ALREADY_EXISTS: project"
                + " demo-project already exists\n");
    }

    @Test
    void create_invalidId_isAUsageError() {
        CliRunner.Result bad = cli.run("projects", "create", "Demo");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("garden: ERROR: (garden.projects.create) INVALID_ARGUMENT: invalid"
                + " project id 'Demo'");
    }

    @Test
    void list_empty_saysListedZeroItems_andJsonIsAnEmptyArray() {
        CliRunner.Result table = cli.ok("projects", "list");
        CliRunner.Result json = cli.ok("projects", "list", "--format=json");

        assertThat(table.out()).isEmpty();
        assertThat(table.err()).isEqualTo("Listed 0 items.\n");
        assertThat(json.out()).isEqualTo("[]\n");
    }

    @Test
    void list_formatJsonAndValue_printResourceManagersFields() {
        cli.ok("projects", "create", "demo-project", "--name=Demo");
        cli.ok("projects", "create", "other-project");

        CliRunner.Result json = cli.ok("projects", "list", "--format=json");
        CliRunner.Result values = cli.ok("projects", "list", "--format=value(projectId)");

        assertThat(json.out()).startsWith("[\n  {\n    \"createTime\": \"20").contains("""
                    "lifecycleState": "ACTIVE",
                    "name": "Demo",
                    "projectId": "demo-project"
                  },
                """);
        assertThat(values.out()).isEqualTo("demo-project\nother-project\n");
    }

    @Test
    void delete_answeredYes_deletesTheProject() {
        cli.ok("projects", "create", "demo-project");

        CliRunner.Result deleted = cli.runWithInput("y\n", "projects", "delete", "demo-project");

        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.err()).startsWith("Your project will be deleted").contains("Do you want to continue (Y/n)?")
                .endsWith("Deleted project [demo-project].\n");
        assertThat(cli.ok("projects", "list").err()).isEqualTo("Listed 0 items.\n");
    }

    @Test
    void delete_answeredNo_keepsTheProject() {
        cli.ok("projects", "create", "demo-project");

        CliRunner.Result kept = cli.runWithInput("n\n", "projects", "delete", "demo-project");

        assertThat(kept.exitCode()).isEqualTo(1);
        assertThat(kept.err()).endsWith("garden: ERROR: (garden.projects.delete) Aborted by user.\n");
        assertThat(cli.ok("projects", "list").out()).contains("demo-project");
    }

    @Test
    void delete_noAnswerOnInput_refusesAndPointsAtQuiet() {
        cli.ok("projects", "create", "demo-project");

        CliRunner.Result kept = cli.run("projects", "delete", "demo-project");

        assertThat(kept.exitCode()).isEqualTo(1);
        assertThat(kept.err()).contains("--quiet");
        assertThat(cli.ok("projects", "list").out()).contains("demo-project");
    }

    @Test
    void delete_quiet_deletesWithoutAsking() {
        cli.ok("projects", "create", "demo-project");

        CliRunner.Result deleted = cli.run("projects", "delete", "demo-project", "--quiet");

        assertThat(deleted.exitCode()).isZero();
        assertThat(deleted.err()).isEqualTo("Deleted project [demo-project].\n");
    }

    @Test
    void delete_unknownProject_failsWithNotFound() {
        CliRunner.Result missing = cli.run("projects", "delete", "no-such-project", "-q");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("garden: ERROR: (garden.projects.delete) NOT_FOUND: no such project:"
                + " no-such-project\n");
    }

    @Test
    void getIamPolicy_noBindings_printsTheEmptyPolicyAsIamDoes() {
        cli.ok("projects", "create", "demo-project");

        assertThat(cli.ok("projects", "get-iam-policy", "demo-project").out()).isEqualTo("etag: ACAB\nversion: 1\n");
        assertThat(cli.ok("projects", "get-iam-policy", "demo-project", "--format=json").out())
                .isEqualTo("{\n  \"etag\": \"ACAB\",\n  \"version\": 1\n}\n");
    }

    @Test
    void addIamPolicyBinding_serviceAccount_printsThePolicyInGcloudsYaml() {
        createProjectWithBot();

        CliRunner.Result added = cli.run("projects", "add-iam-policy-binding", "demo-project",
                "--member=serviceAccount:" + BOT, "--role=roles/aiplatform.user");

        assertThat(added.exitCode()).isZero();
        assertThat(added.err()).isEqualTo("Updated IAM policy for project [demo-project].\n");
        assertThat(added.out()).matches("""
                bindings:
                - members:
                  - serviceAccount:bot-account@demo-project.iam.gserviceaccount.com
                  role: roles/aiplatform.user
                etag: [A-Za-z0-9+/]{11}=
                version: 1
                """);
    }

    @Test
    void getIamPolicy_severalRoles_groupsMembersByRole() {
        createProjectWithBot();
        cli.ok("iam", "service-accounts", "create", "other-bot", "--project=demo-project");
        String other = "other-bot@demo-project.iam.gserviceaccount.com";
        cli.ok("projects", "add-iam-policy-binding", "demo-project", "--member=serviceAccount:" + BOT,
                "--role=roles/aiplatform.user");
        cli.ok("projects", "add-iam-policy-binding", "demo-project", "--member=serviceAccount:" + other,
                "--role=roles/aiplatform.user");
        cli.ok("projects", "add-iam-policy-binding", "demo-project", "--member=serviceAccount:" + other,
                "--role=roles/aiplatform.admin");

        String yaml = cli.ok("projects", "get-iam-policy", "demo-project").out();
        String json = cli.ok("projects", "get-iam-policy", "demo-project", "--format=json").out();

        assertThat(yaml).startsWith("""
                bindings:
                - members:
                  - serviceAccount:other-bot@demo-project.iam.gserviceaccount.com
                  role: roles/aiplatform.admin
                - members:
                  - serviceAccount:bot-account@demo-project.iam.gserviceaccount.com
                  - serviceAccount:other-bot@demo-project.iam.gserviceaccount.com
                  role: roles/aiplatform.user
                etag: """);
        assertThat(json).startsWith("""
                {
                  "bindings": [
                    {
                      "members": [
                        "serviceAccount:other-bot@demo-project.iam.gserviceaccount.com"
                      ],
                      "role": "roles/aiplatform.admin"
                    },
                    {
                      "members": [
                        "serviceAccount:bot-account@demo-project.iam.gserviceaccount.com",
                        "serviceAccount:other-bot@demo-project.iam.gserviceaccount.com"
                      ],
                      "role": "roles/aiplatform.user"
                    }
                  ],
                  "etag": \"""").endsWith("\",\n  \"version\": 1\n}\n");
    }

    @Test
    void addIamPolicyBinding_changesTheEtag_andAddingAgainKeepsIt() {
        createProjectWithBot();
        String before = etag(cli.ok("projects", "get-iam-policy", "demo-project").out());

        String first = etag(cli.ok("projects", "add-iam-policy-binding", "demo-project",
                "--member=serviceAccount:" + BOT, "--role=roles/aiplatform.viewer").out());
        String again = etag(cli.ok("projects", "add-iam-policy-binding", "demo-project",
                "--member=serviceAccount:" + BOT, "--role=roles/aiplatform.viewer").out());

        assertThat(first).isNotEqualTo(before).isEqualTo(again);
    }

    @Test
    void removeIamPolicyBinding_held_removesIt_andNotHeld_failsWithNotFound() {
        createProjectWithBot();
        cli.ok("projects", "add-iam-policy-binding", "demo-project", "--member=serviceAccount:" + BOT,
                "--role=roles/aiplatform.user");

        CliRunner.Result removed = cli.run("projects", "remove-iam-policy-binding", "demo-project",
                "--member=serviceAccount:" + BOT, "--role=roles/aiplatform.user");
        CliRunner.Result again = cli.run("projects", "remove-iam-policy-binding", "demo-project",
                "--member=serviceAccount:" + BOT, "--role=roles/aiplatform.user");

        assertThat(removed.exitCode()).isZero();
        assertThat(removed.out()).isEqualTo("etag: ACAB\nversion: 1\n");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).startsWith("garden: ERROR: (garden.projects.remove-iam-policy-binding) NOT_FOUND: ");
    }

    @Test
    void addIamPolicyBinding_unknownRole_isAUsageErrorListingTheRoles() {
        createProjectWithBot();

        CliRunner.Result bad = cli.run("projects", "add-iam-policy-binding", "demo-project",
                "--member=serviceAccount:" + BOT, "--role=roles/owner");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("INVALID_ARGUMENT: Role (roles/owner)").contains("roles/aiplatform.user");
    }

    @Test
    void addIamPolicyBinding_malformedMember_isAUsageError() {
        createProjectWithBot();

        CliRunner.Result bad = cli.run("projects", "add-iam-policy-binding", "demo-project", "--member=" + BOT,
                "--role=roles/aiplatform.user");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("INVALID_ARGUMENT: --member:");
    }

    @Test
    void addIamPolicyBinding_unknownUser_saysHowUsersComeToExist() {
        cli.ok("projects", "create", "demo-project");

        CliRunner.Result missing = cli.run("projects", "add-iam-policy-binding", "demo-project",
                "--member=user:bob@example.com", "--role=roles/aiplatform.user");

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("NOT_FOUND: no such user: bob@example.com")
                .contains("garden auth application-default login --account=bob@example.com");
    }

    @Test
    void delete_projectWithAccounts_takesThemAlong() {
        createProjectWithBot();

        cli.ok("projects", "delete", "demo-project", "--quiet");

        try (IdentityStore store = cli.openStore()) {
            assertThat(store.serviceAccount(BOT)).isEmpty();
        }
    }

    @Test
    void missingRequiredFlag_isPicocliUsageError() {
        CliRunner.Result bad = cli.run("projects", "add-iam-policy-binding", "demo-project", "--role=roles/x");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("Missing required option: '--member=PRINCIPAL'");
    }

    private void createProjectWithBot() {
        cli.ok("projects", "create", "demo-project");
        cli.ok("iam", "service-accounts", "create", "bot-account", "--project=demo-project");
    }

    private static String etag(String yaml) {
        return yaml.lines().filter(line -> line.startsWith("etag: ")).findFirst().orElseThrow();
    }
}
