/**
 * JSON Schema to llama.cpp GBNF, so that structured output is enforced by constrained decoding and never fails
 * open: a schema is either compiled into a grammar whose every sentence is valid against it, or refused with an
 * {@link dev.garden.grammar.UnsupportedSchemaException} naming the keyword and its JSON Pointer.
 *
 * <p>Entry points: {@link dev.garden.grammar.JsonSchemaGrammars} for {@code response_format} (cached), and
 * {@link dev.garden.grammar.GrammarBuilder} with {@link dev.garden.grammar.Gbnf} to embed schema rules in larger
 * grammars (tool calls).
 *
 * <h2>Enforced</h2>
 * <ul>
 *   <li>{@code type}, also as an array; a schema without {@code type} takes the types its keywords imply.
 *   <li>{@code properties} in declared order, {@code required} (others may be left out), {@code additionalProperties}
 *       ({@code false}: declared only; {@code true}, absent or a schema: extra members after the declared ones,
 *       under any name but a declared one); {@code minProperties}/{@code maxProperties} when the declared
 *       properties already decide them.
 *   <li>{@code items}, {@code prefixItems} (with {@code items: false}), draft-07 {@code items} arrays with
 *       {@code additionalItems}, {@code minItems}/{@code maxItems}; {@code uniqueItems} only when
 *       {@code maxItems <= 1}.
 *   <li>{@code enum}, {@code const} (each value in one spelling, compact JSON).
 *   <li>{@code anyOf}; {@code oneOf} when its alternatives provably cannot overlap (by type, const/enum values, or
 *       a required property with disjoint schemas, as in discriminated unions); {@code allOf} when its parts merge
 *       by bookkeeping; keywords beside {@code anyOf}/{@code oneOf} are merged into each alternative.
 *   <li>{@code $ref} to {@code #}, {@code #/$defs/..}, {@code #/definitions/..} or any local JSON Pointer, one rule
 *       per target; siblings of {@code $ref} are enforced too. Recursive references are refused.
 *   <li>{@code minLength}/{@code maxLength} (code points), {@code pattern} (an ECMA-262 subset, see
 *       {@code RegexTranslator}), {@code format}: {@code date}, {@code time}, {@code date-time}, {@code uuid},
 *       {@code email}, {@code ipv4}, {@code uri}; {@code binary} and {@code password} add nothing.
 *   <li>{@code minimum}, {@code maximum}, {@code exclusiveMinimum}, {@code exclusiveMaximum} (numeric, or draft 4's
 *       boolean form): exact on integers; exact on numbers written in plain decimal with at most 15 significant
 *       digits, with bounds of at most 15 significant digits below 10^15. {@code multipleOf: 1}. {@code format:
 *       int32} on integers.
 *   <li>{@code nullable: true} (OpenAPI 3.0, as openai-node's {@code zodResponseFormat} writes {@code .nullable()}):
 *       null is allowed too, except beside {@code enum}/{@code const}.
 * </ul>
 *
 * <h2>Ignored (never change validity)</h2>
 * {@code $schema $id $comment $anchor $dynamicAnchor $recursiveAnchor $vocabulary $defs definitions title
 * description default examples example deprecated readOnly writeOnly contentEncoding contentMediaType contentSchema
 * discriminator externalDocs xml propertyOrdering}, and {@code x-*} extensions.
 *
 * <h2>Refused</h2>
 * {@code patternProperties propertyNames dependentRequired dependentSchemas dependencies unevaluatedProperties
 * unevaluatedItems contains minContains maxContains not if then else $dynamicRef $recursiveRef}; any unknown
 * keyword; recursive, remote and anchor {@code $ref}s; other {@code format}s; {@code multipleOf} other than 1;
 * {@code uniqueItems: true}; overlapping {@code oneOf}; {@code allOf} parts that conflict; untranslatable patterns
 * (lookarounds, backreferences, word boundaries, flags, Unicode properties); length bounds beside a pattern or
 * format that do not follow from it; schemas no value satisfies; counts above 100000; nesting deeper than 64.
 *
 * <h2>Deliberate narrowing</h2>
 * The grammar admits a subset of the valid documents, chosen to keep a small model on track: declared property
 * order; bounded whitespace ({@code ws ::= ( " " | "\n" [ \t]{0,32} )?} between tokens, none before or after the
 * value); integers of at most 16 digits, numbers of at most 16+16 digits with a two-digit exponent; no UTF-16
 * surrogate escapes ({@code \\uD83D}); enum values in compact spelling; full-string matches of patterns.
 */
package dev.garden.grammar;
