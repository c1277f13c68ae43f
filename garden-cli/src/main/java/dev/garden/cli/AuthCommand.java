package dev.garden.cli;

import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.auth.oauth2.UserCredentials;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code garden auth ...}: which credentials the CLI uses, and access tokens from them. */
@Command(name = "auth", mixinStandardHelpOptions = true,
        description = "Manages the credentials the CLI and local applications use.",
        subcommands = {AuthCommand.Login.class, AuthCommand.PrintAccessToken.class, ApplicationDefaultCommand.class})
final class AuthCommand {
    /** Where {@code garden auth login --cred-file} records the file, inside {@code $GARDEN_HOME}. */
    static final String ACTIVE_CREDENTIAL_FILE = "active-credential.json";

    /** {@code garden auth login --cred-file=FILE}. */
    @Command(name = "login", mixinStandardHelpOptions = true,
            description = {"Makes a credentials file the active one, for `garden auth print-access-token`.",
                    "Garden has no browser sign-in: the file is a service account key or an authorized_user file."})
    static final class Login extends GcloudCommand {
        @Option(names = "--cred-file", paramLabel = "FILE",
                description = "A service account key or an authorized_user file.")
        Path credFile;

        @Override
        void run() throws IOException {
            if (credFile == null) {
                throw CommandFailure.usage("Garden has no browser sign-in; pass --cred-file=FILE: a key from"
                        + " `garden iam service-accounts keys create`, or the file `garden auth application-default"
                        + " login` writes");
            }
            Path file = credFile.toAbsolutePath().normalize();
            String account = accountOf(file);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("account", account);
            record.put("cred_file", file.toString());
            Path home = context().garden().home();
            Files.createDirectories(home);
            Files.writeString(home.resolve(ACTIVE_CREDENTIAL_FILE), Json.pretty(record));
            status("Authenticated with " + (account.endsWith(".iam.gserviceaccount.com") ? "service account"
                    : "user") + " credentials for: [" + account + "].");
        }

        /** Reads the file with Google's library, as clients will, and names whose it is. */
        private static String accountOf(Path file) {
            Map<String, Object> content;
            try {
                content = Json.readObject(file);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw CommandFailure.usage("--cred-file: " + e.getMessage());
            }
            String type = Json.string(content, "type");
            try (InputStream in = Files.newInputStream(file)) {
                return switch (type) {
                    case CredentialsFiles.SERVICE_ACCOUNT -> ServiceAccountCredentials.fromStream(in).getClientEmail();
                    case CredentialsFiles.AUTHORIZED_USER -> {
                        UserCredentials.fromStream(in);
                        String account = Json.string(content, "account");
                        yield account.isEmpty() ? "client " + Json.string(content, "client_id") : account;
                    }
                    default -> throw CommandFailure.usage("--cred-file: " + file + " holds '" + type
                            + "' credentials; Garden uses service_account keys and authorized_user files");
                };
            } catch (IOException e) {
                throw CommandFailure.usage("--cred-file: " + file + " is not a usable credentials file: "
                        + e.getMessage());
            }
        }
    }

    /** {@code garden auth print-access-token [--cred-file=FILE]}. */
    @Command(name = "print-access-token", mixinStandardHelpOptions = true,
            description = {"Prints an access token for the active credentials, obtained from Garden's token"
                    + " endpoint with Google's Java library.", "The credentials: --cred-file, else the file"
                    + " `garden auth login` recorded, else the bootstrap admin key"
                    + " ($GARDEN_HOME/credentials/garden-admin.json)."})
    static final class PrintAccessToken extends GcloudCommand {
        @Option(names = "--cred-file", paramLabel = "FILE",
                description = "A service account key or an authorized_user file.")
        Path credFile;

        @Override
        void run() {
            out().println(AccessTokens.fetch(activeCredential()).getTokenValue());
        }

        private Path activeCredential() {
            if (credFile != null) {
                return credFile;
            }
            Path home = context().garden().home();
            Path record = home.resolve(ACTIVE_CREDENTIAL_FILE);
            if (Files.isRegularFile(record)) {
                String file = Json.string(Json.readObject(record), "cred_file");
                if (!file.isEmpty()) {
                    return Path.of(file);
                }
            }
            Path admin = Bootstrap.adminKeyFile(home);
            if (Files.isRegularFile(admin)) {
                return admin;
            }
            throw new CommandFailure("You do not currently have an active account selected. Pass --cred-file=FILE,"
                    + " or run `garden auth login --cred-file=FILE`; `garden serve` writes an admin key to "
                    + admin + " on its first start.");
        }
    }
}
