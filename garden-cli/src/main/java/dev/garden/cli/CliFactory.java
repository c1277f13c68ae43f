package dev.garden.cli;

import picocli.CommandLine;

import java.util.Objects;

/** Creates commands as picocli's default factory does, handing each {@link GcloudCommand} its {@link CliContext}. */
final class CliFactory implements CommandLine.IFactory {
    private final CliContext context;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CliFactory(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K instance = fallback.create(type);
        if (instance instanceof GcloudCommand command) {
            command.context(context);
        }
        return instance;
    }
}
