/**
 * A Jinja template engine with Python's semantics, for the chat templates that ship inside GGUF files and Hugging
 * Face repositories. It renders them exactly as Hugging Face {@code transformers} does with Python's jinja2: same
 * whitespace, same printing of values ({@code True}, {@code None}, {@code ['a', 'b']}, {@code 1.0}), same errors.
 *
 * <p>{@link dev.garden.jinja.JinjaTemplate} is the entry point; {@link dev.garden.jinja.JinjaFunctions} holds the
 * functions chat templates expect in their context. Templates are untrusted input: they reach no Java object and
 * run under {@link dev.garden.jinja.RenderLimits}. The engine has no dependencies.
 */
package dev.garden.jinja;
