package dev.garden.server;

import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import dev.garden.core.IdGenerator;
import dev.garden.core.inference.Generation;
import dev.garden.core.inference.GenerationStream;
import dev.garden.core.inference.InferenceEvent;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.ModelBackend;
import dev.garden.core.inference.ModelRegistry;
import dev.garden.core.inference.Usage;
import dev.garden.wire.openai.ChatCompletion;
import dev.garden.wire.openai.ChatCompletionRequest;
import dev.garden.wire.openai.CompletionUsage;

import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The logic of {@code chat/completions}, free of HTTP: finds the backend, starts the generation, and turns its events
 * into a whole answer or a stream of chunks.
 *
 * <p>Every generation it starts ends: normally, by the backend's failure, or by {@link Generation#cancel()} when
 * anything else happens first (the client went away, a bug, the server stopping). Nothing a client does can leave a
 * generation running.
 */
final class ChatCompletionsServing {
    private static final System.Logger LOG = System.getLogger(ChatCompletionsServing.class.getName());
    private static final String ID_PREFIX = "chatcmpl-";

    private final ModelRegistry registry;
    private final Clock clock;
    private final IdGenerator ids;
    private final Set<Generation> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    ChatCompletionsServing(ModelRegistry registry, Clock clock, IdGenerator ids) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Generates a whole answer, waiting for the backend to finish.
     *
     * @throws GardenException whatever the registry or the backend reports
     */
    ChatCompletion complete(ChatCompletionRequest request) {
        try (Run run = start(request)) {
            CollectedChoices choices = new CollectedChoices(run.choices);
            while (true) {
                switch (run.take()) {
                    case GenerationStream.Event event -> choices.on(event.event());
                    case GenerationStream.Completed completed -> {
                        run.finished();
                        return ChatCompletion.of(run.id, run.created, request.model(), choices.choices(),
                                usage(completed.usage()));
                    }
                    case GenerationStream.Failed failed -> {
                        run.finished();
                        throw translate(failed.error());
                    }
                }
            }
        }
    }

    /**
     * Streams an answer into {@code out}. A failure before the first event is thrown, so that the client gets a
     * proper error status; after it, the failure is the stream's last event. If the client goes away, the generation
     * is cancelled at once.
     *
     * @throws GardenException what the registry or the backend reports before anything was sent
     */
    void stream(ChatCompletionRequest request, ChunkStream out) {
        boolean includeUsage = request.streamOptions() != null
                               && Boolean.TRUE.equals(request.streamOptions().includeUsage());
        try (Run run = start(request)) {
            // Waiting for the first event before committing the response lets an early failure (a prompt the
            // backend finds too long) be a 4xx instead of a 200 whose only event is an error.
            GenerationStream.Item item = run.take();
            if (item instanceof GenerationStream.Failed failed) {
                run.finished();
                throw translate(failed.error());
            }
            StreamedChoices chunks = new StreamedChoices(run.id, run.created, request.model(), run.choices);
            try {
                while (true) {
                    switch (item) {
                        case GenerationStream.Event event -> {
                            for (var chunk : chunks.on(event.event())) {
                                out.send(chunk);
                            }
                        }
                        case GenerationStream.Completed completed -> {
                            run.finished();
                            if (includeUsage) {
                                out.send(chunks.usage(completed.usage()));
                            }
                            out.done();
                            return;
                        }
                        case GenerationStream.Failed failed -> {
                            run.finished();
                            out.fail(translate(failed.error()));
                            return;
                        }
                    }
                    item = run.take();
                }
            } catch (IOException clientGone) {
                // Closing the run below cancels the generation; there is no one left to tell.
                LOG.log(System.Logger.Level.DEBUG, () -> "Client went away during " + run.id + "; cancelling");
            } catch (RuntimeException e) {
                // The response is committed: the failure can only be the stream's last event.
                try {
                    out.fail(e);
                } catch (IOException clientGone) {
                    LOG.log(System.Logger.Level.DEBUG, () -> "Client went away during " + run.id);
                }
            }
        }
    }

    /** Refuses new generations and cancels every running one; their clients get {@code UNAVAILABLE}. */
    void stop() {
        stopping = true;
        running.forEach(Generation::cancel);
    }

    /** How many generations are running now. */
    int running() {
        return running.size();
    }

    private Run start(ChatCompletionRequest request) {
        if (stopping) {
            throw shuttingDown();
        }
        ModelBackend backend = registry.publisherModel(request.model());
        InferenceRequest domain = InferenceRequests.toDomain(request, backend.samplingDefaults());
        String id = ids.next(ID_PREFIX);
        long created = clock.instant().getEpochSecond();
        GenerationStream items = new GenerationStream();
        Generation generation = backend.generate(domain, items);
        Run run = new Run(id, created, domain.choices(), domain.reasoning().includeThoughts(), generation, items);
        running.add(generation);
        if (stopping) {
            // stop() ran between the check above and the add: it did not see this generation.
            generation.cancel();
        }
        return run;
    }

    /** A CANCELLED that Garden caused by stopping is, to the client, a service going away. */
    private GardenException translate(GardenException error) {
        return stopping && error.kind() == ErrorKind.CANCELLED ? shuttingDown() : error;
    }

    private static GardenException shuttingDown() {
        return GardenException.of(ErrorKind.UNAVAILABLE, "Garden is shutting down; retry the request.");
    }

    /** The wire's usage, {@code completion_tokens_details.reasoning_tokens} included (0 when nothing was thought). */
    static CompletionUsage usage(Usage usage) {
        return CompletionUsage.of(usage.promptTokens(), usage.completionTokens(), usage.reasoningTokens());
    }

    /** One generation under way, which {@link #close()} cancels unless it finished. */
    private final class Run implements AutoCloseable {
        final String id;
        final long created;
        final int choices;
        private final boolean includeThoughts;
        private final Generation generation;
        private final GenerationStream items;
        private boolean finished;

        Run(String id, long created, int choices, boolean includeThoughts, Generation generation,
            GenerationStream items) {
            this.id = id;
            this.created = created;
            this.choices = choices;
            this.includeThoughts = includeThoughts;
            this.generation = generation;
            this.items = items;
        }

        /**
         * The next item. Thoughts the caller did not ask to see are dropped here, whatever the backend sends:
         * {@code reasoning_effort} alone must never reveal them.
         */
        GenerationStream.Item take() {
            try {
                GenerationStream.Item item = items.take();
                while (!includeThoughts && isThought(item)) {
                    item = items.take();
                }
                return item;
            } catch (InterruptedException e) {
                // Helidon interrupts request threads when it stops; close() cancels the generation.
                Thread.currentThread().interrupt();
                throw shuttingDown();
            }
        }

        private static boolean isThought(GenerationStream.Item item) {
            return item instanceof GenerationStream.Event(InferenceEvent.ReasoningDelta ignored);
        }

        /** The backend reported its last item: nothing to cancel. */
        void finished() {
            finished = true;
        }

        @Override
        public void close() {
            running.remove(generation);
            if (!finished) {
                generation.cancel();
            }
        }
    }
}
