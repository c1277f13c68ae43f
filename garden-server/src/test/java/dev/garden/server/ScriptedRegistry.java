package dev.garden.server;

import dev.garden.core.GardenException;
import dev.garden.core.inference.ModelBackend;
import dev.garden.core.inference.ModelRegistry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A registry of one {@link ScriptedBackend} per scripted model name. */
final class ScriptedRegistry implements ModelRegistry {
    private final Map<String, ScriptedBackend> backends = new LinkedHashMap<>();

    ScriptedRegistry() {
        for (String model : ScriptedBackend.MODELS) {
            backends.put(model, new ScriptedBackend(model));
        }
    }

    /** The backend of a scripted model, to look at what it saw. */
    ScriptedBackend backend(String model) {
        return backends.get(model);
    }

    @Override
    public ModelBackend publisherModel(String name) {
        ScriptedBackend backend = backends.get(name);
        if (backend == null) {
            throw GardenException.notFound("Publisher model '" + name + "' is not served here. Available models: "
                                           + String.join(", ", backends.keySet()) + ".");
        }
        return backend;
    }

    @Override
    public List<String> publisherModels() {
        return List.copyOf(backends.keySet());
    }
}
