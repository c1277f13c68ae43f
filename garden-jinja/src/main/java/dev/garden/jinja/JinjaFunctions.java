package dev.garden.jinja;

import java.time.Clock;
import java.time.ZonedDateTime;

/**
 * The functions Hugging Face puts in every chat template's context, ready to add to a render context under the names
 * templates expect: {@code raise_exception} and {@code strftime_now}.
 */
public final class JinjaFunctions {
    private JinjaFunctions() {
    }

    /**
     * {@code raise_exception(message)}: fails the render with a {@link TemplateRaisedException} whose message is
     * exactly the template's.
     *
     * @return the function, to be placed in the context as {@code raise_exception}
     */
    public static JinjaFunction raiseException() {
        return (InternalFunction) (args, kwargs) -> {
            Object message = Args.bind("raise_exception", args, kwargs, "message").required(0);
            throw new TemplateRaisedException(PyRepr.str(message));
        };
    }

    /**
     * {@code strftime_now(format)}: the current time of {@code clock}, in the clock's zone, formatted with Python's
     * {@code strftime} directives ({@code %d %b %Y}, {@code %B}, {@code %A}, {@code %H:%M:%S}, {@code %-d} and the
     * rest of the C library's set).
     *
     * @param clock where the time comes from; a fixed clock makes renders reproducible
     * @return the function, to be placed in the context as {@code strftime_now}
     */
    public static JinjaFunction strftimeNow(Clock clock) {
        return (InternalFunction) (args, kwargs) -> {
            Object format = Args.bind("strftime_now", args, kwargs, "format").required(0);
            String pattern = PyTypes.stringOrNull(format);
            if (pattern == null) {
                throw new TemplateRenderException("strftime() argument 1 must be str, not " + PyTypes.typeName(format));
            }
            return Strftime.format(ZonedDateTime.now(clock), pattern);
        };
    }
}
