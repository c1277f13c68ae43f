package dev.garden.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code aud} values Garden accepts: token URIs for assertions at the token endpoint, and service URLs for
 * self-signed JWTs. The two sets never overlap in practice, so an assertion is no bearer token and a self-signed JWT
 * is no assertion.
 */
final class Audiences {
    private final List<String> tokenUriList;
    private final Set<String> tokenUris;
    private final List<ServicePattern> services;

    Audiences(Set<String> tokenUris, Set<String> serviceUrls) {
        this.tokenUriList = List.copyOf(tokenUris);
        this.tokenUris = tokenUris.stream().map(Audiences::withoutTrailingSlash)
                .collect(Collectors.toUnmodifiableSet());
        this.services = serviceUrls.stream().map(ServicePattern::parse).toList();
    }

    /** The token URIs as configured, for error messages. */
    List<String> tokenUris() {
        return tokenUriList;
    }

    /** Whether an assertion's {@code aud} names this token endpoint (exactly, a trailing slash aside). */
    boolean acceptsTokenUri(String aud) {
        return tokenUris.contains(withoutTrailingSlash(aud));
    }

    /**
     * Whether a self-signed JWT's {@code aud} names this service. Clients send the service's origin and a slash:
     * Java's {@code ServiceAccountCredentials.getUriForSelfSignedJWT} makes {@code https://HOST/} (dropping any
     * port), Python's {@code jwt.Credentials} {@code https://HOST[:PORT]/}. So the scheme and host must match, the
     * port must match or be absent, and the path must be empty or {@code /}.
     */
    boolean acceptsService(String aud) {
        URI uri;
        try {
            uri = new URI(aud);
        } catch (URISyntaxException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return false;
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            return false;
        }
        return services.stream().anyMatch(pattern -> pattern.matches(uri));
    }

    /**
     * Checks a configured service URL.
     *
     * @throws IllegalArgumentException if it is not a URL with a scheme and a host, or misplaces {@code *}
     */
    static void checkServiceUrl(String url) {
        ServicePattern.parse(url);
    }

    private static String withoutTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /**
     * A service URL, whose host may start with {@code *}, standing for one DNS label or the start of one:
     * {@code https://*-aiplatform.googleapis.com/} matches {@code https://us-central1-aiplatform.googleapis.com/}.
     */
    private record ServicePattern(String scheme, String hostSuffix, boolean wildcard, int port) {
        private static final String PLACEHOLDER = "wildcard";

        static ServicePattern parse(String url) {
            boolean wildcard = url.indexOf('*') >= 0;
            URI uri;
            try {
                // URI does not parse a host that contains '*'; parse with a placeholder label instead.
                uri = new URI(wildcard ? url.replace("*", PLACEHOLDER) : url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("not a URL: " + url, e);
            }
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("a service URL needs a scheme and a host: " + url);
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (wildcard && (!host.startsWith(PLACEHOLDER) || url.indexOf('*') != url.lastIndexOf('*'))) {
                throw new IllegalArgumentException("one '*' may start the host, nothing else: " + url);
            }
            String suffix = wildcard ? host.substring(PLACEHOLDER.length()) : host;
            return new ServicePattern(uri.getScheme().toLowerCase(Locale.ROOT), suffix, wildcard,
                    effectivePort(uri));
        }

        boolean matches(URI uri) {
            if (!scheme.equalsIgnoreCase(uri.getScheme())) {
                return false;
            }
            if (uri.getPort() != -1 && effectivePort(uri) != port) {
                return false;
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            if (!wildcard) {
                return host.equals(hostSuffix);
            }
            if (!host.endsWith(hostSuffix) || host.length() == hostSuffix.length()) {
                return false;
            }
            String label = host.substring(0, host.length() - hostSuffix.length());
            return label.indexOf('.') < 0;
        }

        private static int effectivePort(URI uri) {
            if (uri.getPort() != -1) {
                return uri.getPort();
            }
            return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
        }
    }
}
