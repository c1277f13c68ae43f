package dev.garden.jinja;

/**
 * jinja2's default {@code Undefined}: what a missing variable, key or attribute evaluates to. It prints as nothing,
 * is falsy, iterates as empty and has length 0; any other use (an attribute, an item, arithmetic, a call) fails with
 * jinja2's {@code UndefinedError} message.
 */
final class Undefined {
    private final String message;

    private Undefined(String message) {
        this.message = message;
    }

    /** A variable that is not set. */
    static Undefined name(String name) {
        return new Undefined(PyRepr.repr(name) + " is undefined");
    }

    /** An attribute or key the object does not have, worded as jinja2 words it. */
    static Undefined member(Object owner, Object key) {
        if (key instanceof String name) {
            return new Undefined(PyRepr.repr(PyTypes.objectTypeRepr(owner)) + " has no attribute " + PyRepr.repr(name));
        }
        return new Undefined(PyTypes.objectTypeRepr(owner) + " has no element " + PyRepr.repr(key));
    }

    /** An undefined value with a hint of why, as jinja2's {@code undefined(hint)}. */
    static Undefined hint(String hint) {
        return new Undefined(hint);
    }

    /** The UndefinedError that using this value raises. */
    TemplateRenderException error() {
        return new TemplateRenderException(message);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Undefined;
    }

    @Override
    public int hashCode() {
        return Undefined.class.hashCode();
    }

    @Override
    public String toString() {
        return "";
    }
}
