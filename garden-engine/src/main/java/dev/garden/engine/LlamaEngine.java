package dev.garden.engine;

import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import dev.garden.core.inference.FinishReason;
import dev.garden.llama.LlamaBatch;
import dev.garden.llama.LlamaContext;
import dev.garden.llama.LlamaGrammar;
import dev.garden.llama.LlamaModel;
import dev.garden.llama.LlamaSampler;
import dev.garden.llama.TokenPieces;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs one model for many requests at once by continuous batching: every step, one {@code llama_decode} takes the
 * next token of every decoding sequence plus a chunk of any prompt still being read, and each sequence samples
 * its next token with its own sampler chain.
 *
 * <p>One platform thread owns the llama.cpp context and does all the work; callers hand requests over with
 * {@link #submit} and get tokens back through their {@link TokenListener} on that thread. Requests beyond the
 * free slots wait in a bounded queue; beyond the bound, {@code submit} refuses with {@code RESOURCE_EXHAUSTED}.
 */
public final class LlamaEngine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LlamaEngine.class.getName());

    private final LlamaModel model;
    private final EngineOptions options;
    private final LlamaContext context;
    private final LlamaBatch batch;
    private final TokenPieces pieces;
    /** Special tokens shown as their text rather than as nothing: the markers a chat format's parser reads. */
    private final Map<Integer, byte[]> textTokens;
    private final int contextPerSlot;
    private final Thread thread;
    private final EngineStats stats = new EngineStats();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    // Guarded by lock: the hand-over from callers to the engine thread.
    private final ArrayDeque<Sequence> waiting = new ArrayDeque<>();
    private int freeSlots;
    // Requests that found no free slot when they arrived and have not got one yet: the bounded queue.
    private int queuedRequests;
    private boolean closing;
    private boolean signalled;
    private final SplittableRandom seeds;

    // Engine thread only.
    private final Sequence[] slots;
    private final List<Sequence> active = new ArrayList<>();

    private LlamaEngine(LlamaModel model, EngineOptions options, long randomSeed, Set<Integer> textTokens) {
        this.model = model;
        Map<Integer, byte[]> texts = new HashMap<>();
        for (int token : textTokens) {
            texts.put(token, model.tokenText(token).getBytes(StandardCharsets.UTF_8));
        }
        this.textTokens = Map.copyOf(texts);
        this.options = options;
        this.context = LlamaContext.create(model, new LlamaContext.Config(options.slots(),
                options.contextPerSlot(), options.batchSize(), options.threads()));
        this.contextPerSlot = context.contextPerSequence();
        this.batch = new LlamaBatch(context.batchCapacity());
        this.pieces = new TokenPieces(model);
        this.slots = new Sequence[options.slots()];
        this.freeSlots = options.slots();
        this.seeds = new SplittableRandom(randomSeed);
        warmUp();
        this.thread = Thread.ofPlatform().name("garden-engine").daemon(true).unstarted(this::run);
    }

    /**
     * Creates the context and starts the engine thread.
     *
     * @param model   a loaded model; the engine does not close it
     * @param options sizes and limits
     */
    public static LlamaEngine start(LlamaModel model, EngineOptions options) {
        return start(model, options, System.nanoTime());
    }

    /** As {@link #start(LlamaModel, EngineOptions)}, with the source of seeds for unseeded requests fixed. */
    public static LlamaEngine start(LlamaModel model, EngineOptions options, long randomSeed) {
        return start(model, options, randomSeed, Set.of());
    }

    /**
     * As {@link #start(LlamaModel, EngineOptions, long)}, showing some special tokens as their text.
     *
     * @param textTokens special tokens whose text listeners must see (llama.cpp's {@code preserved_tokens}: a chat
     *                   format's tool-call and thought markers), where control tokens otherwise show nothing
     */
    public static LlamaEngine start(LlamaModel model, EngineOptions options, long randomSeed,
                                    Set<Integer> textTokens) {
        LlamaEngine engine = new LlamaEngine(model, options, randomSeed, textTokens);
        engine.thread.start();
        return engine;
    }

    /** The model this engine runs. */
    public LlamaModel model() {
        return model;
    }

    /** Tokens one sequence may hold, prompt and completion together. */
    public int contextPerSlot() {
        return contextPerSlot;
    }

    /** The options the engine was started with. */
    public EngineOptions options() {
        return options;
    }

    /** Counters of the work done so far. */
    public EngineStats stats() {
        return stats;
    }

    /**
     * Queues a request. The listener hears about it on the engine thread.
     *
     * @throws GardenException {@code INVALID_ARGUMENT} when the prompt does not fit the context,
     *                         {@code RESOURCE_EXHAUSTED} when the queue is full, {@code UNAVAILABLE} after close
     */
    public EngineJob submit(EngineRequest request, TokenListener listener) {
        if (request.prompt().length >= contextPerSlot) {
            throw GardenException.invalidArgument("The input token count (" + request.prompt().length
                    + ") exceeds the maximum number of tokens allowed (" + (contextPerSlot - 1) + ").");
        }
        Job job = new Job(request, listener);
        lock.lock();
        try {
            if (closing) {
                throw GardenException.of(ErrorKind.UNAVAILABLE, "The model is shutting down.");
            }
            boolean mustWait = waiting.size() + request.choices() > freeSlots;
            if (mustWait && queuedRequests >= options.maxQueuedRequests()) {
                stats.rejected.increment();
                throw GardenException.resourceExhausted("The model is at capacity (" + options.slots()
                        + " sequences decoding, " + queuedRequests + " requests waiting). Retry later.",
                        options.retryAfter());
            }
            if (mustWait) {
                job.queued = true;
                queuedRequests++;
            }
            for (int choice = 0; choice < request.choices(); choice++) {
                waiting.add(new Sequence(job, choice, samplerSettings(request, choice)));
            }
            signal();
        } finally {
            lock.unlock();
        }
        return job;
    }

    private LlamaSampler.Settings samplerSettings(EngineRequest request, int choice) {
        var sampling = request.sampling();
        int seed = sampling.seed().isPresent()
                ? foldSeed(sampling.seed().getAsLong()) + choice
                : seeds.nextInt();
        return new LlamaSampler.Settings((float) sampling.temperature(), (float) sampling.topP(), seed,
                (float) sampling.presencePenalty(), (float) sampling.frequencyPenalty(), contextPerSlot);
    }

    /** llama.cpp seeds are 32 bits; fold a 64-bit seed so that its high bits still matter. */
    static int foldSeed(long seed) {
        return (int) (seed ^ (seed >>> 32));
    }

    private void signal() {
        signalled = true;
        wake.signal();
    }

    private void wakeEngine() {
        lock.lock();
        try {
            signal();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the engine: requests under way end with {@code UNAVAILABLE}, then the context is freed. */
    @Override
    public void close() {
        lock.lock();
        try {
            closing = true;
            signal();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- engine thread

    private void warmUp() {
        // The first decode allocates compute buffers and touches the weights; do it before the first request
        // (as llama.cpp's tools do) so its cost does not land on a client's time to first token.
        int token = model.bosToken() >= 0 ? model.bosToken() : 0;
        batch.clear();
        batch.add(token, 0, 0, true);
        context.decode(batch);
        context.clearAll();
        batch.clear();
    }

    private void run() {
        try {
            while (true) {
                lock.lock();
                try {
                    while (!closing && !signalled && active.isEmpty()) {
                        wake.await();
                    }
                    signalled = false;
                    if (closing) {
                        break;
                    }
                    dropCancelledWaiting();
                    admit();
                } finally {
                    lock.unlock();
                }
                dropCancelledActive();
                if (!active.isEmpty()) {
                    step();
                }
            }
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "the engine thread failed", e);
        } finally {
            shutDown();
        }
    }

    /** Moves waiting sequences into free slots, oldest first. Holds the lock. */
    private void admit() {
        while (!waiting.isEmpty() && freeSlots > 0) {
            Sequence sequence = waiting.poll();
            int slot = 0;
            while (slots[slot] != null) {
                slot++;
            }
            slots[slot] = sequence;
            freeSlots--;
            sequence.slot = slot;
            sequence.sampler = LlamaSampler.create(model, sequence.settings);
            sequence.grammar = sequence.job.request.grammar().map(LlamaGrammar::copy).orElse(null);
            active.add(sequence);
            leaveQueue(sequence.job);
        }
    }

    /** A queued request got its first slot or left. Holds the lock. */
    private void leaveQueue(Job job) {
        if (job.queued) {
            job.queued = false;
            queuedRequests--;
        }
    }

    /** Holds the lock. */
    private void dropCancelledWaiting() {
        for (Iterator<Sequence> it = waiting.iterator(); it.hasNext(); ) {
            Sequence sequence = it.next();
            if (sequence.job.cancelled) {
                it.remove();
                sequence.job.unfinished--;
                leaveQueue(sequence.job);
                sequence.job.reportCancelledIfDone();
            }
        }
    }

    private void dropCancelledActive() {
        for (Iterator<Sequence> it = active.iterator(); it.hasNext(); ) {
            Sequence sequence = it.next();
            if (sequence.job.cancelled) {
                it.remove();
                release(sequence);
                sequence.job.unfinished--;
                sequence.job.reportCancelledIfDone();
            }
        }
    }

    private void step() {
        batch.clear();
        // Decoding sequences first, one token each, so streams keep flowing while prompts are read.
        for (Sequence sequence : active) {
            if (sequence.decoding) {
                sequence.outputIndex = batch.add(sequence.lastToken, sequence.position, sequence.slot, true);
                sequence.inBatch = 1;
            } else {
                sequence.inBatch = 0;
            }
        }
        for (Sequence sequence : active) {
            if (sequence.decoding || batch.remaining() == 0) {
                continue;
            }
            int[] prompt = sequence.job.request.prompt();
            int take = Math.min(batch.remaining(), prompt.length - sequence.position);
            for (int i = 0; i < take; i++) {
                int position = sequence.position + i;
                boolean last = position == prompt.length - 1;
                int index = batch.add(prompt[position], position, sequence.slot, last);
                if (last) {
                    sequence.outputIndex = index;
                }
            }
            sequence.inBatch = take;
        }

        long started = System.nanoTime();
        int status = context.decode(batch);
        long decoded = System.nanoTime();
        stats.recordDecode(batch.size(), decoded - started);
        if (status != 0) {
            failBatch(status);
            return;
        }

        List<Sequence> finished = new ArrayList<>();
        for (Sequence sequence : active) {
            sequence.position += sequence.inBatch;
            if (sequence.outputIndex < 0) {
                continue;
            }
            int token;
            try {
                Integer forced = sequence.forced.poll();
                boolean constrained = sequence.grammar != null
                        && !(sequence.thinking && sequence.job.request.grammarWaitsForThoughts());
                if (forced != null) {
                    // Closing a thought at its budget: the model's own choice is overruled. A grammar that covers
                    // the thought follows along; one that does not allow the token never sees it.
                    token = forced;
                    if (constrained && sequence.grammar.allows(token)) {
                        sequence.grammar.accept(token);
                    }
                } else if (!constrained) {
                    token = context.sample(sequence.sampler, sequence.outputIndex);
                } else {
                    token = context.sample(sequence.sampler, sequence.grammar, sequence.outputIndex);
                }
            } catch (IllegalStateException e) {
                // A grammar with no way forward: a bug in the grammar, not the client's fault.
                LOG.log(System.Logger.Level.ERROR, "sampling failed", e);
                sequence.outputIndex = -1;
                sequence.failed = true;
                finished.add(sequence);
                continue;
            }
            sequence.outputIndex = -1;
            sequence.decoding = true;
            if (accept(sequence, token)) {
                finished.add(sequence);
            }
        }
        for (Sequence sequence : finished) {
            active.remove(sequence);
            release(sequence);
            if (sequence.failed) {
                sequence.job.unfinished--;
                sequence.job.fail(GardenException.internal("The model's output constraint reached a dead end.",
                        null));
            } else {
                sequence.job.finishOne();
            }
        }
        stats.recordStep(System.nanoTime() - decoded);
    }

    /** Handles a sampled token; returns whether the sequence is done. */
    private boolean accept(Sequence sequence, int token) {
        Job job = sequence.job;
        sequence.generated++;
        job.completionTokens++;
        stats.tokensGenerated.increment();
        job.request.thoughts().ifPresent(limit -> countThought(sequence, limit, token));
        if (!job.request.ignoreEndOfGeneration() && model.isEndOfGeneration(token)) {
            emit(sequence, token, sequence.utf8.finish() + sequence.stops.flush());
            job.finish(sequence.choice, FinishReason.STOP);
            return true;
        }
        byte[] piece = textTokens.get(token);
        if (piece == null) {
            piece = pieces.read(token);
        }
        String text = sequence.utf8.decode(piece, piece.length);
        StopMatcher.Result result = sequence.stops.push(text);
        if (result.stopped()) {
            emit(sequence, token, result.released());
            job.finish(sequence.choice, FinishReason.STOP);
            return true;
        }
        boolean outOfRoom = sequence.generated >= job.request.maxTokens() || sequence.position >= contextPerSlot;
        if (outOfRoom) {
            emit(sequence, token, result.released() + sequence.utf8.finish() + sequence.stops.flush());
            job.finish(sequence.choice, FinishReason.LENGTH);
            return true;
        }
        emit(sequence, token, result.released());
        sequence.lastToken = token;
        return false;
    }

    /**
     * Follows a thinking model in and out of its thoughts, counting them, and once a thought has used its budget,
     * queues the closing tokens that the next steps feed instead of sampling.
     */
    private static void countThought(Sequence sequence, ThoughtLimit limit, int token) {
        if (sequence.thinking) {
            sequence.job.reasoningTokens++;
            if (token == limit.close()) {
                sequence.thinking = false;
            } else if (!sequence.closing) {
                sequence.thoughtTokens++;
                if (sequence.thoughtTokens >= limit.budget()) {
                    closeThought(sequence, limit);
                }
            }
        } else if (token == limit.open()) {
            sequence.thinking = true;
            sequence.thoughtTokens = 0;
            sequence.job.reasoningTokens++;
            if (limit.budget() == 0) {
                closeThought(sequence, limit);
            }
        }
    }

    private static void closeThought(Sequence sequence, ThoughtLimit limit) {
        sequence.closing = true;
        for (int token : limit.closing()) {
            sequence.forced.add(token);
        }
    }

    private void emit(Sequence sequence, int token, String text) {
        sequence.job.token(sequence.choice, token, text);
    }

    private void failBatch(int status) {
        String reason = switch (status) {
            case 1 -> "no room in the KV cache";
            case 2 -> "aborted";
            default -> "llama_decode returned " + status;
        };
        LOG.log(System.Logger.Level.ERROR, "decode failed: {0}; failing the {1} sequences in the batch",
                reason, active.size());
        for (Sequence sequence : List.copyOf(active)) {
            active.remove(sequence);
            release(sequence);
            sequence.job.fail(GardenException.internal("The model failed while generating (" + reason + ").",
                    null));
        }
    }

    private void release(Sequence sequence) {
        context.clearSequence(sequence.slot);
        sequence.sampler.close();
        sequence.sampler = null;
        if (sequence.grammar != null) {
            sequence.grammar.close();
            sequence.grammar = null;
        }
        slots[sequence.slot] = null;
        lock.lock();
        try {
            freeSlots++;
            if (!waiting.isEmpty()) {
                signalled = true;
            }
        } finally {
            lock.unlock();
        }
    }

    private void shutDown() {
        GardenException gone = GardenException.of(ErrorKind.UNAVAILABLE, "The model was shut down.");
        for (Sequence sequence : List.copyOf(active)) {
            active.remove(sequence);
            release(sequence);
            sequence.job.fail(gone);
        }
        lock.lock();
        try {
            closing = true;
            for (Sequence sequence : waiting) {
                sequence.job.fail(gone);
            }
            waiting.clear();
        } finally {
            lock.unlock();
        }
        batch.close();
        pieces.close();
        context.close();
    }

    /** A request on its way through the engine. Its fields are touched by the engine thread only. */
    private final class Job implements EngineJob {
        final EngineRequest request;
        final TokenListener listener;
        volatile boolean cancelled;
        boolean queued;
        boolean ended;
        int unfinished;
        int completionTokens;
        int reasoningTokens;

        Job(EngineRequest request, TokenListener listener) {
            this.request = request;
            this.listener = listener;
            this.unfinished = request.choices();
        }

        @Override
        public void cancel() {
            if (!cancelled) {
                cancelled = true;
                wakeEngine();
            }
        }

        void token(int choice, int token, String text) {
            if (ended) {
                return;
            }
            try {
                listener.onToken(choice, token, text);
            } catch (RuntimeException e) {
                listenerFailed(e);
            }
        }

        void finish(int choice, FinishReason reason) {
            if (ended) {
                return;
            }
            try {
                listener.onFinish(choice, reason);
            } catch (RuntimeException e) {
                listenerFailed(e);
            }
        }

        void finishOne() {
            unfinished--;
            if (cancelled) {
                reportCancelledIfDone();
            } else if (unfinished == 0 && !ended) {
                ended = true;
                try {
                    listener.onComplete(request.prompt().length, completionTokens, reasoningTokens);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "a token listener failed on completion", e);
                }
            }
        }

        void reportCancelledIfDone() {
            if (unfinished == 0 && !ended) {
                fail(GardenException.of(ErrorKind.CANCELLED, "The request was cancelled."));
            }
        }

        void fail(GardenException error) {
            if (ended) {
                return;
            }
            ended = true;
            cancelled = true;
            try {
                listener.onError(error);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a token listener failed on error", e);
            }
        }

        private void listenerFailed(RuntimeException e) {
            // A listener that throws has lost its client; stop spending compute on it.
            LOG.log(System.Logger.Level.WARNING, "a token listener failed ({0}); cancelling its request", e.toString());
            cancelled = true;
        }
    }

    /** One choice of a request: its slot, sampler and progress. Engine thread only (after admission). */
    private static final class Sequence {
        final Job job;
        final int choice;
        final LlamaSampler.Settings settings;
        final Utf8Decoder utf8 = new Utf8Decoder();
        final StopMatcher stops;
        int slot = -1;
        LlamaSampler sampler;
        LlamaGrammar grammar;
        boolean failed;
        final ArrayDeque<Integer> forced = new ArrayDeque<>();
        boolean thinking;
        boolean closing;
        int thoughtTokens;
        boolean decoding;
        int position;
        int inBatch;
        int outputIndex = -1;
        int lastToken;
        int generated;

        Sequence(Job job, int choice, LlamaSampler.Settings settings) {
            this.job = job;
            this.choice = choice;
            this.settings = settings;
            this.stops = new StopMatcher(job.request.stop());
            job.request.thoughts().filter(ThoughtLimit::startsInThought).ifPresent(limit -> {
                thinking = true;
                if (limit.budget() == 0) {
                    closeThought(this, limit);
                }
            });
        }
    }
}
