package dev.garden.server;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What is known of an API request before its body is read: where it was sent and its headers. Given to the
 * {@link Authenticator}.
 */
public final class RequestContext {
    private final String apiVersion;
    private final String project;
    private final String location;
    private final Function<String, Optional<String>> headers;

    RequestContext(String apiVersion, String project, String location, Function<String, Optional<String>> headers) {
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
        this.project = Objects.requireNonNull(project, "project");
        this.location = Objects.requireNonNull(location, "location");
        this.headers = Objects.requireNonNull(headers, "headers");
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
        return new RequestContext(apiVersion, project, location, headers);
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

    /** The first value of a request header, by case-insensitive name (e.g. {@code Authorization}). */
    public Optional<String> header(String name) {
        return headers.apply(name);
    }

    @Override
    public String toString() {
        return "RequestContext[" + apiVersion + "/projects/" + project + "/locations/" + location + "]";
    }
}
