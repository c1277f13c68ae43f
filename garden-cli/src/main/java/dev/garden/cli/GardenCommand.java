package dev.garden.cli;

import picocli.CommandLine.Command;

/** {@code garden}: the root command. */
@Command(name = "garden", mixinStandardHelpOptions = true, versionProvider = GardenCommand.Version.class,
        description = "Serves Vertex AI's OpenAI-compatible Chat Completions API for models you host yourself.",
        subcommands = {ServeCommand.class, ModelsCommand.class, ProjectsCommand.class, IamCommand.class,
                AuthCommand.class})
final class GardenCommand {

    /** The version from the jar's manifest, or "development". */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = GardenCommand.class.getPackage().getImplementationVersion();
            return new String[]{"garden " + (version == null ? "development" : version)};
        }
    }
}
