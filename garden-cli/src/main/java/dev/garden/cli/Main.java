package dev.garden.cli;

import picocli.CommandLine;

/** The {@code garden} command's entry point. */
public final class Main {
    private static final System.Logger LOG = System.getLogger(Main.class.getName());

    private Main() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        Logging.configure(false);
        int status = new CommandLine(new GardenCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((error, command, parsed) -> {
                    // Failures here are the user's to act on (no network, a bad models.json, a port in use):
                    // say what happened in one line; the stack trace is for --verbose.
                    command.getErr().println("garden: " + describe(error));
                    LOG.log(System.Logger.Level.DEBUG, "command failed", error);
                    return 1;
                })
                .execute(args);
        System.exit(status);
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
