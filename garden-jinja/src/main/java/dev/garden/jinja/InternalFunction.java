package dev.garden.jinja;

/**
 * A callable that belongs to the engine (a string method, {@code range}, {@code loop.cycle}): it receives template
 * values as they are, where a caller's {@link JinjaFunction} receives them converted to plain Java values.
 */
@FunctionalInterface
interface InternalFunction extends JinjaFunction {
}
