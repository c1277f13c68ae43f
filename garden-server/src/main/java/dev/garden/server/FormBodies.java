package dev.garden.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@code application/x-www-form-urlencoded} bodies and query strings into parameters, refusing a repeated
 * parameter: RFC 6749 §3.1 and §3.2 say request parameters "MUST NOT be included more than once", and picking one
 * of two values would be a guess.
 */
final class FormBodies {
    private FormBodies() {
    }

    /**
     * The parameters, or empty when one is repeated.
     *
     * @throws IllegalArgumentException when the encoding is broken (a bad {@code %} escape)
     */
    static Optional<Map<String, String>> parse(String encoded, Map<String, String> into) {
        Map<String, String> parameters = new LinkedHashMap<>(into);
        if (encoded == null || encoded.isEmpty()) {
            return Optional.of(parameters);
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (parameters.putIfAbsent(name, value) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters);
    }
}
