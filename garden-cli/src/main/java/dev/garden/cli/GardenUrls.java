package dev.garden.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The URLs Garden writes into credentials files, all under its public base URL: above all {@code token_uri}, where
 * Google's client libraries exchange a key or a refresh token for access tokens.
 *
 * <p>The base URL is, in order: {@code --token-uri} when given, {@value #PUBLIC_URL_VARIABLE} (a server behind a
 * proxy or on another machine), the URL the last {@code garden serve} recorded ({@link ServerInfo}), else
 * {@value #DEFAULT_BASE_URL}.
 *
 * @param base the public base URL, without a trailing slash
 */
record GardenUrls(URI base) {
    /** The environment variable naming Garden's public base URL. */
    static final String PUBLIC_URL_VARIABLE = "GARDEN_PUBLIC_URL";
    /** Where {@code garden serve} listens unless told otherwise. */
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080";
    private static final String TOKEN_PATH = "/token";

    GardenUrls {
        Objects.requireNonNull(base, "base");
    }

    /**
     * The URLs for a base URL given by a person.
     *
     * @throws IllegalArgumentException unless it is an absolute http or https URL
     */
    static GardenUrls of(String base) {
        String trimmed = stripTrailingSlashes(base.strip());
        try {
            URI uri = new URI(trimmed);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("Garden's URL must be an http or https URL such as "
                        + DEFAULT_BASE_URL + "; got '" + base + "'");
            }
            return new GardenUrls(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + base + "' is not a URL: " + e.getReason(), e);
        }
    }

    /**
     * The URLs for this invocation.
     *
     * @param tokenUriFlag {@code --token-uri}: the token endpoint ({@code .../token}) or the base URL
     */
    static GardenUrls resolve(CliContext context, Path gardenHome, Optional<String> tokenUriFlag) {
        Optional<String> flag = tokenUriFlag.map(String::strip).filter(value -> !value.isEmpty());
        if (flag.isPresent()) {
            String value = stripTrailingSlashes(flag.get());
            return of(value.endsWith(TOKEN_PATH) ? value.substring(0, value.length() - TOKEN_PATH.length()) : value);
        }
        Optional<String> publicUrl = context.variable(PUBLIC_URL_VARIABLE);
        if (publicUrl.isPresent()) {
            return of(publicUrl.get());
        }
        return ServerInfo.read(gardenHome).map(info -> of(info.url().toString()))
                .orElseGet(() -> of(DEFAULT_BASE_URL));
    }

    /**
     * The URLs of a server that has just bound to {@code bound}: {@value #PUBLIC_URL_VARIABLE} when set (the
     * server is reached through a proxy or from other machines), else the bound address.
     */
    static GardenUrls forServer(java.util.Map<String, String> env, ServerInfo bound) {
        String publicUrl = env.getOrDefault(PUBLIC_URL_VARIABLE, "").strip();
        return of(publicUrl.isEmpty() ? bound.url().toString() : publicUrl);
    }

    /** The token endpoint: a key file's {@code token_uri}. */
    String tokenUri() {
        return base + TOKEN_PATH;
    }

    /**
     * A key file's {@code auth_uri}. Google's is its consent page; Garden has none and no client reads this field
     * for service accounts, but a URL under Garden says where the key belongs better than Google's would.
     */
    String authUri() {
        return base + "/auth";
    }

    /** A key file's {@code auth_provider_x509_cert_url}, at Google's path under Garden's base URL. */
    String authProviderCertsUrl() {
        return base + "/oauth2/v1/certs";
    }

    /** A key file's {@code client_x509_cert_url}, at Google's path under Garden's base URL. */
    String clientCertsUrl(String accountEmail) {
        return base + "/robot/v1/metadata/x509/" + URLEncoder.encode(accountEmail, StandardCharsets.UTF_8);
    }

    static String stripTrailingSlashes(String url) {
        String result = url;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
