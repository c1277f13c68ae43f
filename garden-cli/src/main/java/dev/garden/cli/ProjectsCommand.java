package dev.garden.cli;

import dev.garden.identity.Member;
import dev.garden.identity.Role;
import dev.garden.identity.store.IdentityException;
import dev.garden.identity.store.PolicyBinding;
import dev.garden.identity.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code garden projects ...}: gcloud's project verbs, IAM policies included. */
@Command(name = "projects", mixinStandardHelpOptions = true,
        description = "Creates, lists and deletes projects, and manages their IAM policies.",
        subcommands = {ProjectsCommand.Create.class, ProjectsCommand.ListProjects.class, ProjectsCommand.Delete.class,
                ProjectsCommand.AddIamPolicyBinding.class, ProjectsCommand.RemoveIamPolicyBinding.class,
                ProjectsCommand.GetIamPolicy.class})
final class ProjectsCommand {
    // The etag of a policy with no bindings, as IAM prints it.
    private static final String EMPTY_POLICY_ETAG = "ACAB";

    /** {@code garden projects create PROJECT_ID [--name=NAME]}. */
    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates a project.")
    static final class Create extends GcloudCommand {
        @Parameters(paramLabel = "PROJECT_ID", description = "6 to 30 lowercase letters, digits or hyphens,"
                + " starting with a letter.")
        String projectId;

        @Option(names = "--name", description = "A human-readable name (default: the id).")
        String name;

        @Override
        void run() {
            Project project = withStore(store -> store.createProject(projectId, name));
            status("Created project [" + project.projectId() + "].");
        }
    }

    /** {@code garden projects list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists projects.")
    static final class ListProjects extends GcloudCommand {
        @Override
        void run() {
            List<Map<String, Object>> projects = withStore(store -> store.projects().stream()
                    .map(ProjectsCommand::resource).toList());
            printer().list(out(), err(), projects, List.of(new ResourcePrinter.Column("PROJECT_ID", "projectId"),
                    new ResourcePrinter.Column("NAME", "name"),
                    new ResourcePrinter.Column("CREATE_TIME", "createTime")));
        }
    }

    /** {@code garden projects delete PROJECT_ID [--quiet]}. */
    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Deletes a project with its service accounts, their keys, and its IAM policy.")
    static final class Delete extends GcloudCommand {
        @Parameters(paramLabel = "PROJECT_ID")
        String projectId;

        @Override
        void run() {
            withStore(store -> {
                store.project(projectId).orElseThrow(() -> new CommandFailure("NOT_FOUND: no such project: "
                        + projectId));
                // Google keeps a deleted project for 30 days; Garden deletes at once, so the prompt says so.
                confirm("Your project will be deleted, with its service accounts, their keys and its IAM policy."
                        + " This cannot be undone.");
                store.deleteProject(projectId);
                return null;
            });
            status("Deleted project [" + projectId + "].");
        }
    }

    /** {@code garden projects add-iam-policy-binding PROJECT_ID --member=... --role=...}. */
    @Command(name = "add-iam-policy-binding", mixinStandardHelpOptions = true,
            description = "Grants a role on a project to a service account or user.")
    static final class AddIamPolicyBinding extends GcloudCommand {
        @Parameters(paramLabel = "PROJECT_ID")
        String projectId;

        @Option(names = "--member", required = true, paramLabel = "PRINCIPAL",
                description = "serviceAccount:EMAIL or user:EMAIL.")
        String member;

        @Option(names = "--role", required = true, paramLabel = "ROLE",
                description = "roles/aiplatform.user, roles/aiplatform.admin or roles/aiplatform.viewer.")
        String role;

        @Override
        void run() {
            Member who = member(member);
            Role granted = role(role);
            List<PolicyBinding> policy;
            try {
                policy = withStore(store -> store.addIamBinding(projectId, who, granted));
            } catch (IdentityException e) {
                if (e.kind() == IdentityException.Kind.NOT_FOUND && who.type() == Member.Type.USER
                        && e.getMessage().contains(who.email())) {
                    // Garden has no directory of people: a user exists once they have logged in.
                    throw new CommandFailure("NOT_FOUND: " + e.getMessage() + "; a user exists once they have"
                            + " run `garden auth application-default login --account=" + who.email() + "`");
                }
                throw e;
            }
            status("Updated IAM policy for project [" + projectId + "].");
            printer().describe(out(), policy(policy));
        }
    }

    /** {@code garden projects remove-iam-policy-binding PROJECT_ID --member=... --role=...}. */
    @Command(name = "remove-iam-policy-binding", mixinStandardHelpOptions = true,
            description = "Takes a role on a project from a service account or user.")
    static final class RemoveIamPolicyBinding extends GcloudCommand {
        @Parameters(paramLabel = "PROJECT_ID")
        String projectId;

        @Option(names = "--member", required = true, paramLabel = "PRINCIPAL",
                description = "serviceAccount:EMAIL or user:EMAIL.")
        String member;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "The role to take.")
        String role;

        @Override
        void run() {
            Member who = member(member);
            List<PolicyBinding> policy = withStore(store -> store.removeIamBinding(projectId, who, role(role)));
            status("Updated IAM policy for project [" + projectId + "].");
            printer().describe(out(), policy(policy));
        }
    }

    /** {@code garden projects get-iam-policy PROJECT_ID [--format=json|yaml]}. */
    @Command(name = "get-iam-policy", mixinStandardHelpOptions = true,
            description = "Prints a project's IAM policy.")
    static final class GetIamPolicy extends GcloudCommand {
        @Parameters(paramLabel = "PROJECT_ID")
        String projectId;

        @Override
        void run() {
            List<PolicyBinding> policy = withStore(store -> store.iamPolicy(projectId));
            printer().describe(out(), policy(policy));
        }
    }

    /** A project as Resource Manager's API returns it. */
    static Map<String, Object> resource(Project project) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("createTime", project.createTime().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString());
        // Garden deletes projects at once, so every project that exists is active.
        resource.put("lifecycleState", "ACTIVE");
        resource.put("name", project.displayName());
        resource.put("projectId", project.projectId());
        return resource;
    }

    /**
     * A policy as IAM's {@code getIamPolicy} returns it: {@code bindings} (omitted when empty, as Google's JSON
     * omits empty fields), {@code etag} and {@code version: 1}. The etag is derived from the bindings, so it changes
     * exactly when they do; Garden does not check it on writes, having no set-iam-policy.
     */
    static Map<String, Object> policy(List<PolicyBinding> bindings) {
        Map<String, Object> policy = new LinkedHashMap<>();
        List<Map<String, Object>> entries = bindings.stream().map(binding -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("members", binding.members().stream().map(Member::toString).toList());
            entry.put("role", binding.role().id());
            return entry;
        }).toList();
        if (!entries.isEmpty()) {
            policy.put("bindings", entries);
        }
        policy.put("etag", entries.isEmpty() ? EMPTY_POLICY_ETAG : etag(entries));
        policy.put("version", 1);
        return policy;
    }

    private static String etag(List<Map<String, Object>> entries) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(entries.toString().getBytes(StandardCharsets.UTF_8));
            // IAM's etags are 8 bytes in base64, "BwXhqDmUtPs="; the same length keeps them familiar.
            return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(digest, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
