package dev.garden.models.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FetchConfigTest {

    @Test
    void fromEnvironment_nothingSet_usesThePublicServices() {
        FetchConfig config = FetchConfig.fromEnvironment(Map.of());

        assertThat(config.pipIndex()).hasToString("https://pypi.org/simple");
        assertThat(config.huggingFaceEndpoint()).hasToString("https://huggingface.co");
        assertThat(config.huggingFaceToken()).isEmpty();
        assertThat(config.npmRegistry()).hasToString("https://registry.npmjs.org");
        assertThat(config.llamaLibraryDirectory()).isEmpty();
        assertThat(config).isEqualTo(FetchConfig.defaults());
    }

    @Test
    void fromEnvironment_everythingSet_usesItWithoutTrailingSlashes() {
        FetchConfig config = FetchConfig.fromEnvironment(Map.of(
                "PIP_INDEX_URL", "http://mirror.local/pypi/simple/",
                "HF_ENDPOINT", "https://hf-mirror.local/",
                "HF_TOKEN", "hf_abc",
                "npm_config_registry", "https://npm.local/",
                "NPM_CONFIG_REGISTRY", "https://ignored.local",
                "GARDEN_LLAMA_LIB_DIR", "/opt/llama/lib"));

        assertThat(config.pipIndex()).isEqualTo(URI.create("http://mirror.local/pypi/simple"));
        assertThat(config.huggingFaceEndpoint()).isEqualTo(URI.create("https://hf-mirror.local"));
        assertThat(config.huggingFaceToken()).contains("hf_abc");
        assertThat(config.npmRegistry()).isEqualTo(URI.create("https://npm.local"));
        assertThat(config.llamaLibraryDirectory()).contains(Path.of("/opt/llama/lib"));
    }

    @Test
    void fromEnvironment_upperCaseNpmVariable_isReadToo() {
        assertThat(FetchConfig.fromEnvironment(Map.of("NPM_CONFIG_REGISTRY", "https://npm.local")).npmRegistry())
                .hasToString("https://npm.local");
    }

    @Test
    void fromEnvironment_emptyValues_meanUnset() {
        assertThat(FetchConfig.fromEnvironment(Map.of("HF_TOKEN", " ", "PIP_INDEX_URL", "")))
                .isEqualTo(FetchConfig.defaults());
    }

    @Test
    void fromEnvironment_invalidUrl_namesTheVariableButNotTheValue() {
        assertThatThrownBy(() -> FetchConfig.fromEnvironment(Map.of("PIP_INDEX_URL", "ftp://user:pw@host/x")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("PIP_INDEX_URL must be an http(s) URL")
                .hasMessageNotContaining("pw");
    }

    @Test
    void toString_secrets_areLeftOut() {
        FetchConfig config = FetchConfig.fromEnvironment(Map.of(
                "HF_TOKEN", "hf_secret", "PIP_INDEX_URL", "https://ana:pypi_secret@mirror.local/simple"));

        assertThat(config.toString())
                .doesNotContain("hf_secret")
                .doesNotContain("pypi_secret")
                .contains("https://***@mirror.local/simple");
    }
}
