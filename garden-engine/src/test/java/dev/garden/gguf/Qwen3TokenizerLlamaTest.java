package dev.garden.gguf;

import dev.garden.engine.EngineOptions;
import dev.garden.engine.LlamaEngine;
import dev.garden.llama.LlamaLibrary;
import dev.garden.llama.LlamaModel;
import dev.garden.gguf.testing.Qwen3TestModel;
import dev.garden.jinja.JinjaTemplate;
import dev.garden.models.fetch.LlamaCppLibraries;
import dev.garden.models.fetch.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Qwen3TestModel} in real llama.cpp, through Garden's engine: text tokenizes to exactly the ids Hugging Face's
 * {@code tokenizers} gives for Qwen3 (goldens in {@code src/test/resources/qwen3}, written by
 * {@code src/test/python/generate_qwen3_goldens.py}), the special tokens end generation or not as they should, and the
 * chat template read back from the model renders in Garden's Jinja as in Python's jinja2. Where llama.cpp differs from
 * Hugging Face by design, the differences are pinned too.
 */
class Qwen3TokenizerLlamaTest {
    private static final List<String> CHAT_CASES =
            List.of("tools_thinking", "tools_no_thinking", "tool_round_trip", "earlier_thinking_dropped");

    static LlamaModel model;

    @BeforeAll
    static void load() {
        LlamaLibrary library = LlamaLibrary.load(
                LlamaCppLibraries.install(dev.garden.llama.testing.NativeFixtures.testCache(), ProgressListener.console()), Optional.empty());
        model = LlamaModel.load(library, Qwen3TestModel.write(dev.garden.llama.testing.NativeFixtures.testCache()));
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    record Sample(String name, String text, int[] ids) {
    }

    @TestFactory
    Stream<DynamicTest> tokenize_goldenSamples_givesHuggingFaceIds() throws IOException {
        return samples().stream().map(sample -> DynamicTest.dynamicTest(sample.name(), () ->
                assertThat(model.tokenize(sample.text(), false, true)).as(sample.text())
                        .containsExactly(sample.ids())));
    }

    @Test
    void tokenBytes_goldenSamplesWithoutControlTokens_giveTheTextBack() throws IOException {
        for (Sample sample : samples()) {
            int[] ids = model.tokenize(sample.text(), false, true);
            // Control tokens (<|im_end|>...) render as nothing; user-defined ones (<think>) as their text.
            if (Arrays.stream(ids).anyMatch(id -> model.tokenBytes(id).length == 0)) {
                continue;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int id : ids) {
                bytes.writeBytes(model.tokenBytes(id));
            }
            assertThat(bytes.toString(StandardCharsets.UTF_8)).as(sample.name()).isEqualTo(sample.text());
        }
    }

    @Test
    void load_qwen3TestModel_hasTheVocabularyAndSpecialTokens() {
        assertThat(model.vocabularySize()).isEqualTo(Qwen3TestModel.VOCABULARY_SIZE);
        assertThat(model.eosToken()).isEqualTo(Qwen3TestModel.IM_END);
        assertThat(model.bosToken()).isEqualTo(Qwen3TestModel.END_OF_TEXT);
        assertThat(model.addsBos()).isFalse();
        assertThat(model.metadata("tokenizer.ggml.pre")).hasValue("qwen2");
        assertThat(model.tokenText(Qwen3TestModel.THINK)).isEqualTo("<think>");
        assertThat(model.tokenText(Qwen3TestModel.THINK_END)).isEqualTo("</think>");
        assertThat(model.tokenize("<think></think><tool_call></tool_call><|im_start|><|im_end|>", false, true))
                .containsExactly(Qwen3TestModel.THINK, Qwen3TestModel.THINK_END, Qwen3TestModel.TOOL_CALL,
                        Qwen3TestModel.TOOL_CALL_END, Qwen3TestModel.IM_START, Qwen3TestModel.IM_END);
    }

    @Test
    void tokenize_withoutParsingSpecial_stillMatchesUserDefinedTokensOnly() {
        // As Hugging Face with split_special_tokens: <think> is not special there, <|im_end|> is.
        int[] ids = model.tokenize("<think>x</think><|im_end|>", false, false);
        assertThat(ids[0]).isEqualTo(Qwen3TestModel.THINK);
        assertThat(ids).contains(Qwen3TestModel.THINK_END).doesNotContain(Qwen3TestModel.IM_END);
    }

    @Test
    void isEndOfGeneration_allTokens_areTheOnesLlamaCppPicksByText() {
        List<Integer> endOfGeneration = new ArrayList<>();
        for (int token = 0; token < model.vocabularySize(); token++) {
            if (model.isEndOfGeneration(token)) {
                endOfGeneration.add(token);
            }
        }
        // llama.cpp chooses them by their text, as in every Qwen3 GGUF: <|im_end|> and <|endoftext|>, the FIM
        // pad/repo/file-separator tokens, and "</s>", a plain BPE token for Hugging Face.
        assertThat(endOfGeneration).containsExactly(Qwen3TestModel.CLOSING_S, Qwen3TestModel.END_OF_TEXT,
                Qwen3TestModel.IM_END, 151_662, 151_663, 151_664);
        assertThat(model.tokenText(Qwen3TestModel.CLOSING_S)).isEqualTo("</s>");
        assertThat(List.of(151_662, 151_663, 151_664).stream().map(model::tokenText))
                .containsExactly("<|fim_pad|>", "<|repo_name|>", "<|file_sep|>");
    }

    @Test
    void tokenize_knownDifferences_stillDifferFromHuggingFace() throws IOException {
        Map<String, Sample> differences = new HashMap<>();
        for (Sample sample : samples("known_differences")) {
            differences.put(sample.name(), sample);
        }
        // No NFC normalization in llama.cpp: e + COMBINING ACUTE stays two characters, where Hugging Face makes é.
        Sample notNfc = differences.get("not_nfc");
        assertThat(notNfc.ids()).containsExactly(963);
        assertThat(model.tokenize(notNfc.text(), false, true)).containsExactly(68, 53_839);
        // "</s>" is one control token to llama.cpp (see above), three BPE tokens to Hugging Face.
        Sample closingS = differences.get("closing_s");
        assertThat(closingS.ids()).containsExactly(64, 522, 82, 51_407);
        assertThat(model.tokenize(closingS.text(), false, true))
                .containsExactly(64, Qwen3TestModel.CLOSING_S, 65);
        assertThat(model.tokenize(closingS.text(), false, false)).containsExactly(closingS.ids());
    }

    @Test
    void generate_chatPrompt_runsInTheEngine() throws Exception {
        int[] prompt = model.tokenize(resource("chat_template/tools_thinking.txt"), false, true);
        List<Integer> generated;
        try (LlamaEngine engine = LlamaEngine.start(model,
                new EngineOptions(1, 1024, 512, 2, 4, Duration.ofSeconds(1)))) {
            generated = SyntheticModelLlamaTest.greedy(engine, prompt, 8);
        }
        assertThat(generated).hasSize(8)
                .allSatisfy(token -> assertThat(token).isBetween(0, Qwen3TestModel.VOCABULARY_SIZE - 1));
    }

    @TestFactory
    Stream<DynamicTest> chatTemplate_fromTheGguf_rendersInGardenJinjaAsInPythonJinja2() {
        String source = model.chatTemplate().orElseThrow();
        JinjaTemplate template = JinjaTemplate.parse(source);
        return CHAT_CASES.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> context = (Map<String, Object>) Json.parse(resource("chat_template/" + name + ".json"));
            String expected = resource("chat_template/" + name + ".txt");
            assertThat(template.render(context)).isEqualTo(expected);
            // And the rendered prompt's special tokens are the single tokens the budget logic looks for.
            int[] ids = model.tokenize(expected, false, true);
            assertThat(ids).contains(Qwen3TestModel.IM_START, Qwen3TestModel.IM_END);
        }));
    }

    private static List<Sample> samples() throws IOException {
        return samples("samples");
    }

    private static List<Sample> samples(String list) throws IOException {
        Map<?, ?> golden = (Map<?, ?>) Json.parse(resource("tokenization.json"));
        List<Sample> samples = new ArrayList<>();
        for (Object entry : (List<?>) golden.get(list)) {
            Map<?, ?> sample = (Map<?, ?>) entry;
            int[] ids = ((List<?>) sample.get("ids")).stream().mapToInt(id -> ((Long) id).intValue()).toArray();
            samples.add(new Sample((String) sample.get("name"), (String) sample.get("text"), ids));
        }
        return samples;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Qwen3TokenizerLlamaTest.class.getResourceAsStream("/qwen3/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource /qwen3/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
