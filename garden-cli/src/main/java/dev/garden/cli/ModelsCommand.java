package dev.garden.cli;

import dev.garden.models.ModelCatalog;
import dev.garden.models.ModelSpec;
import dev.garden.models.fetch.ModelStore;
import dev.garden.models.fetch.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;

/** {@code garden models ...}: the catalog of publisher models. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Lists and fetches catalog models.",
        subcommands = {ModelsCommand.ListCommand.class, ModelsCommand.PullCommand.class})
final class ModelsCommand {

    /** {@code garden models list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the catalog's models (built-ins and $GARDEN_HOME/models.json).")
    static final class ListCommand implements Runnable {
        @Override
        public void run() {
            GardenEnvironment env = GardenEnvironment.fromSystem();
            ModelCatalog catalog = ModelCatalog.load(env.home());
            ModelStore store = ModelStore.create(env.cache(), env.fetch());
            String defaultId = catalog.defaultModel().id();
            System.out.printf(Locale.ROOT, "%-45s %-8s %-7s %s%n", "MODEL", "CONTEXT", "CACHED", "SOURCE");
            for (ModelSpec spec : catalog.models()) {
                String id = spec.id().equals(defaultId) ? spec.id() + " (default)" : spec.id();
                System.out.printf(Locale.ROOT, "%-45s %-8d %-7s %s%n", id, spec.contextLength(),
                        store.isCached(spec) ? "yes" : "no",
                        spec.sources().size() == 1 ? spec.sources().getFirst()
                                : spec.sources().getFirst() + " (+" + (spec.sources().size() - 1) + " parts)");
            }
        }
    }

    /** {@code garden models pull [MODEL...]}. */
    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = "Fetches models into the cache, verifying their checksums (default: the default model).")
    static final class PullCommand implements Runnable {
        @Parameters(arity = "0..*", paramLabel = "MODEL", description = "Catalog model ids.")
        List<String> names = List.of();

        @Override
        public void run() {
            GardenEnvironment env = GardenEnvironment.fromSystem();
            ModelCatalog catalog = ModelCatalog.load(env.home());
            ModelStore store = ModelStore.create(env.cache(), env.fetch());
            List<ModelSpec> specs = names.isEmpty() ? List.of(catalog.defaultModel()) : names.stream()
                    .map(name -> catalog.find(name).orElseThrow(() -> new IllegalArgumentException(
                            "no model " + name + " in the catalog; it has " + String.join(", ", catalog.ids()))))
                    .toList();
            for (ModelSpec spec : specs) {
                System.out.println(spec.id() + ": " + store.fetch(spec, ProgressListener.console()));
            }
        }
    }
}
