package dev.garden.cli;

import dev.garden.identity.store.IdentityException;
import picocli.CommandLine;

/** The {@code garden} command's entry point. */
public final class Main {
    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        Logging.configure(false);
        int status = commandLine(CliContext.system()).execute(args);
        System.exit(status);
    }

    /**
     * The {@code garden} command line over an environment: the process's in {@link #main}, a map and a temporary
     * home in tests (which also set its out and err writers).
     */
    static CommandLine commandLine(CliContext context) {
        return new CommandLine(new GardenCommand(), new CliFactory(context))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((error, command, parsed) -> report(error, command));
    }

    /**
     * Failures here are the user's to act on (no network, a bad models.json, a port in use, no such account): say
     * what happened in one line; the stack trace is for --verbose. gcloud's verbs say it as gcloud does,
     * {@code ERROR: (gcloud.iam.service-accounts.create) ALREADY_EXISTS: ...}, with its exit statuses.
     */
    private static int report(Exception error, CommandLine command) {
        LOG.log(System.Logger.Level.DEBUG, "command failed", error);
        if (!(command.getCommand() instanceof GcloudCommand)) {
            command.getErr().println("garden: " + describe(error));
            command.getErr().flush();
            return 1;
        }
        int status = CommandFailure.FAILED;
        String message;
        if (error instanceof IdentityException identity) {
            message = identity.kind() + ": " + identity.getMessage();
            if (identity.kind() == IdentityException.Kind.INVALID_ARGUMENT) {
                status = CommandFailure.USAGE;
            }
        } else if (error instanceof CommandFailure failure) {
            message = failure.getMessage();
            status = failure.exitCode();
        } else {
            message = describe(error);
        }
        command.getErr().println("garden: ERROR: (" + command.getCommandSpec().qualifiedName(".") + ") "
                + message);
        command.getErr().flush();
        return status;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        Throwable cause = error.getCause();
        if (message == null && cause != null) {
            return describe(cause);
        }
        return message == null ? error.toString() : message;
    }
}
