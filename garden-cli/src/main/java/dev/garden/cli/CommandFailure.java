package dev.garden.cli;

/**
 * A command failed in a way the user can act on; its message is printed on one line after gcloud's
 * {@code ERROR: (garden.COMMAND)} prefix, and the process exits with {@link #exitCode()}.
 */
final class CommandFailure extends RuntimeException {
    /** The operation failed: gcloud's status for every API error. */
    static final int FAILED = 1;
    /** The arguments were wrong: picocli's and gcloud's status for usage errors. */
    static final int USAGE = 2;

    private final int exitCode;

    CommandFailure(String message) {
        this(message, FAILED, null);
    }

    CommandFailure(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad arguments: exit status 2. */
    static CommandFailure usage(String message) {
        return new CommandFailure(message, USAGE, null);
    }

    int exitCode() {
        return exitCode;
    }
}
