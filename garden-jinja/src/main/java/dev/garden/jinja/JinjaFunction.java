package dev.garden.jinja;

import java.util.List;
import java.util.Map;

/**
 * A function that templates can call, placed in the render context under the name templates use for it
 * ({@code raise_exception}, {@code strftime_now}, ...).
 *
 * <p>Arguments arrive as plain Java values: {@link String}, {@link Long}, {@link Double}, {@link Boolean},
 * {@code null} (Python's {@code None}, also passed for an undefined value), {@link List} (tuples and generators
 * arrive as lists) and {@link Map} (a {@code namespace} arrives as a map of its attributes), or whatever the caller put
 * in the context. The return value may be any value a render context may hold.
 */
@FunctionalInterface
public interface JinjaFunction {
    /**
     * Calls the function.
     *
     * @param args   the positional arguments, in order
     * @param kwargs the keyword arguments, in the order the template wrote them
     * @return the result, as a template value
     * @throws TemplateRenderException to fail the render; {@link TemplateRaisedException} to fail it with a message
     *                                 meant for the caller
     */
    Object call(List<Object> args, Map<String, Object> kwargs);
}
