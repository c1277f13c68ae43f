package dev.garden.models;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One model Garden can serve: its name and where its GGUF file comes from.
 *
 * <p>Validation messages name the field in quotes first ({@code "sha256" ...}), so that a catalog can prefix the
 * file and the entry.
 *
 * @param id the publisher model name, lowercase {@code <publisher>/<model>}, such as
 *           {@code huggingfacetb/smollm2-135m-instruct}
 * @param sources where the file comes from; several sources are parts, concatenated in order into one file
 * @param sha256 the lowercase hex SHA-256 of the final file; required when any source is remote or there are
 *               several parts (they are concatenated into the cache, which needs a name the content decides)
 * @param contextLength the number of tokens served per sequence
 * @param chatTemplate a template to use instead of the one in the GGUF file
 * @param description a line for people choosing a model
 * @param license the license's identifier, such as {@code apache-2.0}
 * @param sampling the sampling requests get when they leave it out
 */
public record ModelSpec(String id, List<ModelSource> sources, Optional<String> sha256, int contextLength,
                        Optional<ChatTemplateSource> chatTemplate, Optional<String> description,
                        Optional<String> license, SamplingDefaults sampling) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*/[a-z0-9][a-z0-9._-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Validates every field and the rules between them; see the parameters. */
    public ModelSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(chatTemplate, "chatTemplate");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(sampling, "sampling");
        checkId(id);
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("\"sources\" must list at least one source");
        }
        sha256 = sha256.map(ModelSpec::checkSha256);
        if (sha256.isEmpty()) {
            sources.stream().filter(ModelSource::remote).findFirst().ifPresent(remote -> {
                throw new IllegalArgumentException(
                        "\"sha256\" is required because " + remote + " is fetched over the network");
            });
            if (sources.size() > 1) {
                throw new IllegalArgumentException(
                        "\"sha256\" is required because the " + sources.size() + " parts are joined into one file");
            }
        }
        if (contextLength <= 0) {
            throw new IllegalArgumentException("\"contextLength\" must be a positive number of tokens, not "
                    + contextLength);
        }
    }

    /** A model with OpenAI's default sampling. */
    public ModelSpec(String id, List<ModelSource> sources, Optional<String> sha256, int contextLength,
                     Optional<ChatTemplateSource> chatTemplate, Optional<String> description,
                     Optional<String> license) {
        this(id, sources, sha256, contextLength, chatTemplate, description, license, SamplingDefaults.OPENAI);
    }

    /** The model's publisher, the part of {@link #id()} before the {@code /}. */
    public String publisher() {
        return id.substring(0, id.indexOf('/'));
    }

    /** The model's name within its publisher, the part of {@link #id()} after the {@code /}. */
    public String modelName() {
        return id.substring(id.indexOf('/') + 1);
    }

    private static void checkId(String id) {
        if (ID.matcher(id).matches()) {
            return;
        }
        String lower = id.toLowerCase(Locale.ROOT);
        if (ID.matcher(lower).matches()) {
            throw new IllegalArgumentException("\"id\" must be lowercase: write \"" + lower + "\"");
        }
        throw new IllegalArgumentException("\"id\" must have the form <publisher>/<model> in lowercase letters, "
                + "digits, '.', '_' and '-', not \"" + id + "\"");
    }

    private static String checkSha256(String hex) {
        String lower = hex.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(lower).matches()) {
            throw new IllegalArgumentException(
                    "\"sha256\" must be 64 hexadecimal digits, not \"" + hex + "\"");
        }
        return lower;
    }
}
