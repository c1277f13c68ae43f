package dev.garden.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The models Garden knows: the built-in entries of {@value #BUILT_IN_RESOURCE}, extended by a user's
 * {@code $GARDEN_HOME/}{@value #USER_FILE_NAME}. Both are JSON of this form:
 * <pre>{@code
 * {
 *   "default": "huggingfacetb/smollm2-135m-instruct",
 *   "models": [
 *     {
 *       "id": "acme/tiny-chat",
 *       "sources": ["models/tiny-chat.Q4_K_M.gguf"],
 *       "sha256": "<64 hex digits; required for pip:// and hf:// sources>",
 *       "contextLength": 4096,
 *       "chatTemplate": {"file": "templates/tiny-chat.jinja"},
 *       "description": "...",
 *       "license": "apache-2.0",
 *       "sampling": {"temperature": 0.2, "topP": 0.9}
 *     }
 *   ]
 * }
 * }</pre>
 * A user's entry with the id of a built-in one replaces it; a user's {@code "default"} replaces the built-in default.
 * Instances are immutable.
 */
public final class ModelCatalog {

    /** The class path resource holding the built-in catalog. */
    public static final String BUILT_IN_RESOURCE = "dev/garden/models/catalog.json";

    /** The name of the user's catalog file in {@code $GARDEN_HOME}. */
    public static final String USER_FILE_NAME = "models.json";

    private final Map<String, ModelSpec> models;
    private final ModelSpec defaultModel;

    private ModelCatalog(Map<String, ModelSpec> models, ModelSpec defaultModel) {
        this.models = models;
        this.defaultModel = defaultModel;
    }

    /**
     * The built-in catalog.
     *
     * @throws ModelCatalogException if the built-in resource is missing or invalid (a packaging error)
     */
    public static ModelCatalog builtIn() {
        return BuiltIn.CATALOG;
    }

    /**
     * The built-in catalog extended by {@code gardenHome}/{@value #USER_FILE_NAME} when that file exists.
     *
     * @throws ModelCatalogException naming the file, the entry and the field when the user's file is invalid
     */
    public static ModelCatalog load(Path gardenHome) {
        Path userFile = gardenHome.resolve(USER_FILE_NAME);
        return Files.exists(userFile) ? builtIn().extendedBy(userFile) : builtIn();
    }

    /**
     * This catalog with the entries of another catalog file added; entries with an id already here replace them.
     * Relative paths in the file are relative to its directory.
     *
     * @throws ModelCatalogException naming the file, the entry and the field when the file is missing or invalid
     */
    public ModelCatalog extendedBy(Path catalogFile) {
        Path file = catalogFile.toAbsolutePath().normalize();
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelCatalogException(file + ": no such file");
        } catch (IOException e) {
            throw new ModelCatalogException(file + ": cannot read: " + e.getMessage(), e);
        }
        CatalogParser.Document document = CatalogParser.parse(json, file.toString(), Optional.of(file.getParent()));
        Map<String, ModelSpec> merged = new LinkedHashMap<>(models);
        document.models().forEach(spec -> merged.put(spec.id(), spec));
        return of(merged, document.defaultId().orElse(defaultModel.id()), file.toString());
    }

    /** The model with this id, compared without regard to case. */
    public Optional<ModelSpec> find(String id) {
        return Optional.ofNullable(models.get(id.toLowerCase(Locale.ROOT)));
    }

    /** The ids of all models: the built-in ones first, in catalog order. */
    public List<String> ids() {
        return List.copyOf(models.keySet());
    }

    /** All models, in the order of {@link #ids()}. */
    public List<ModelSpec> models() {
        return List.copyOf(models.values());
    }

    /** The model served when none is chosen: SmolLM2 unless a user's catalog names another. */
    public ModelSpec defaultModel() {
        return defaultModel;
    }

    private static ModelCatalog of(Map<String, ModelSpec> models, String defaultId, String origin) {
        ModelSpec defaultModel = models.get(defaultId.toLowerCase(Locale.ROOT));
        if (defaultModel == null) {
            throw new ModelCatalogException(origin + ": \"default\" names \"" + defaultId
                    + "\", which is not in the catalog; the models are " + new ArrayList<>(models.keySet()));
        }
        return new ModelCatalog(models, defaultModel);
    }

    /** Parsed on first use and then shared: it is immutable and the same for every caller. */
    private static final class BuiltIn {
        static final ModelCatalog CATALOG = read();

        private static ModelCatalog read() {
            String origin = "class path resource " + BUILT_IN_RESOURCE;
            byte[] json;
            try (InputStream in = ModelCatalog.class.getClassLoader().getResourceAsStream(BUILT_IN_RESOURCE)) {
                if (in == null) {
                    throw new ModelCatalogException(origin + " is missing");
                }
                json = in.readAllBytes();
            } catch (IOException e) {
                throw new ModelCatalogException(origin + ": cannot read: " + e.getMessage(), e);
            }
            CatalogParser.Document document = CatalogParser.parse(json, origin, Optional.empty());
            Map<String, ModelSpec> models = new LinkedHashMap<>();
            document.models().forEach(spec -> models.put(spec.id(), spec));
            return of(models, document.defaultId()
                    .orElseThrow(() -> new ModelCatalogException(origin + ": \"default\" is required")), origin);
        }
    }
}
