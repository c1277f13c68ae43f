package dev.garden.core.inference;

import java.util.List;

/** Finds the backend that serves a model named in a request. */
public interface ModelRegistry {

    /**
     * The backend serving a publisher model such as {@code huggingfacetb/smollm2-135m-instruct}, loading it first
     * if need be.
     *
     * @throws dev.garden.core.GardenException {@code NOT_FOUND} naming the models that are available
     */
    ModelBackend publisherModel(String name);

    /** The publisher models this Garden serves, by name. */
    List<String> publisherModels();
}
