package dev.garden.cli;

import dev.garden.identity.ServiceAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code garden iam service-accounts ...}: gcloud's service account verbs. */
@Command(name = "service-accounts", mixinStandardHelpOptions = true,
        description = "Creates, lists, describes, disables, enables and deletes service accounts.",
        subcommands = {ServiceAccountsCommand.Create.class, ServiceAccountsCommand.ListAccounts.class,
                ServiceAccountsCommand.Describe.class, ServiceAccountsCommand.Disable.class,
                ServiceAccountsCommand.Enable.class, ServiceAccountsCommand.Delete.class,
                ServiceAccountKeysCommand.class})
final class ServiceAccountsCommand {
    /** gcloud's environment override of its {@code core/project} property. */
    static final String PROJECT_VARIABLE = "CLOUDSDK_CORE_PROJECT";

    /** {@code garden iam service-accounts create NAME --project=P [--display-name=...]}. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates NAME@PROJECT.iam.gserviceaccount.com.")
    static final class Create extends GcloudCommand {
        @Parameters(paramLabel = "NAME", description = "6 to 30 lowercase letters, digits or hyphens.")
        String name;

        @Option(names = "--project", description = "The project (default: $" + PROJECT_VARIABLE + ").")
        String project;

        @Option(names = "--display-name", description = "A human-readable name.")
        String displayName;

        @Override
        void run() {
            String projectId = project(this, project);
            ServiceAccount account = withStore(store -> store.createServiceAccount(projectId, name, displayName));
            status("Created service account [" + name + "].");
            if (format != null) {
                printer().describe(out(), resource(account));
            }
        }
    }

    /** {@code garden iam service-accounts list --project=P}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a project's service accounts.")
    static final class ListAccounts extends GcloudCommand {
        @Option(names = "--project", description = "The project (default: $" + PROJECT_VARIABLE + ").")
        String project;

        @Override
        void run() {
            String projectId = project(this, project);
            List<Map<String, Object>> accounts = withStore(store -> store.serviceAccounts(projectId).stream()
                    .map(ServiceAccountsCommand::resource).toList());
            printer().list(out(), err(), accounts, List.of(
                    new ResourcePrinter.Column("DISPLAY NAME", "displayName"),
                    new ResourcePrinter.Column("EMAIL", "email"),
                    new ResourcePrinter.Column("DISABLED", "disabled", "False")));
        }
    }

    /** {@code garden iam service-accounts describe EMAIL}. */
    @Command(name = "describe", mixinStandardHelpOptions = true, description = "Prints a service account.")
    static final class Describe extends GcloudCommand {
        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        void run() {
            ServiceAccount account = withStore(store -> store.serviceAccount(email)).orElseThrow(() ->
                    new CommandFailure("NOT_FOUND: no such service account: " + email));
            printer().describe(out(), resource(account));
        }
    }

    /** {@code garden iam service-accounts disable EMAIL}. */
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disables a service account: its keys and access tokens stop working.")
    static final class Disable extends GcloudCommand {
        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        void run() {
            withStore(store -> {
                store.disableServiceAccount(email);
                return null;
            });
            status("Disabled service account [" + email + "].");
        }
    }

    /** {@code garden iam service-accounts enable EMAIL}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enables a disabled service account.")
    static final class Enable extends GcloudCommand {
        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        void run() {
            withStore(store -> {
                store.enableServiceAccount(email);
                return null;
            });
            status("Enabled service account [" + email + "].");
        }
    }

    /** {@code garden iam service-accounts delete EMAIL [--quiet]}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Deletes a service account, its keys and its IAM bindings.")
    static final class Delete extends GcloudCommand {
        @Parameters(paramLabel = "EMAIL")
        String email;

        @Override
        void run() {
            withStore(store -> {
                store.serviceAccount(email).orElseThrow(() -> new CommandFailure(
                        "NOT_FOUND: no such service account: " + email));
                confirm("You are about to delete service account [" + email + "].");
                store.deleteServiceAccount(email);
                return null;
            });
            status("deleted service account [" + email + "]");
        }
    }

    /**
     * The project a command acts in: {@code --project}, else {@value #PROJECT_VARIABLE}.
     *
     * @throws CommandFailure gcloud's message when neither is set
     */
    static String project(GcloudCommand command, String flag) {
        if (flag != null && !flag.isBlank()) {
            return flag.strip();
        }
        return command.context().variable(PROJECT_VARIABLE).orElseThrow(() -> CommandFailure.usage(
                "The required property [project] is not currently set. Set it with --project or $"
                        + PROJECT_VARIABLE + "."));
    }

    /** A service account as IAM's API returns it. */
    static Map<String, Object> resource(ServiceAccount account) {
        Map<String, Object> resource = new LinkedHashMap<>();
        if (account.disabled()) {
            resource.put("disabled", true); // Google's API omits it when false
        }
        resource.put("displayName", account.displayName());
        resource.put("email", account.email());
        resource.put("name", "projects/" + account.projectId() + "/serviceAccounts/" + account.email());
        resource.put("oauth2ClientId", account.uniqueId());
        resource.put("projectId", account.projectId());
        resource.put("uniqueId", account.uniqueId());
        return resource;
    }

    /** A time as Google's APIs write it, to the second. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
