package dev.garden.jinja;

/**
 * Bounds on the work one render may do, so that a hostile template (they come from model files) cannot hang or
 * exhaust the server. A render that crosses one fails with {@link TemplateRenderException}.
 *
 * @param maxOutputLength the most characters the output, and any single string or list the template builds, may
 *                        hold
 * @param maxIterations   the most loop iterations and macro calls, added up over the whole render
 * @param maxCallDepth    the deepest macro calls may nest
 */
public record RenderLimits(int maxOutputLength, int maxIterations, int maxCallDepth) {
    private static final RenderLimits DEFAULTS = new RenderLimits(8 * 1024 * 1024, 1_000_000, 200);

    /** Checks that every bound is positive. */
    public RenderLimits {
        if (maxOutputLength <= 0 || maxIterations <= 0 || maxCallDepth <= 0) {
            throw new IllegalArgumentException("render limits must be positive: " + maxOutputLength + ", "
                    + maxIterations + ", " + maxCallDepth);
        }
    }

    /** Generous bounds, what every template gets unless told otherwise: 8 Mi characters, a million iterations, macros nested 200 deep. */
    public static RenderLimits defaults() {
        return DEFAULTS;
    }
}
