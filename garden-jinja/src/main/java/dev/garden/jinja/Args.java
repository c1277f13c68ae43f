package dev.garden.jinja;

import java.util.List;
import java.util.Map;

/**
 * Binds the arguments of a call to a Python-style signature: parameters by position or by name, with defaults, and
 * a {@code TypeError} for anything left over.
 */
final class Args {
    private static final Object REQUIRED = new Object();

    private final String function;
    private final List<Object> positional;
    private final Map<String, Object> named;
    private final String[] names;

    private Args(String function, List<Object> positional, Map<String, Object> named, String... names) {
        this.function = function;
        this.positional = positional;
        this.named = named;
        this.names = names;
        if (positional.size() > names.length) {
            throw new TemplateRenderException(function + "() takes at most " + names.length + " argument"
                    + (names.length == 1 ? "" : "s") + " (" + positional.size() + " given)");
        }
        for (String name : named.keySet()) {
            if (!List.of(names).contains(name)) {
                throw new TemplateRenderException(function + "() got an unexpected keyword argument '" + name + "'");
            }
        }
    }

    /** Binds {@code positional} and {@code named} to the parameters {@code names}, in order. */
    static Args bind(String function, List<Object> positional, Map<String, Object> named, String... names) {
        return new Args(function, positional, named, names);
    }

    /** The argument for parameter {@code index}, or {@code defaultValue} when the call left it out. */
    Object get(int index, Object defaultValue) {
        if (index < positional.size()) {
            if (named.containsKey(names[index])) {
                throw new TemplateRenderException(function + "() got multiple values for argument '"
                        + names[index] + "'");
            }
            return positional.get(index);
        }
        if (named.containsKey(names[index])) {
            return named.get(names[index]);
        }
        if (defaultValue == REQUIRED) {
            throw new TemplateRenderException(function + "() missing required argument: '" + names[index] + "'");
        }
        return defaultValue;
    }

    Object required(int index) {
        return get(index, REQUIRED);
    }

    boolean has(int index) {
        return index < positional.size() || named.containsKey(names[index]);
    }

    long getLong(int index, long defaultValue) {
        Object value = get(index, null);
        return value == null ? defaultValue : PyTypes.toLong(value);
    }

    boolean getBoolean(int index, boolean defaultValue) {
        return has(index) ? PyTypes.truthy(get(index, null)) : defaultValue;
    }

    /** A string parameter; {@code null} when left out or given as None. */
    String getString(int index, String defaultValue) {
        Object value = get(index, defaultValue);
        if (value == null) {
            return null;
        }
        String text = PyTypes.stringOrNull(value);
        if (text == null) {
            throw new TemplateRenderException(function + "() argument " + (index + 1) + " must be str, not "
                    + PyTypes.typeName(value));
        }
        return text;
    }
}
