package dev.garden.gguf;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a {@link SyntheticModel} from the command line, for benchmark scripts:
 *
 * <pre>
 * java -jar garden-gguf/target/garden-gguf.jar --preset llama-450m-f16 \
 *     --tokenizer-from SmolLM2-135M-Instruct.Q4_1.gguf --out /tmp/llama-450m-f16.gguf
 * </pre>
 *
 * <p>Prints the written file's absolute path, alone, on standard output, and what was written and how long it took
 * on standard error. Exits 0 on success, 2 on a usage error, 1 when reading or writing fails.
 */
public final class SyntheticModelTool {
    private static final String USAGE = """
            usage: SyntheticModelTool --preset NAME --out FILE [--tokenizer-from FILE] [options]
              --preset NAME               %s
              --out FILE                  the GGUF file to write (replaced atomically if it exists)
              --tokenizer-from FILE       copy every tokenizer.* key (and the chat template) from this GGUF;
                                          without it the model has llama.cpp's "none" vocabulary
              --tokenizer-hf DIR          or convert the Hugging Face tokenizer in DIR (tokenizer.json,
                                          tokenizer_config.json): byte-level BPE such as Qwen3's or Llama 3's
              --seed N                    seed of the random weights (default 42)
              --weights TYPE              f32, f16, bf16 or q8_0 (default: the preset's)
              --embedding-length N, --block-count N, --feed-forward-length N, --head-count N,
              --head-count-kv N, --context-length N, --vocab-size N (without a tokenizer)
                                          override the preset
              --tied, --untied            reuse token_embd as the output projection, or write output.weight
              --describe                  print the model's description and write nothing
            """;

    private SyntheticModelTool() {
    }

    /** Runs the tool and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool: the exit status, 0 on success. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String usage = USAGE.formatted(String.join(" or ", SyntheticModel.presetNames()));
        SyntheticModel.Builder builder = null;
        Path output = null;
        Path tokenizer = null;
        Path huggingFaceTokenizer = null;
        boolean describeOnly = false;
        try {
            // The preset first, wherever it is, so that the other options override it.
            for (int i = 0; i + 1 < args.length; i++) {
                if (args[i].equals("--preset")) {
                    builder = SyntheticModel.preset(args[i + 1]);
                }
            }
            if (builder == null) {
                throw new IllegalArgumentException("--preset is required");
            }
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--tied" -> builder.tiedEmbeddings(true);
                    case "--untied" -> builder.tiedEmbeddings(false);
                    case "--describe" -> describeOnly = true;
                    case "-h", "--help" -> {
                        out.print(usage);
                        return 0;
                    }
                    default -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException("unknown option or missing value: " + option);
                        }
                        String value = args[++i];
                        switch (option) {
                            case "--preset" -> { }
                            case "--out" -> output = Path.of(value);
                            case "--tokenizer-from" -> tokenizer = Path.of(value);
                            case "--tokenizer-hf" -> huggingFaceTokenizer = Path.of(value);
                            case "--seed" -> builder.seed(Long.parseLong(value));
                            case "--weights" -> builder.weightType(GgmlType.valueOf(value.toUpperCase(Locale.ROOT)));
                            case "--embedding-length" -> builder.embeddingLength(Integer.parseInt(value));
                            case "--block-count" -> builder.blockCount(Integer.parseInt(value));
                            case "--feed-forward-length" -> builder.feedForwardLength(Integer.parseInt(value));
                            case "--head-count" -> builder.headCount(Integer.parseInt(value));
                            case "--head-count-kv" -> builder.headCountKv(Integer.parseInt(value));
                            case "--context-length" -> builder.contextLength(Integer.parseInt(value));
                            case "--vocab-size" -> builder.vocabularySize(Integer.parseInt(value));
                            default -> throw new IllegalArgumentException("unknown option " + option);
                        }
                    }
                }
            }
            if (output == null && !describeOnly) {
                throw new IllegalArgumentException("--out is required");
            }
            if (tokenizer != null && huggingFaceTokenizer != null) {
                throw new IllegalArgumentException("--tokenizer-from and --tokenizer-hf exclude each other");
            }
        } catch (IllegalArgumentException e) {
            // NumberFormatException is one too.
            err.println("SyntheticModelTool: " + e.getMessage());
            err.print(usage);
            return 2;
        }

        try {
            if (tokenizer != null) {
                builder.tokenizerFrom(GgufFile.read(tokenizer));
            } else if (huggingFaceTokenizer != null) {
                builder.tokenizer(HuggingFaceTokenizer.read(huggingFaceTokenizer).ggufMetadata());
            }
            SyntheticModel model = builder.build();
            err.println(model.describe());
            if (describeOnly) {
                return 0;
            }
            long start = System.nanoTime();
            model.write(output);
            double seconds = (System.nanoTime() - start) / 1e9;
            err.printf(Locale.ROOT, "wrote %s: %d bytes in %.1f s%n", output, Files.size(output), seconds);
            out.println(output.toAbsolutePath());
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            // IllegalStateException: a Hugging Face tokenizer whose pre-tokenizer Garden does not recognize.
            err.println("SyntheticModelTool: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("SyntheticModelTool: " + e.getMessage());
            return 1;
        }
    }
}
