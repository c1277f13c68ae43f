package dev.garden.engine;

import dev.garden.llama.LlamaGrammar;
import dev.garden.llama.LlamaModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compiled grammars, kept for the requests that ask for the same one again (a client sends the same schema or tools
 * with every request): llama.cpp parses a grammar once, and each request gets a copy of it. Least recently used
 * grammars are closed when the cache is full. Thread-safe.
 */
final class GrammarCache implements AutoCloseable {
    /**
     * A grammar as llama.cpp compiles it.
     *
     * @param triggerPatterns for a lazy grammar, the patterns that wake it
     * @param triggerTokens   for a lazy grammar, the tokens that wake it
     */
    record Spec(String gbnf, String root, boolean lazy, List<String> triggerPatterns, List<Integer> triggerTokens) {
        Spec {
            Objects.requireNonNull(gbnf, "gbnf");
            Objects.requireNonNull(root, "root");
            triggerPatterns = List.copyOf(triggerPatterns);
            triggerTokens = List.copyOf(triggerTokens);
        }

        static Spec strict(String gbnf, String root) {
            return new Spec(gbnf, root, false, List.of(), List.of());
        }
    }

    private final LlamaModel model;
    private final Map<Spec, LlamaGrammar> prototypes;
    private boolean closed;

    GrammarCache(LlamaModel model, int capacity) {
        this.model = model;
        this.prototypes = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Spec, LlamaGrammar> eldest) {
                if (size() > capacity) {
                    eldest.getValue().close();
                    return true;
                }
                return false;
            }
        };
    }

    /**
     * A fresh copy of the grammar, in its initial state, that the caller owns and closes.
     *
     * @throws IllegalArgumentException when llama.cpp cannot parse the grammar
     */
    synchronized LlamaGrammar checkout(Spec spec) {
        if (closed) {
            throw new IllegalStateException("the grammar cache is closed");
        }
        LlamaGrammar prototype = prototypes.get(spec);
        if (prototype == null) {
            prototype = spec.lazy()
                    ? LlamaGrammar.compileLazy(model, spec.gbnf(), spec.root(), spec.triggerPatterns(),
                    spec.triggerTokens().stream().mapToInt(Integer::intValue).toArray())
                    : LlamaGrammar.compile(model, spec.gbnf(), spec.root());
            prototypes.put(spec, prototype);
        }
        return prototype.copy();
    }

    @Override
    public synchronized void close() {
        closed = true;
        prototypes.values().forEach(LlamaGrammar::close);
        prototypes.clear();
    }
}
