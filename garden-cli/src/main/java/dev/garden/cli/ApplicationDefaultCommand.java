package dev.garden.cli;

import dev.garden.identity.Member;
import dev.garden.identity.store.IdentityException;
import dev.garden.identity.store.IdentityStore;
import dev.garden.identity.store.IssuedRefreshToken;
import dev.garden.identity.store.Project;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** {@code garden auth application-default ...}: Application Default Credentials for local applications. */
@Command(name = "application-default", mixinStandardHelpOptions = true,
        description = "Manages Application Default Credentials (ADC), which Google's client libraries find by"
                + " themselves.",
        subcommands = {ApplicationDefaultCommand.Login.class, ApplicationDefaultCommand.PrintAccessToken.class})
final class ApplicationDefaultCommand {
    /** gcloud's environment override of its {@code core/account} property. */
    static final String ACCOUNT_VARIABLE = "CLOUDSDK_CORE_ACCOUNT";
    /** The variable every Google library reads first. */
    static final String CREDENTIALS_VARIABLE = "GOOGLE_APPLICATION_CREDENTIALS";
    // Local users get addresses in a reserved domain (RFC 6761) unless named: they are names, not mailboxes.
    private static final String LOCAL_DOMAIN = "@garden.localhost";

    /** {@code garden auth application-default login [--account=EMAIL] [--output=FILE]}. */
    @Command(name = "login", mixinStandardHelpOptions = true,
            description = {"Writes Application Default Credentials for a user (an authorized_user file with a new"
                    + " refresh token).", "Garden has no consent screen: as the local administrator this creates"
                    + " the user if needed."})
    static final class Login extends GcloudCommand {
        @Option(names = "--account", paramLabel = "EMAIL",
                description = "The user (default: $" + ACCOUNT_VARIABLE + ", else $USER" + LOCAL_DOMAIN + ").")
        String account;

        @Option(names = "--output", paramLabel = "FILE", description = "Where to write the credentials (default:"
                + " gcloud's ADC file, $CLOUDSDK_CONFIG or ~/.config/gcloud/application_default_credentials.json).")
        Path output;

        @Option(names = "--token-uri", paramLabel = "URL", description = "Garden's token endpoint, or its base URL"
                + " (default: $GARDEN_PUBLIC_URL, else the URL the last `garden serve` recorded, else "
                + GardenUrls.DEFAULT_BASE_URL + ").")
        String tokenUri;

        @Override
        void run() throws IOException {
            String email = account();
            Path home = context().garden().home();
            GardenUrls urls;
            try {
                urls = GardenUrls.resolve(context(), home, Optional.ofNullable(tokenUri));
            } catch (IllegalArgumentException e) {
                throw CommandFailure.usage(e.getMessage());
            }
            Path file = (output == null ? context().applicationDefaultCredentialsFile() : output).toAbsolutePath();
            Files.createDirectories(file.getParent());
            PrivateFiles.requireWritable(file);
            boolean[] hasRole = new boolean[1];
            String content = withStore(store -> {
                if (store.user(email).isEmpty()) {
                    createUser(store, email);
                }
                CliOAuthClient client = CliOAuthClient.ensure(store, home);
                IssuedRefreshToken token = store.issueRefreshToken(email, client.clientId());
                hasRole[0] = holdsAnyRole(store, email);
                return CredentialsFiles.authorizedUser(token.token().userEmail(), client.clientId(),
                        client.clientSecret(), token.value(), urls);
            });
            PrivateFiles.write(file, content);
            status("");
            status("Credentials saved to file: [" + file + "]");
            status("");
            status("These credentials will be used by any library that requests Application Default Credentials"
                    + " (ADC). Java's library sends them to " + urls.tokenUri() + ".");
            status("");
            status("Note: Python's google-auth ignores token_uri in authorized_user files and always calls Google,"
                    + " so Python clients cannot use this file with Garden. For Python, use a service account key:");
            status("  garden iam service-accounts keys create key.json --iam-account=NAME@PROJECT"
                    + ".iam.gserviceaccount.com");
            status("  export " + CREDENTIALS_VARIABLE + "=$PWD/key.json");
            if (!hasRole[0]) {
                status("");
                status("user:" + email + " holds no role yet; grant one with:");
                status("  garden projects add-iam-policy-binding PROJECT --member=user:" + email
                        + " --role=roles/aiplatform.user");
            }
        }

        private String account() {
            if (account != null && !account.isBlank()) {
                return account.strip();
            }
            Optional<String> configured = context().variable(ACCOUNT_VARIABLE);
            if (configured.isPresent()) {
                return configured.get();
            }
            String user = context().variable("USER").or(() -> context().variable("USERNAME"))
                    .map(name -> name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-"))
                    .orElseThrow(() -> CommandFailure.usage("Which account? Pass --account=EMAIL."));
            return user + LOCAL_DOMAIN;
        }

        private void createUser(IdentityStore store, String email) {
            try {
                store.createUser(email);
                status("Created user [" + email.toLowerCase(Locale.ROOT) + "].");
            } catch (IdentityException e) {
                // another login for the same user got there first
                if (e.kind() != IdentityException.Kind.ALREADY_EXISTS) {
                    throw e;
                }
            }
        }

        private static boolean holdsAnyRole(IdentityStore store, String email) {
            Member member = Member.user(email);
            for (Project project : store.projects()) {
                if (store.iamPolicy(project.projectId()).stream()
                        .anyMatch(binding -> binding.members().contains(member))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code garden auth application-default print-access-token}. */
    @Command(name = "print-access-token", mixinStandardHelpOptions = true,
            description = "Prints an access token for the Application Default Credentials ($"
                    + CREDENTIALS_VARIABLE + ", else gcloud's ADC file), obtained from their token_uri with"
                    + " Google's Java library.")
    static final class PrintAccessToken extends GcloudCommand {
        @Override
        void run() {
            Path file = context().variable(CREDENTIALS_VARIABLE).map(Path::of)
                    .orElseGet(() -> context().applicationDefaultCredentialsFile());
            if (!Files.isRegularFile(file)) {
                throw new CommandFailure("Your default credentials were not found at " + file + ". To set them up,"
                        + " run `garden auth application-default login`, or set " + CREDENTIALS_VARIABLE
                        + " to a key file.");
            }
            out().println(AccessTokens.fetch(file).getTokenValue());
        }
    }
}
