package dev.garden.models;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one catalog document. The tree is walked by hand rather than bound to records so that every error can name
 * the entry and the field, and unknown fields (typos such as {@code contextLenght}) are refused.
 */
final class CatalogParser {

    /** What one catalog document says. */
    record Document(Optional<String> defaultId, List<ModelSpec> models) {
    }

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Set<String> DOCUMENT_FIELDS = Set.of("default", "models");
    private static final Set<String> MODEL_FIELDS =
            Set.of("id", "sources", "sha256", "contextLength", "chatTemplate", "description", "license",
                    "sampling");
    private static final Set<String> SAMPLING_FIELDS = Set.of("temperature", "topP");
    private static final Set<String> TEMPLATE_FIELDS = Set.of("text", "file", "resource");

    private final String origin;
    private final Optional<Path> baseDirectory;

    private CatalogParser(String origin, Optional<Path> baseDirectory) {
        this.origin = origin;
        this.baseDirectory = baseDirectory;
    }

    /**
     * Parses a catalog.
     *
     * @param json the document
     * @param origin the file or resource it came from, for messages
     * @param baseDirectory what relative paths are relative to; empty for class path catalogs
     */
    static Document parse(byte[] json, String origin, Optional<Path> baseDirectory) {
        return new CatalogParser(origin, baseDirectory).document(json);
    }

    private Document document(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ModelCatalogException(origin + ": invalid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new ModelCatalogException(origin + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw fail("the document must be a JSON object with a \"models\" array");
        }
        checkFields(root, DOCUMENT_FIELDS, "");
        Optional<String> defaultId = optionalString(root, "default", "");
        JsonNode models = root.path("models");
        if (!models.isMissingNode() && !models.isArray()) {
            throw fail("\"models\" must be an array");
        }
        List<ModelSpec> specs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < models.size(); i++) {
            ModelSpec spec = model(models.get(i), i + 1);
            Integer earlier = seen.putIfAbsent(spec.id(), i + 1);
            if (earlier != null) {
                throw fail(entry(i + 1, models.get(i)) + "\"id\" \"" + spec.id() + "\" is already defined by model #"
                        + earlier);
            }
            specs.add(spec);
        }
        return new Document(defaultId, specs);
    }

    private ModelSpec model(JsonNode node, int number) {
        String at = entry(number, node);
        if (!node.isObject()) {
            throw fail(at + "each model must be a JSON object");
        }
        checkFields(node, MODEL_FIELDS, at);
        String id = optionalString(node, "id", at).orElseThrow(() -> fail(at + "\"id\" is required"));
        List<ModelSource> sources = sources(node.path("sources"), at);
        JsonNode context = node.path("contextLength");
        if (context.isMissingNode() || context.isNull()) {
            throw fail(at + "\"contextLength\" is required: the number of tokens served per sequence");
        }
        if (!context.isIntegralNumber() || !context.canConvertToInt()) {
            throw fail(at + "\"contextLength\" must be a whole number of tokens, not " + context);
        }
        try {
            return new ModelSpec(id, sources, optionalString(node, "sha256", at), context.intValue(),
                    chatTemplate(node.path("chatTemplate"), at), optionalString(node, "description", at),
                    optionalString(node, "license", at), sampling(node.path("sampling"), at));
        } catch (IllegalArgumentException e) {
            throw fail(at + e.getMessage());
        }
    }

    private SamplingDefaults sampling(JsonNode node, String at) {
        if (node.isMissingNode() || node.isNull()) {
            return SamplingDefaults.OPENAI;
        }
        if (!node.isObject()) {
            throw fail(at + "\"sampling\" must be an object such as {\"temperature\": 0.2, \"topP\": 0.9}");
        }
        checkFields(node, SAMPLING_FIELDS, at + "\"sampling\": ");
        return new SamplingDefaults(number(node, "temperature", SamplingDefaults.OPENAI.temperature(), at),
                number(node, "topP", SamplingDefaults.OPENAI.topP(), at));
    }

    private double number(JsonNode node, String field, double fallback, String at) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw fail(at + "\"sampling\".\"" + field + "\" must be a number, not " + value);
        }
        return value.doubleValue();
    }

    private List<ModelSource> sources(JsonNode node, String at) {
        if (node.isMissingNode() || node.isNull()) {
            throw fail(at + "\"sources\" is required: an array of paths, pip:// or hf:// sources");
        }
        if (!node.isArray() || node.isEmpty()) {
            throw fail(at + "\"sources\" must be a non-empty array of strings");
        }
        List<ModelSource> sources = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw fail(at + "\"sources\"[" + i + "] must be a string, not " + item);
            }
            try {
                sources.add(ModelSource.parse(item.textValue(), baseDirectory));
            } catch (IllegalArgumentException e) {
                throw fail(at + "\"sources\"[" + i + "]: " + e.getMessage());
            }
        }
        return sources;
    }

    private Optional<ChatTemplateSource> chatTemplate(JsonNode node, String at) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject() || node.size() != 1) {
            throw fail(at + "\"chatTemplate\" must be an object with one field: "
                    + "{\"text\": \"...\"}, {\"file\": \"<path>\"} or {\"resource\": \"<class path name>\"}");
        }
        checkFields(node, TEMPLATE_FIELDS, at + "\"chatTemplate\": ");
        String field = node.fieldNames().next();
        String value = optionalString(node, field, at + "\"chatTemplate\": ")
                .orElseThrow(() -> fail(at + "\"chatTemplate\": \"" + field + "\" must be a string"));
        return Optional.of(switch (field) {
            case "text" -> new ChatTemplateSource.Inline(value);
            case "file" -> templateFile(value, at);
            default -> templateResource(value, at);
        });
    }

    private ChatTemplateSource templateFile(String value, String at) {
        Path path;
        try {
            path = Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw fail(at + "\"chatTemplate\": \"" + value + "\" is not a valid path");
        }
        if (!path.isAbsolute()) {
            path = baseDirectory.orElseThrow(() -> fail(at + "\"chatTemplate\": a relative \"file\" needs a "
                    + "catalog file to be relative to; use \"resource\" for class path templates")).resolve(path);
        }
        if (!Files.isRegularFile(path)) {
            throw fail(at + "\"chatTemplate\": the file " + path + " does not exist");
        }
        return new ChatTemplateSource.File(path.normalize());
    }

    private ChatTemplateSource templateResource(String value, String at) {
        ChatTemplateSource.Resource resource;
        try {
            resource = new ChatTemplateSource.Resource(value);
        } catch (IllegalArgumentException e) {
            throw fail(at + "\"chatTemplate\": " + e.getMessage());
        }
        if (!resource.exists()) {
            throw fail(at + "\"chatTemplate\": the class path has no resource " + value);
        }
        return resource;
    }

    private Optional<String> optionalString(JsonNode node, String field, String at) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw fail(at + "\"" + field + "\" must be a string, not " + value);
        }
        return Optional.of(value.textValue());
    }

    private void checkFields(JsonNode node, Set<String> known, String at) {
        for (String field : (Iterable<String>) node::fieldNames) {
            if (!known.contains(field)) {
                throw fail(at + "unknown field \"" + field + "\"; the fields are " + new TreeSet<>(known));
            }
        }
    }

    private static String entry(int number, JsonNode node) {
        JsonNode id = node.path("id");
        return "model #" + number + (id.isTextual() ? " (" + id.textValue() + ")" : "") + ": ";
    }

    private ModelCatalogException fail(String message) {
        return new ModelCatalogException(origin + ": " + message);
    }
}
