package dev.garden.grammar;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.core.ObjectMappers;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.garden.llama.LlamaGrammar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas real clients send, as they send them: openai-python's {@code parse()} for Pydantic models (strict,
 * from {@code src/test/python/generate_pydantic_schemas.py}), a plain {@code model_json_schema()}, openai-node's
 * {@code zodResponseFormat} (draft-07, from {@code src/test/node/generate_zod_schemas.mjs}), and openai-java's
 * {@code responseFormat(Class)} (2020-12 with {@code $defs}, made here by the client itself). Each must compile,
 * be accepted by llama.cpp, let a realistic answer through, and make SmolLM2 write only valid answers.
 */
class RealisticSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaGrammars GRAMMARS = JsonSchemaGrammars.create();

    /** @param closed whether the schema forbids undeclared properties (strict schemas do) */
    record Case(String name, String responseFormat, String answer, boolean closed) {
        String schema() {
            return readTree(responseFormat).path("json_schema").path("schema").toString();
        }

        /** The schema as a JSON Schema validator should read it: OpenAPI's nullable spelled as a type array. */
        String validatorSchema() {
            JsonNode schema = readTree(schema());
            openApiNullable(schema);
            return schema.toString();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    enum Genre { FICTION, SCIENCE, HISTORY }

    static final class Author {
        @JsonProperty("name")
        public String name;
        @JsonProperty("born")
        public int born;
    }

    static final class Book {
        @JsonProperty("title")
        public String title;
        @JsonPropertyDescription("The main author")
        @JsonProperty("author")
        public Author author;
        @JsonProperty("coauthors")
        public List<Author> coauthors;
        @JsonProperty("genre")
        public Genre genre;
        @JsonProperty("year")
        public int year;
        @JsonProperty("rating")
        public double rating;
        @JsonProperty("subtitle")
        public Optional<String> subtitle;
    }

    static final List<Case> CASES = List.of(
            new Case("Pydantic CalendarEvent, parse() strict", resource("pydantic-calendar-event-strict.json"),
                    "{\"name\": \"Science Fair\", \"date\": \"Friday\", \"participants\": [\"Alice\", \"Bob\"]}",
                    true),
            new Case("Pydantic Employee, parse() strict", resource("pydantic-employee-strict.json"),
                    FeatureTable.json("{'id': '123e4567-e89b-12d3-a456-426614174000', 'name': 'Ada Lovelace', 'email':"
                            + " 'ada@example.com', 'age': 36, 'birthday': '1815-12-10', 'last_login':"
                            + " '2024-05-01T12:30:00Z', 'nickname': null, 'kind': 'employee', 'priority': 'urgent',"
                            + " 'location': [51.5, -0.12], 'score': 0.9, 'addresses': [{'street': '1 Main St',"
                            + " 'city': 'London', 'postcode': '12345'}], 'home': null}"), true),
            new Case("Pydantic Employee, model_json_schema()", resource("pydantic-employee-plain.json"),
                    FeatureTable.json("{'id': '123e4567-e89b-12d3-a456-426614174000', 'name': 'Ada', 'email':"
                            + " 'ada@example.com', 'age': 36, 'birthday': '1815-12-10', 'last_login':"
                            + " '2024-05-01T12:30:00.5+01:00', 'kind': 'contractor', 'priority': 'low',"
                            + " 'location': [0, 0], 'score': 1, 'addresses': []}"), false),
            new Case("zod Task, zodResponseFormat (draft-07)", resource("zod-task.json"),
                    FeatureTable.json("{'title': 'Write docs', 'priority': 'high', 'due': null, 'estimate_hours': 3,"
                            + " 'assignee': {'name': 'Ann', 'email': 'ann@example.com'}, 'reviewers': [], 'tags':"
                            + " ['docs'], 'status': {'done': false, 'note': null}}"), true),
            new Case("openai-java Book, responseFormat(Class) (2020-12, $defs)", openAiJavaResponseFormat(),
                    FeatureTable.json("{'author': {'born': 1920, 'name': 'Frank Herbert'}, 'coauthors': [], 'genre':"
                            + " 'FICTION', 'rating': 4.5, 'subtitle': null, 'title': 'Dune', 'year': 1965}"), true));

    static Generator generator;

    @BeforeAll
    static void start() {
        generator = Generator.start();
    }

    @AfterAll
    static void stop() {
        generator.close();
    }

    @ParameterizedTest
    @FieldSource("CASES")
    void compile_realSchema_llamaCppAcceptsGrammarAndARealisticAnswer(Case schema) {
        assertThat(SchemaValidator.errors(schema.validatorSchema(), schema.answer())).isEmpty();
        Grammar grammar = GRAMMARS.compile(schema.schema());
        try (LlamaGrammar compiled = GrammarJudge.compile(grammar)) {
            assertThat(GrammarJudge.accepts(compiled, schema.answer())).as(grammar.gbnf()).isTrue();
            assertThat(GrammarJudge.accepts(compiled, schema.answer().replaceFirst("\\}$", ", \"extra\": 1}")))
                    .as("an undeclared property").isEqualTo(!schema.closed());
        }
    }

    @ParameterizedTest
    @FieldSource("CASES")
    void generate_realSchema_everyFinishedAnswerValidates(Case schema) throws Exception {
        List<Generator.Output> outputs = generator.generate(GRAMMARS.compile(schema.schema()),
                "Fill in this JSON Schema with realistic example data:\n" + schema.schema(), 0.5, 5, 400);

        assertThat(outputs).as("%s", outputs).anyMatch(Generator.Output::ended);
        for (Generator.Output output : outputs) {
            if (output.ended()) {
                assertThat(SchemaValidator.errors(schema.validatorSchema(), output.text())).as(output.text()).isEmpty();
            }
        }
    }

    private static String openAiJavaResponseFormat() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder().model("m").addUserMessage("x")
                .responseFormat(Book.class).build().rawParams();
        try {
            return ObjectMappers.jsonMapper().writeValueAsString(params.responseFormat().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = RealisticSchemasTest.class.getResourceAsStream("/schemas/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites {"type": t, "nullable": true} as {"type": [t, "null"]}, everywhere in the document. */
    private static void openApiNullable(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("nullable").asBoolean(false) && object.path("type").isTextual()) {
                ArrayNode types = JSON.createArrayNode().add(object.get("type").asText()).add("null");
                object.set("type", types);
                object.remove("nullable");
            }
        }
        node.forEach(RealisticSchemasTest::openApiNullable);
    }
}
