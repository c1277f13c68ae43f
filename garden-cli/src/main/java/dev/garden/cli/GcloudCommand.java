package dev.garden.cli;

import dev.garden.identity.Member;
import dev.garden.identity.Role;
import dev.garden.identity.store.IdentityStore;
import dev.garden.identity.store.IdentityStoreConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A command that mirrors one of gcloud's: gcloud's wide flags {@code --quiet} and {@code --format}, its
 * "Do you want to continue (Y/n)?" prompt, status lines on stderr and resources on stdout, and errors as
 * {@code garden: ERROR: (garden.GROUP.COMMAND) ...} (see {@link Main}).
 *
 * <p>The {@link CliContext} (environment, home, input) is set by {@link CliFactory} when picocli creates the command,
 * so tests run commands against a map instead of the process's environment.
 */
abstract class GcloudCommand implements Callable<Integer> {
    // Held here because java.util.logging keeps loggers weakly: a level set on a collected logger is lost.
    private static final List<Logger> QUIET_LOGGERS = List.of(Logger.getLogger("com.zaxxer.hikari"),
            Logger.getLogger("org.flywaydb"));

    @Spec
    CommandSpec spec;

    @Option(names = {"-q", "--quiet"}, description = "Disable all interactive prompts, assuming yes.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json, yaml, table or value(FIELD,...) for what the command prints.")
    String format;

    private CliContext context;

    /** Called by {@link CliFactory}. */
    final void context(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The environment this command runs in. */
    final CliContext context() {
        if (context == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " was not created by CliFactory");
        }
        return context;
    }

    @Override
    public final Integer call() throws Exception {
        // A command opens the store for a moment; the pool's and migrations' start and stop lines are noise here.
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
        run();
        out().flush();
        err().flush();
        return 0;
    }

    /** Does the command's work; failures are exceptions, which {@link Main} reports. */
    abstract void run() throws Exception;

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** A status line on stderr, where gcloud writes "Created ...", "Updated ...". */
    final void status(String line) {
        err().println(line);
        err().flush();
    }

    final ResourcePrinter printer() {
        try {
            return ResourcePrinter.parse(format);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage(e.getMessage());
        }
    }

    /** Runs {@code work} against the identity store, opened for it and closed after. */
    final <T> T withStore(Function<IdentityStore, T> work) {
        GardenEnvironment garden = context().garden();
        try (IdentityStore store = IdentityStore.open(IdentityStoreConfig.fromEnvironment(context().variables(),
                garden.home()))) {
            return work.apply(store);
        }
    }

    /**
     * Asks "Do you want to continue (Y/n)?" unless {@code --quiet}. Yes is the default, as gcloud's; but where
     * gcloud would take the default when nothing can be read, Garden refuses, so that a script cannot delete by
     * accident.
     *
     * @throws CommandFailure "Aborted by user." on no, or when no answer can be read
     */
    final void confirm(String message) {
        if (quiet) {
            return;
        }
        err().print(message + "\n\nDo you want to continue (Y/n)?  ");
        err().flush();
        String answer;
        try {
            answer = context().input().readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answer", e);
        }
        err().println();
        if (answer == null) {
            throw new CommandFailure("Aborted: no answer on standard input; pass --quiet to skip the prompt.");
        }
        String normalized = answer.strip().toLowerCase(Locale.ROOT);
        if (!(normalized.isEmpty() || normalized.equals("y") || normalized.equals("yes"))) {
            throw new CommandFailure("Aborted by user.");
        }
    }

    /**
     * {@code --member}, as IAM writes it.
     *
     * @throws CommandFailure a usage error saying what is wrong
     */
    static Member member(String member) {
        try {
            return Member.parse(member.strip());
        } catch (IllegalArgumentException e) {
            throw CommandFailure.usage("INVALID_ARGUMENT: --member: " + e.getMessage());
        }
    }

    /**
     * {@code --role}, one of the roles Garden knows.
     *
     * @throws CommandFailure a usage error listing them
     */
    static Role role(String role) {
        return Role.fromId(role.strip()).orElseThrow(() -> CommandFailure.usage("INVALID_ARGUMENT: Role (" + role
                + ") does not exist in Garden; it has " + Arrays.stream(Role.values()).map(Role::id)
                .collect(Collectors.joining(", "))));
    }
}
