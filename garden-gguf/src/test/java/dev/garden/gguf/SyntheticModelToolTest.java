package dev.garden.gguf;

import dev.garden.gguf.testing.Qwen3TestModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line that benchmark scripts call. */
class SyntheticModelToolTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SyntheticModelTool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_presetWithTokenizer_writesTheFileAndPrintsItsPathAlone() throws IOException {
        Path file = dir.resolve("tiny.gguf");
        int status = run("--preset", "llama-tiny-f32", "--tokenizer-from", TestModels.stories260K().toString(),
                "--out", file.toString(), "--seed", "7", "--weights", "f16", "--block-count", "3");

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(file.toAbsolutePath() + System.lineSeparator());
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("vocabulary 512", "seed 7", "wrote");
        GgufFile written = GgufFile.read(file);
        assertThat(written.metadata().get("llama.block_count")).isEqualTo(GgufValue.uint32(3));
        assertThat(written.tensor("blk.0.attn_q.weight").orElseThrow().type()).isEqualTo(GgmlType.F16);
        assertThat(written.metadata().get("tokenizer.ggml.tokens").asArray().size()).isEqualTo(512);
    }

    @Test
    void run_huggingFaceTokenizer_convertsIt() throws IOException {
        Path file = dir.resolve("qwen3.gguf");
        Path qwen3 = Qwen3TestModel.tokenizerDirectory(TestModels.testCache());
        int status = run("--preset", "llama-tiny-f32", "--tokenizer-hf", qwen3.toString(), "--out", file.toString(),
                "--weights", "q8_0");

        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("vocabulary 151669 (gpt2 tokenizer)");
        GgufFile written = GgufFile.read(file);
        assertThat(written.metadata().get("tokenizer.ggml.pre")).isEqualTo(GgufValue.string("qwen2"));
        assertThat(written.metadata().get("tokenizer.ggml.eos_token_id"))
                .isEqualTo(GgufValue.uint32(Qwen3TestModel.IM_END));
        assertThat(run("--preset", "llama-tiny-f32", "--tokenizer-hf", qwen3.toString(), "--tokenizer-from",
                file.toString(), "--out", file.toString())).isEqualTo(2);
    }

    @Test
    void run_describe_writesNothing() {
        int status = run("--preset", "llama-450m-f16", "--vocab-size", "49152", "--describe");
        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("453.0M parameters");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void run_withoutPresetOrOut_isAUsageError() {
        assertThat(run("--out", dir.resolve("x.gguf").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--preset is required", "usage:");
        assertThat(run("--preset", "llama-tiny-f32")).isEqualTo(2);
        assertThat(run("--preset", "nope", "--out", "x.gguf")).isEqualTo(2);
        assertThat(run("--preset", "llama-tiny-f32", "--out", "x.gguf", "--seed", "many")).isEqualTo(2);
        assertThat(run("--preset", "llama-tiny-f32", "--out", "x.gguf", "--bogus", "1")).isEqualTo(2);
        assertThat(run("--preset", "llama-tiny-f32", "--out", "x.gguf", "--head-count", "5")).isEqualTo(2);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void run_tokenizerFromMissingFile_failsWithStatus1() {
        assertThat(run("--preset", "llama-tiny-f32", "--tokenizer-from", dir.resolve("missing.gguf").toString(),
                "--out", dir.resolve("x.gguf").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.gguf");
    }
}
