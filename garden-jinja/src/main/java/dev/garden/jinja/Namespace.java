package dev.garden.jinja;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * jinja2's {@code namespace(...)}: the one object a template may change, with {@code {% set ns.attr = value %}},
 * which is how templates carry state out of a loop body (loop bodies do not leak their assignments).
 */
final class Namespace {
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    Map<String, Object> attributes() {
        return attributes;
    }
}
