package dev.garden.jinja;

/** The running counts of one render against its {@link RenderLimits}. */
final class Limits {
    private final RenderLimits limits;
    private int iterations;
    private int depth;

    Limits(RenderLimits limits) {
        this.limits = limits;
    }

    static TemplateRenderException exceeded(String what) {
        return new TemplateRenderException("render limit exceeded: " + what);
    }

    int maxLength() {
        return limits.maxOutputLength();
    }

    /** Counts one loop iteration or macro call. */
    void step() {
        if (++iterations > limits.maxIterations()) {
            throw exceeded("more than " + limits.maxIterations() + " loop iterations and macro calls");
        }
    }

    void enterCall() {
        if (++depth > limits.maxCallDepth()) {
            throw exceeded("macro calls nested deeper than " + limits.maxCallDepth());
        }
    }

    void exitCall() {
        depth--;
    }

    /** Fails when a string or list the template built is longer than the output may be. */
    void checkLength(long length) {
        if (length > limits.maxOutputLength()) {
            throw exceeded("a value longer than " + limits.maxOutputLength() + " characters or items");
        }
    }
}
