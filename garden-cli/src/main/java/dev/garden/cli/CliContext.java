package dev.garden.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command reads from the world besides its arguments: the environment variables, the user's home directory
 * and the terminal's input (for "Do you want to continue (Y/n)?"). The process's own in {@link #system()}; tests
 * pass a map and a temporary home instead, so that no command touches the real {@code ~/.config/gcloud}.
 *
 * @param variables the environment
 * @param userHome  the user's home directory ({@code ~})
 * @param input     where answers to prompts come from
 */
record CliContext(Map<String, String> variables, Path userHome, BufferedReader input) {

    CliContext {
        variables = Map.copyOf(variables);
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(input, "input");
    }

    /** This process's environment, home and standard input. */
    static CliContext system() {
        return new CliContext(System.getenv(), Path.of(System.getProperty("user.home")),
                new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())));
    }

    /** An environment map and home, with {@code input} as the answers to prompts (for tests). */
    static CliContext of(Map<String, String> variables, Path userHome, String input) {
        return new CliContext(variables, userHome, new BufferedReader(new StringReader(input)));
    }

    /** An environment map and home with no answers to prompts (for tests). */
    static CliContext of(Map<String, String> variables, Path userHome) {
        return new CliContext(variables, userHome, new BufferedReader(Reader.nullReader()));
    }

    /** A variable's value, unless it is unset or blank. */
    Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** {@code GARDEN_HOME}, {@code GARDEN_CACHE} and the rest, from these variables. */
    GardenEnvironment garden() {
        return GardenEnvironment.from(variables, userHome);
    }

    /**
     * gcloud's configuration directory, where Application Default Credentials live: {@code CLOUDSDK_CONFIG}, else
     * {@code %APPDATA%\gcloud} on Windows, else {@code $HOME/.config/gcloud}, as gcloud itself decides.
     */
    Path gcloudConfigDirectory() {
        Optional<String> override = variable("CLOUDSDK_CONFIG");
        if (override.isPresent()) {
            return Path.of(override.get()).toAbsolutePath();
        }
        Optional<String> appData = variable("APPDATA");
        if (System.getProperty("os.name", "").startsWith("Windows") && appData.isPresent()) {
            return Path.of(appData.get(), "gcloud");
        }
        // gcloud (Python) expands "~" from $HOME, which may differ from Java's user.home (sudo, containers).
        return variable("HOME").map(Path::of).orElse(userHome).resolve(".config").resolve("gcloud");
    }

    /** Where {@code gcloud auth application-default login} writes, and where every Google library looks. */
    Path applicationDefaultCredentialsFile() {
        return gcloudConfigDirectory().resolve("application_default_credentials.json");
    }
}
