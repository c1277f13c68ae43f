package dev.garden.jinja;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A compiled Jinja template that renders exactly as Python's jinja2 does in the environment Hugging Face uses for
 * chat templates: a sandbox that forbids changing lists and dicts, {@code trim_blocks} and {@code lstrip_blocks}
 * on, autoescaping off, the {@code loopcontrols} extension and the {@code {% generation %}} tag, and a
 * {@code tojson} filter that is {@code json.dumps(x, ensure_ascii=False)}.
 *
 * <p>Parse once, render many times: instances are immutable and safe to share between threads.
 *
 * <pre>{@code
 * JinjaTemplate template = JinjaTemplate.parse(chatTemplate);
 * String prompt = template.render(Map.of(
 *         "messages", messages,
 *         "add_generation_prompt", true,
 *         "bos_token", "<s>",
 *         "raise_exception", JinjaFunctions.raiseException()));
 * }</pre>
 *
 * <p>Context values are Python values: {@link Map} (a dict; pass a {@link java.util.LinkedHashMap} to keep key
 * order), {@link List}, {@link String}, {@link Integer}, {@link Long} and other numbers, {@link Boolean},
 * {@code null} (None) and {@link JinjaFunction}. Templates cannot reach anything else: no Java object's methods or
 * fields, no reflection.
 */
public final class JinjaTemplate {
    /** How many templates were parsed in this JVM; lets tests prove that rendering never parses again. */
    static final AtomicLong PARSE_COUNT = new AtomicLong();

    private final List<Node> body;
    private final RenderLimits limits;

    private JinjaTemplate(List<Node> body, RenderLimits limits) {
        this.body = body;
        this.limits = limits;
    }

    /**
     * Parses a template.
     *
     * @param source the template text, for example a GGUF file's {@code tokenizer.chat_template}
     * @return the compiled template, with {@link RenderLimits#defaults() default limits}
     * @throws TemplateSyntaxException when the template is not valid Jinja, or uses an unknown filter or test
     *                                 outside an {@code if} (jinja2 rejects those when it compiles, too)
     */
    public static JinjaTemplate parse(String source) {
        Objects.requireNonNull(source, "source");
        PARSE_COUNT.incrementAndGet();
        SourceText text = SourceText.of(source);
        try {
            return new JinjaTemplate(Parser.parse(text), RenderLimits.defaults());
        } catch (StackOverflowError e) {
            throw new TemplateSyntaxException("template nested too deeply", 1, 1);
        }
    }

    /**
     * This template with other bounds on the work a render may do.
     *
     * @param limits the bounds
     * @return a template that shares this one's parsed form
     */
    public JinjaTemplate withLimits(RenderLimits limits) {
        return new JinjaTemplate(body, Objects.requireNonNull(limits, "limits"));
    }

    /** The bounds each render of this template runs under. */
    public RenderLimits limits() {
        return limits;
    }

    /**
     * Renders the template.
     *
     * @param context the variables the template sees, by name
     * @return the output, exactly as Python's jinja2 would produce it
     * @throws TemplateRaisedException when the template calls {@code raise_exception(message)}
     * @throws TemplateRenderException when rendering fails otherwise: an undefined value used, a type error, a
     *                                 forbidden operation, or a {@link RenderLimits limit} crossed
     */
    public String render(Map<String, ?> context) {
        Objects.requireNonNull(context, "context");
        try {
            return new Renderer(limits).render(body, context);
        } catch (TemplateRenderException e) {
            throw e;
        } catch (StackOverflowError e) {
            throw new TemplateRenderException("template recursion too deep", 0, null);
        } catch (RuntimeException e) {
            throw new TemplateRenderException("cannot render template: " + e, 0, e);
        }
    }
}
