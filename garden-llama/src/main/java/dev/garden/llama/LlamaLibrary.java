package dev.garden.llama;

import java.io.IOException;
import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BOOLEAN;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * llama.cpp's shared libraries, loaded once per process, and handles on the C functions Garden calls.
 *
 * <p>The prebuilt libraries (npm's {@code @node-llama-cpp/linux-x64}) are built with ggml's dynamic backends: the
 * CPU code comes in one library per instruction-set level ({@code libggml-cpu-haswell.so}, {@code -zen4}, ...).
 * Each exports {@code ggml_backend_score()}, which is 0 when this CPU cannot run it; {@link #load} asks every
 * variant and loads the best, as {@code ggml_backend_load_best} does, but says which one it picked.
 */
public final class LlamaLibrary {
    private static final System.Logger LOG = System.getLogger(LlamaLibrary.class.getName());
    private static final Linker LINKER = Linker.nativeLinker();
    private static final AddressLayout C_STRING = ADDRESS.withTargetLayout(MemoryLayout.sequenceLayout(Long.MAX_VALUE, java.lang.foreign.ValueLayout.JAVA_BYTE));

    private static LlamaLibrary loaded;

    private final Path directory;
    private final String cpuVariant;
    private final String systemInfo;

    // llama.h
    final MethodHandle modelDefaultParams;
    final MethodHandle contextDefaultParams;
    final MethodHandle samplerChainDefaultParams;
    final MethodHandle modelLoadFromFile;
    final MethodHandle modelFree;
    final MethodHandle initFromModel;
    final MethodHandle free;
    final MethodHandle modelGetVocab;
    final MethodHandle modelNCtxTrain;
    final MethodHandle modelChatTemplate;
    final MethodHandle modelMetaValStr;
    final MethodHandle modelDesc;
    final MethodHandle modelSize;
    final MethodHandle modelNParams;
    final MethodHandle vocabNTokens;
    final MethodHandle vocabBos;
    final MethodHandle vocabEos;
    final MethodHandle vocabEot;
    final MethodHandle vocabGetAddBos;
    final MethodHandle vocabGetText;
    final MethodHandle vocabIsEog;
    final MethodHandle tokenize;
    final MethodHandle tokenToPiece;
    final MethodHandle nCtx;
    final MethodHandle nCtxSeq;
    final MethodHandle nBatch;
    final MethodHandle nSeqMax;
    final MethodHandle getMemory;
    final MethodHandle memorySeqRm;
    final MethodHandle memoryClear;
    final MethodHandle decode;
    final MethodHandle samplerChainInit;
    final MethodHandle samplerChainAdd;
    final MethodHandle samplerInitGreedy;
    final MethodHandle samplerInitDist;
    final MethodHandle samplerInitTopP;
    final MethodHandle samplerInitTemp;
    final MethodHandle samplerInitPenalties;
    final MethodHandle samplerSample;
    final MethodHandle samplerFree;
    final MethodHandle getLogitsIth;
    final MethodHandle attachThreadpool;
    final MethodHandle samplerInitGrammar;
    final MethodHandle samplerInitGrammarLazyPatterns;
    final MethodHandle samplerApply;
    final MethodHandle samplerAccept;
    final MethodHandle samplerClone;
    final MethodHandle samplerReset;
    final MethodHandle threadpoolParamsInit;
    final MethodHandle threadpoolNew;
    final MethodHandle threadpoolFree;

    private LlamaLibrary(Path directory, String cpuVariant, SymbolLookup llama, SymbolLookup ggml,
                         SymbolLookup ggmlBase) throws Throwable {
        this.directory = directory;
        this.cpuVariant = cpuVariant;
        modelDefaultParams = bind(llama, "llama_model_default_params", FunctionDescriptor.of(LlamaLayouts.MODEL_PARAMS));
        contextDefaultParams = bind(llama, "llama_context_default_params", FunctionDescriptor.of(LlamaLayouts.CONTEXT_PARAMS));
        samplerChainDefaultParams = bind(llama, "llama_sampler_chain_default_params", FunctionDescriptor.of(LlamaLayouts.SAMPLER_CHAIN_PARAMS));
        modelLoadFromFile = bind(llama, "llama_model_load_from_file", FunctionDescriptor.of(ADDRESS, ADDRESS, LlamaLayouts.MODEL_PARAMS));
        modelFree = bind(llama, "llama_model_free", FunctionDescriptor.ofVoid(ADDRESS));
        initFromModel = bind(llama, "llama_init_from_model", FunctionDescriptor.of(ADDRESS, ADDRESS, LlamaLayouts.CONTEXT_PARAMS));
        free = bind(llama, "llama_free", FunctionDescriptor.ofVoid(ADDRESS));
        modelGetVocab = bind(llama, "llama_model_get_vocab", FunctionDescriptor.of(ADDRESS, ADDRESS));
        modelNCtxTrain = bind(llama, "llama_model_n_ctx_train", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        modelChatTemplate = bind(llama, "llama_model_chat_template", FunctionDescriptor.of(C_STRING, ADDRESS, ADDRESS));
        modelMetaValStr = bind(llama, "llama_model_meta_val_str", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
        modelDesc = bind(llama, "llama_model_desc", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
        modelSize = bind(llama, "llama_model_size", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        modelNParams = bind(llama, "llama_model_n_params", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        vocabNTokens = bind(llama, "llama_vocab_n_tokens", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        vocabBos = bind(llama, "llama_vocab_bos", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        vocabEos = bind(llama, "llama_vocab_eos", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        vocabEot = bind(llama, "llama_vocab_eot", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        vocabGetAddBos = bind(llama, "llama_vocab_get_add_bos", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS));
        vocabGetText = bind(llama, "llama_vocab_get_text", FunctionDescriptor.of(C_STRING, ADDRESS, JAVA_INT));
        vocabIsEog = bind(llama, "llama_vocab_is_eog", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT));
        tokenize = bind(llama, "llama_tokenize", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_BOOLEAN, JAVA_BOOLEAN));
        tokenToPiece = bind(llama, "llama_token_to_piece", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, JAVA_BOOLEAN));
        nCtx = bind(llama, "llama_n_ctx", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        nCtxSeq = bind(llama, "llama_n_ctx_seq", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        nBatch = bind(llama, "llama_n_batch", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        nSeqMax = bind(llama, "llama_n_seq_max", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        getMemory = bind(llama, "llama_get_memory", FunctionDescriptor.of(ADDRESS, ADDRESS));
        memorySeqRm = bind(llama, "llama_memory_seq_rm", FunctionDescriptor.of(JAVA_BOOLEAN, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT));
        memoryClear = bind(llama, "llama_memory_clear", FunctionDescriptor.ofVoid(ADDRESS, JAVA_BOOLEAN));
        decode = bind(llama, "llama_decode", FunctionDescriptor.of(JAVA_INT, ADDRESS, LlamaLayouts.BATCH));
        samplerChainInit = bind(llama, "llama_sampler_chain_init", FunctionDescriptor.of(ADDRESS, LlamaLayouts.SAMPLER_CHAIN_PARAMS));
        samplerChainAdd = bind(llama, "llama_sampler_chain_add", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        samplerInitGreedy = bind(llama, "llama_sampler_init_greedy", FunctionDescriptor.of(ADDRESS));
        samplerInitDist = bind(llama, "llama_sampler_init_dist", FunctionDescriptor.of(ADDRESS, JAVA_INT));
        samplerInitTopP = bind(llama, "llama_sampler_init_top_p", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT, JAVA_LONG));
        samplerInitTemp = bind(llama, "llama_sampler_init_temp", FunctionDescriptor.of(ADDRESS, JAVA_FLOAT));
        samplerInitPenalties = bind(llama, "llama_sampler_init_penalties", FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_INT, JAVA_FLOAT, JAVA_FLOAT, JAVA_FLOAT));
        samplerSample = bind(llama, "llama_sampler_sample", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_INT));
        samplerFree = bind(llama, "llama_sampler_free", FunctionDescriptor.ofVoid(ADDRESS));
        getLogitsIth = bind(llama, "llama_get_logits_ith", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT));
        attachThreadpool = bind(llama, "llama_attach_threadpool", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS));
        samplerInitGrammar = bind(llama, "llama_sampler_init_grammar",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        samplerInitGrammarLazyPatterns = bind(llama, "llama_sampler_init_grammar_lazy_patterns",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG));
        samplerApply = bind(llama, "llama_sampler_apply", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS));
        samplerAccept = bind(llama, "llama_sampler_accept", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        samplerClone = bind(llama, "llama_sampler_clone", FunctionDescriptor.of(ADDRESS, ADDRESS));
        samplerReset = bind(llama, "llama_sampler_reset", FunctionDescriptor.ofVoid(ADDRESS));
        threadpoolParamsInit = bind(ggmlBase, "ggml_threadpool_params_init", FunctionDescriptor.ofVoid(ADDRESS, JAVA_INT));
        // The thread pool lives in the CPU backend, which may be a dynamically loaded variant: ask its registry.
        MethodHandle regByName = bind(ggml, "ggml_backend_reg_by_name", FunctionDescriptor.of(ADDRESS, ADDRESS));
        MethodHandle procAddress = bind(ggml, "ggml_backend_reg_get_proc_address",
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment cpu = (MemorySegment) regByName.invokeExact(arena.allocateFrom("CPU"));
            if (cpu.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("ggml has no CPU backend registered");
            }
            threadpoolNew = LINKER.downcallHandle(
                    procedure(procAddress, cpu, arena, "ggml_threadpool_new"), FunctionDescriptor.of(ADDRESS, ADDRESS));
            threadpoolFree = LINKER.downcallHandle(
                    procedure(procAddress, cpu, arena, "ggml_threadpool_free"), FunctionDescriptor.ofVoid(ADDRESS));
        }

        bind(llama, "llama_backend_init", FunctionDescriptor.ofVoid()).invokeExact();
        MemorySegment info = (MemorySegment) bind(llama, "llama_print_system_info", FunctionDescriptor.of(C_STRING)).invokeExact();
        systemInfo = info.getString(0).strip();
    }

    /**
     * Loads llama.cpp from a directory of its shared libraries, once per process; later calls return the same
     * library (and fail if they name another directory, since a process can hold only one llama.cpp).
     *
     * @param directory   holds {@code libllama*.so}, {@code libggml*.so} and the {@code libggml-cpu-*.so} variants
     * @param cpuOverride a variant to use instead of the best one ({@code haswell}, {@code x64}, ...), if not empty
     * @throws IllegalStateException when the libraries cannot be loaded
     */
    public static synchronized LlamaLibrary load(Path directory, Optional<String> cpuOverride) {
        Path dir = directory.toAbsolutePath().normalize();
        if (loaded != null) {
            if (!loaded.directory.equals(dir)) {
                throw new IllegalStateException("llama.cpp is already loaded from " + loaded.directory
                        + "; cannot load a second copy from " + dir);
            }
            return loaded;
        }
        try {
            Path llamaPath = findOne(dir, "libllama.");
            Path ggmlPath = findOne(dir, "libggml.");
            Path ggmlBasePath = findOne(dir, "libggml-base.");
            Arena global = Arena.global();
            SymbolLookup ggmlBase = SymbolLookup.libraryLookup(ggmlBasePath, global);
            SymbolLookup ggml = SymbolLookup.libraryLookup(ggmlPath, global);
            SymbolLookup llama = SymbolLookup.libraryLookup(llamaPath, global);
            LlamaLog.install(llama);

            String cpu;
            List<CpuVariant> variants = CpuVariant.score(dir);
            if (variants.isEmpty()) {
                // A build without dynamic backends (GGML_BACKEND_DL off, e.g. a native build for this CPU):
                // its CPU backend is linked into libggml and registered when the library loads.
                MethodHandle registered = bind(ggml, "ggml_backend_reg_count", FunctionDescriptor.of(JAVA_LONG));
                if ((long) registered.invokeExact() == 0) {
                    throw new IllegalStateException(dir + " has no libggml-cpu-*.so and its libggml has no"
                            + " backend built in");
                }
                if (cpuOverride.isPresent()) {
                    throw new IllegalStateException("the llama.cpp build in " + dir
                            + " has its CPU backend built in; there is no variant to choose");
                }
                cpu = "built-in";
            } else {
                CpuVariant variant = CpuVariant.choose(variants, dir, cpuOverride);
                MethodHandle backendLoad = bind(ggml, "ggml_backend_load", FunctionDescriptor.of(ADDRESS, ADDRESS));
                try (Arena arena = Arena.ofConfined()) {
                    MemorySegment reg = (MemorySegment) backendLoad.invokeExact(
                            arena.allocateFrom(variant.path().toString()));
                    if (reg.equals(MemorySegment.NULL)) {
                        throw new IllegalStateException("ggml could not load the CPU backend " + variant.path());
                    }
                }
                cpu = variant.name() + " (score " + variant.score() + ")";
            }
            loaded = new LlamaLibrary(dir, cpu, llama, ggml, ggmlBase);
            LOG.log(System.Logger.Level.INFO, "llama.cpp loaded from {0}; CPU backend {1}; {2}", dir, cpu,
                    loaded.systemInfo);
            return loaded;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load llama.cpp from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The directory the libraries came from. */
    public Path directory() {
        return directory;
    }

    /** The CPU variant in use, e.g. {@code zen4 (score 1984)}, or {@code built-in} for a single-CPU build. */
    public String cpuVariant() {
        return cpuVariant;
    }

    /** llama.cpp's own summary of the CPU features it uses. */
    public String systemInfo() {
        return systemInfo;
    }

    private static MemorySegment procedure(MethodHandle procAddress, MemorySegment registry, Arena arena, String name)
            throws Throwable {
        MemorySegment address = (MemorySegment) procAddress.invokeExact(registry, arena.allocateFrom(name));
        if (address.equals(MemorySegment.NULL)) {
            throw new IllegalStateException("ggml's CPU backend does not export " + name);
        }
        return address;
    }

    static MethodHandle bind(SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = lookup.find(name)
                .orElseThrow(() -> new IllegalStateException("llama.cpp has no symbol " + name
                        + ": the library does not match the version Garden was built for"));
        return LINKER.downcallHandle(symbol, descriptor);
    }

    static Linker linker() {
        return LINKER;
    }

    private static Path findOne(Path dir, String prefix) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".so"))
                    .forEach(found::add);
        }
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + prefix + "*.so in " + dir + ", found " + found);
        }
        return Objects.requireNonNull(found.getFirst());
    }
}
