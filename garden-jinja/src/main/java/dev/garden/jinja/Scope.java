package dev.garden.jinja;

import java.util.HashMap;
import java.util.Map;

/**
 * Variables visible at one point of a render. As in jinja2, each loop iteration, macro call and block body gets a
 * child scope whose assignments vanish when it ends; {@code if} does not create one.
 */
final class Scope {
    /** What {@link #lookup} returns for a name that is bound nowhere (distinct from a variable holding None). */
    static final Object MISSING = new Object();

    private final Scope parent;
    private final Map<String, ?> context;
    private final Map<String, Object> variables = new HashMap<>(8);

    private Scope(Scope parent, Map<String, ?> context) {
        this.parent = parent;
        this.context = context;
    }

    /** The template's top-level scope over the caller's context, with jinja2's globals behind it. */
    static Scope root(Map<String, ?> context) {
        return new Scope(null, context);
    }

    Scope child() {
        return new Scope(this, null);
    }

    Object lookup(String name) {
        for (Scope scope = this; scope != null; scope = scope.parent) {
            Object value = scope.variables.get(name);
            if (value != null || scope.variables.containsKey(name)) {
                return value;
            }
            if (scope.context != null) {
                value = scope.context.get(name);
                if (value != null || scope.context.containsKey(name)) {
                    return value;
                }
            }
        }
        Object global = Globals.lookup(name);
        return global != null ? global : MISSING;
    }

    void set(String name, Object value) {
        variables.put(name, value);
    }
}
