package dev.garden.jinja;

import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a template source with a context given as name-value pairs, for short tests. */
final class Rendering {
    private Rendering() {
    }

    static String render(String template, Object... namesAndValues) {
        return JinjaTemplate.parse(template).render(context(namesAndValues));
    }

    /** A context from alternating names and values; keeps their order, as a caller's LinkedHashMap would. */
    static Map<String, Object> context(Object... namesAndValues) {
        Map<String, Object> context = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            context.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return context;
    }

    /** A dict with its keys in the given order. */
    static Map<String, Object> dict(Object... namesAndValues) {
        return context(namesAndValues);
    }
}
