package dev.garden.server;

import dev.garden.identity.Permission;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What is known of an API request before its body is read: where it was sent and its headers. Given to the
 * {@link Authenticator}.
 */
public final class RequestContext {
    /** The API method of the chat completions route, as Google names it in errors. */
    public static final String CHAT_COMPLETIONS_METHOD = "google.cloud.aiplatform.v1.PredictionService.ChatCompletions";

    private final String apiVersion;
    private final String project;
    private final String location;
    private final String endpoint;
    private final String method;
    private final Permission permission;
    private final Function<String, Optional<String>> headers;

    RequestContext(String apiVersion, String project, String location, String endpoint, String method,
                   Permission permission, Function<String, Optional<String>> headers) {
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
        this.project = Objects.requireNonNull(project, "project");
        this.location = Objects.requireNonNull(location, "location");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.method = Objects.requireNonNull(method, "method");
        this.permission = Objects.requireNonNull(permission, "permission");
        this.headers = Objects.requireNonNull(headers, "headers");
    }

    /** A chat completions request to {@code endpoints/openapi} (or another endpoint id). */
    static RequestContext chatCompletions(String apiVersion, String project, String location, String endpoint,
                                          Function<String, Optional<String>> headers) {
        return new RequestContext(apiVersion, project, location, endpoint, CHAT_COMPLETIONS_METHOD,
                Permission.ENDPOINTS_PREDICT, headers);
    }

    /**
     * A context, for tests of an {@link Authenticator} and for other front ends.
     *
     * @param apiVersion {@code v1} or {@code v1beta1}
     * @param project    the project named in the path
     * @param location   the location named in the path
     * @param headers    the first value of a header by case-insensitive name, if present
     */
    public static RequestContext of(String apiVersion, String project, String location,
                                    Function<String, Optional<String>> headers) {
        return chatCompletions(apiVersion, project, location, "openapi", headers);
    }

    /** {@code v1} or {@code v1beta1}. */
    public String apiVersion() {
        return apiVersion;
    }

    /** The project named in the path ({@code projects/{project}}), as sent. */
    public String project() {
        return project;
    }

    /** The location named in the path: a region such as {@code us-central1}, or {@code global}. */
    public String location() {
        return location;
    }

    /** The endpoint named in the path: {@code openapi} for publisher models, or a deployed endpoint's id. */
    public String endpoint() {
        return endpoint;
    }

    /** The resource the request acts on, e.g. {@code projects/p/locations/us-central1/endpoints/openapi}. */
    public String resource() {
        return "projects/" + project + "/locations/" + location + "/endpoints/" + endpoint;
    }

    /** The API method, as Google names it in errors, e.g. {@value #CHAT_COMPLETIONS_METHOD}. */
    public String method() {
        return method;
    }

    /** The IAM permission the request needs on {@link #resource()}. */
    public Permission permission() {
        return permission;
    }

    /** The first value of a request header, by case-insensitive name (e.g. {@code Authorization}). */
    public Optional<String> header(String name) {
        return headers.apply(name);
    }

    @Override
    public String toString() {
        return "RequestContext[" + apiVersion + "/projects/" + project + "/locations/" + location + "]";
    }
}
