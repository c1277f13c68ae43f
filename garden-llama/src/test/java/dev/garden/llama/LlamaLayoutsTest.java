package dev.garden.llama;

import dev.garden.llama.testing.NativeFixtures;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads llama.cpp's own default parameters through Garden's struct layouts. If llama.h gains, loses or moves a
 * field, the defaults land in the wrong places and this fails, instead of the engine silently passing garbage.
 */
class LlamaLayoutsTest {

    @Test
    void contextDefaults_readThroughLayout_landInTheRightFields() throws Throwable {
        LlamaLibrary lib = NativeFixtures.library();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) lib.contextDefaultParams.invokeExact((SegmentAllocator) arena);
            assertThat(params.byteSize()).isEqualTo(LlamaLayouts.CONTEXT_PARAMS.byteSize()).isEqualTo(160);
            assertThat(intField(params, "n_ctx")).isEqualTo(512);
            assertThat(intField(params, "n_batch")).isEqualTo(2048);
            assertThat(intField(params, "n_ubatch")).isEqualTo(512);
            assertThat(intField(params, "n_seq_max")).isEqualTo(1);
            assertThat(intField(params, "n_rs_seq")).isZero();
            assertThat(intField(params, "n_outputs_max_per_seq")).isEqualTo(1);
            assertThat(intField(params, "flash_attn_type")).isEqualTo(-1);
            assertThat((float) LlamaLayouts.field(LlamaLayouts.CONTEXT_PARAMS, "yarn_ext_factor").get(params, 0L))
                    .isEqualTo(-1.0f);
            assertThat((float) LlamaLayouts.field(LlamaLayouts.CONTEXT_PARAMS, "defrag_thold").get(params, 0L))
                    .isEqualTo(-1.0f);
            assertThat(intField(params, "type_k")).isEqualTo(1); // GGML_TYPE_F16
            assertThat(intField(params, "type_v")).isEqualTo(1);
            assertThat(boolField(params, "embeddings")).isFalse();
            assertThat(boolField(params, "offload_kqv")).isTrue();
            assertThat(boolField(params, "no_perf")).isTrue();
            assertThat(boolField(params, "op_offload")).isTrue();
            assertThat(boolField(params, "swa_full")).isTrue();
            assertThat(boolField(params, "kv_unified")).isFalse();
            assertThat((long) LlamaLayouts.field(LlamaLayouts.CONTEXT_PARAMS, "n_samplers").get(params, 0L)).isZero();
        }
    }

    @Test
    void modelDefaults_readThroughLayout_landInTheRightFields() throws Throwable {
        LlamaLibrary lib = NativeFixtures.library();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = (MemorySegment) lib.modelDefaultParams.invokeExact((SegmentAllocator) arena);
            assertThat(params.byteSize()).isEqualTo(LlamaLayouts.MODEL_PARAMS.byteSize()).isEqualTo(80);
            assertThat((int) LlamaLayouts.field(LlamaLayouts.MODEL_PARAMS, "n_gpu_layers").get(params, 0L)).isEqualTo(-1);
            assertThat((int) LlamaLayouts.field(LlamaLayouts.MODEL_PARAMS, "split_mode").get(params, 0L)).isEqualTo(1);
            assertThat((int) LlamaLayouts.field(LlamaLayouts.MODEL_PARAMS, "load_mode").get(params, 0L)).isEqualTo(-1);
            assertThat((int) LlamaLayouts.field(LlamaLayouts.MODEL_PARAMS, "lazy_mode").get(params, 0L)).isEqualTo(1);
            assertThat((boolean) LlamaLayouts.field(LlamaLayouts.MODEL_PARAMS, "vocab_only").get(params, 0L)).isFalse();
            assertThat((boolean) LlamaLayouts.field(LlamaLayouts.MODEL_PARAMS, "use_extra_bufts").get(params, 0L)).isTrue();
            assertThat((boolean) LlamaLayouts.field(LlamaLayouts.MODEL_PARAMS, "load_mtp").get(params, 0L)).isFalse();
        }
    }

    private static int intField(MemorySegment params, String name) {
        return (int) LlamaLayouts.field(LlamaLayouts.CONTEXT_PARAMS, name).get(params, 0L);
    }

    private static boolean boolField(MemorySegment params, String name) {
        return (boolean) LlamaLayouts.field(LlamaLayouts.CONTEXT_PARAMS, name).get(params, 0L);
    }
}
