package dev.garden.cli;

import dev.garden.identity.store.IdentityStore;
import dev.garden.identity.store.IdentityStoreConfig;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs {@code garden} commands in process against a temporary Garden home and user home, with an environment map
 * instead of the process's, capturing stdout and stderr.
 */
final class CliRunner {
    final Path gardenHome;
    final Path userHome;
    final Map<String, String> env = new HashMap<>();

    /**
     * What a command did.
     *
     * @param exitCode its status
     * @param out      its stdout
     * @param err      its stderr
     */
    record Result(int exitCode, String out, String err) {
    }

    CliRunner(Path root) {
        this(root.resolve("garden-home"), root.resolve("user-home"));
    }

    /** Commands against an existing Garden home, such as a running test server's. */
    CliRunner(Path gardenHome, Path userHome) {
        this.gardenHome = gardenHome;
        this.userHome = userHome;
        env.put("GARDEN_HOME", gardenHome.toString());
        env.put("HOME", userHome.toString());
    }

    /** Runs a command with no answers to prompts. */
    Result run(String... args) {
        return runWithInput("", args);
    }

    /** Runs a command with {@code input} as what the user types. */
    Result runWithInput(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(CliContext.of(env, userHome, input));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Runs a command that must succeed. */
    Result ok(String... args) {
        Result result = run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("garden " + String.join(" ", args) + " exited " + result.exitCode() + ": "
                    + result.err());
        }
        return result;
    }

    /** The store the commands use, for checking what they did; close it. */
    IdentityStore openStore() {
        return IdentityStore.open(IdentityStoreConfig.fromEnvironment(env, gardenHome));
    }
}
