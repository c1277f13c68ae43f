package dev.garden.server;

import dev.garden.core.ErrorKind;
import dev.garden.core.GardenException;
import dev.garden.core.inference.ChatMessage;
import dev.garden.core.inference.FinishReason;
import dev.garden.core.inference.Generation;
import dev.garden.core.inference.GenerationSink;
import dev.garden.core.inference.InferenceEvent;
import dev.garden.core.inference.InferenceRequest;
import dev.garden.core.inference.ModelBackend;
import dev.garden.core.inference.SamplingParams;
import dev.garden.core.inference.Role;
import dev.garden.core.inference.ToolChoice;
import dev.garden.core.inference.Usage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A backend whose behaviour is picked by model name, in the manner of TensorZero's dummy provider. It generates on
 * its own thread, as a real backend does, and honours {@link Generation#cancel()} between events.
 *
 * <ul>
 *   <li>{@code scripted/echo}: echoes the last user message word by word, in every choice; honours
 *       {@code max_tokens} (one word, one token: finish {@code length}) and stop strings equal to a word.</li>
 *   <li>{@code scripted/two-choices}: needs {@code n=2}; interleaves two choices, choice 1 first, finishing with
 *       {@code length}.</li>
 *   <li>{@code scripted/length}: counts "one two three ..." up to {@code max_tokens} (default 5), then
 *       {@code length}.</li>
 *   <li>{@code scripted/fail-midstream}: two deltas, then an {@code INTERNAL} failure.</li>
 *   <li>{@code scripted/fail-early}: an {@code UNAVAILABLE} failure before any event.</li>
 *   <li>{@code scripted/slow}: emits {@code "tick "} every few milliseconds until cancelled; records the cancel.</li>
 *   <li>{@code scripted/busy}: throws {@code RESOURCE_EXHAUSTED} with a retry after 1.5 s.</li>
 *   <li>{@code scripted/bad-prompt}: throws {@code INVALID_ARGUMENT}.</li>
 *   <li>{@code scripted/crash}: throws an unexpected exception whose message must never reach a client.</li>
 *   <li>{@code scripted/reasoner}: thinks "The user greets me." in two deltas, then answers "Hello!"; 4 of its 6
 *       tokens are thoughts. It reports its thoughts even when the request did not ask to see them (a real backend
 *       would not), so that the tests see the server drop them.</li>
 *   <li>{@code scripted/tool-call}: needs tools; thinks (when asked), then calls the named tool of
 *       {@code tool_choice}, else the first, with {@code {"city":"Paris"}} in two fragments: finish
 *       {@code tool_calls}.</li>
 *   <li>{@code scripted/parallel-tools}: needs two tools; calls both at once, their argument fragments
 *       interleaved (and one empty fragment): {@code {"city":"Paris"}} and {@code {"tz":"CET"}}.</li>
 * </ul>
 */
final class ScriptedBackend implements ModelBackend {
    static final List<String> MODELS = List.of("scripted/echo", "scripted/two-choices", "scripted/length",
            "scripted/fail-midstream", "scripted/fail-early", "scripted/slow", "scripted/busy", "scripted/bad-prompt",
            "scripted/crash", "scripted/reasoner", "scripted/tool-call", "scripted/parallel-tools");
    static final String SECRET = "secret-internal-detail";

    private final String model;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final AtomicReference<InferenceRequest> lastRequest = new AtomicReference<>();

    ScriptedBackend(String model) {
        this.model = model;
    }

    /** Counts down when a generation of this backend is cancelled. */
    CountDownLatch cancelled() {
        return cancelled;
    }

    /** scripted/reasoner recommends its own sampling, as a catalog entry can; the others keep OpenAI's. */
    @Override
    public SamplingParams samplingDefaults() {
        return model.equals("scripted/reasoner")
                ? new SamplingParams(0.6, 0.95, java.util.OptionalLong.empty(), 0, 0) : SamplingParams.DEFAULTS;
    }

    /** The last request this backend was asked to generate for. */
    InferenceRequest lastRequest() {
        return lastRequest.get();
    }

    @Override
    public Generation generate(InferenceRequest request, GenerationSink sink) {
        lastRequest.set(request);
        Script script = switch (model) {
            case "scripted/echo" -> emit -> echo(request, emit);
            case "scripted/two-choices" -> {
                if (request.choices() != 2) {
                    throw GardenException.invalidArgument("scripted/two-choices needs n=2.");
                }
                yield ScriptedBackend::twoChoices;
            }
            case "scripted/length" -> emit -> length(request, emit);
            case "scripted/fail-midstream" -> emit -> {
                emit.text(0, "Partial");
                emit.text(0, " answer");
                throw GardenException.of(ErrorKind.INTERNAL, "The scripted model failed mid-stream.");
            };
            case "scripted/fail-early" -> emit -> {
                throw GardenException.of(ErrorKind.UNAVAILABLE, "The scripted model is loading; retry shortly.");
            };
            case "scripted/slow" -> emit -> {
                while (true) {
                    emit.text(0, "tick ");
                    Thread.sleep(5);
                }
            };
            case "scripted/busy" -> throw GardenException.resourceExhausted("The scripted model is busy.",
                    Duration.ofMillis(1500));
            case "scripted/bad-prompt" -> throw GardenException.invalidArgument(
                    "The prompt is longer than the scripted model's context.");
            case "scripted/crash" -> throw new IllegalStateException(SECRET);
            case "scripted/reasoner" -> emit -> reasoner(request, emit);
            case "scripted/tool-call" -> {
                if (request.tools().isEmpty()) {
                    throw GardenException.invalidArgument("scripted/tool-call needs tools.");
                }
                yield emit -> toolCall(request, emit);
            }
            case "scripted/parallel-tools" -> {
                if (request.tools().size() < 2) {
                    throw GardenException.invalidArgument("scripted/parallel-tools needs two tools.");
                }
                yield emit -> parallelTools(request, emit);
            }
            default -> throw new IllegalArgumentException(model);
        };
        Run run = new Run(sink, script);
        Thread.ofVirtual().name(model).start(run);
        return run;
    }

    @Override
    public void close() {
    }

    private static Usage echo(InferenceRequest request, Emitter emit) throws InterruptedException {
        String last = request.messages().reversed().stream()
                .filter(message -> message.role() == Role.USER)
                .findFirst().map(ChatMessage::textContent).orElse("");
        List<String> words = Arrays.asList(last.split("(?= )"));
        int limit = request.maxTokens().orElse(Integer.MAX_VALUE);
        int emitted = 0;
        FinishReason reason = FinishReason.STOP;
        for (String word : words) {
            if (request.stop().contains(word.strip())) {
                break;
            }
            if (emitted == limit) {
                reason = FinishReason.LENGTH;
                break;
            }
            for (int choice = 0; choice < request.choices(); choice++) {
                emit.text(choice, word);
            }
            emitted++;
        }
        for (int choice = 0; choice < request.choices(); choice++) {
            emit.finish(choice, reason);
        }
        return new Usage(promptTokens(request), emitted * request.choices());
    }

    private static Usage twoChoices(Emitter emit) throws InterruptedException {
        emit.text(1, "Second");
        emit.text(0, "First");
        emit.text(1, " answer");
        emit.finish(1, FinishReason.LENGTH);
        emit.text(0, " answer.");
        emit.finish(0, FinishReason.STOP);
        return new Usage(3, 4);
    }

    private static Usage length(InferenceRequest request, Emitter emit) throws InterruptedException {
        List<String> numbers = List.of("one", " two", " three", " four", " five", " six", " seven", " eight");
        int limit = Math.min(request.maxTokens().orElse(5), numbers.size());
        for (int i = 0; i < limit; i++) {
            emit.text(0, numbers.get(i));
        }
        emit.finish(0, FinishReason.LENGTH);
        return new Usage(promptTokens(request), limit);
    }

    private static Usage reasoner(InferenceRequest request, Emitter emit) throws InterruptedException {
        emit.thought(0, "The user");
        emit.thought(0, " greets me.");
        emit.text(0, "Hello");
        emit.text(0, "!");
        emit.finish(0, FinishReason.STOP);
        // Thoughts are generated and counted whether or not the caller sees them.
        return new Usage(promptTokens(request), 6, 4);
    }

    private static Usage toolCall(InferenceRequest request, Emitter emit) throws InterruptedException {
        String name = request.toolChoice() instanceof ToolChoice.Named named ? named.name()
                : request.tools().getFirst().name();
        if (request.reasoning().includeThoughts()) {
            emit.thought(0, "I should call " + name + ".");
        }
        emit.call(0, 0, "call_1", name, "");
        emit.arguments(0, 0, "{\"city\":");
        emit.arguments(0, 0, "\"Paris\"}");
        emit.finish(0, FinishReason.TOOL_CALLS);
        return new Usage(promptTokens(request), 9, 4);
    }

    private static Usage parallelTools(InferenceRequest request, Emitter emit) throws InterruptedException {
        emit.call(0, 0, "call_1", request.tools().get(0).name(), "");
        emit.call(0, 1, "call_2", request.tools().get(1).name(), "{\"tz\":");
        emit.arguments(0, 0, "{\"city\":");
        emit.arguments(0, 1, "\"CET\"}");
        emit.arguments(0, 0, "");
        emit.arguments(0, 0, "\"Paris\"}");
        emit.finish(0, FinishReason.TOOL_CALLS);
        return new Usage(promptTokens(request), 12);
    }

    private static int promptTokens(InferenceRequest request) {
        return request.messages().stream()
                .mapToInt(message -> message.textContent().isBlank() ? 0 : message.textContent().split(" ").length)
                .sum();
    }

    /** What a script does on the generation's thread; returns the usage, or throws the failure to report. */
    @FunctionalInterface
    private interface Script {
        Usage run(Emitter emit) throws InterruptedException;
    }

    private interface Emitter {
        void text(int choice, String text);

        void thought(int choice, String text);

        /** A call's first delta. */
        void call(int choice, int index, String id, String name, String arguments);

        /** More of a call's arguments. */
        void arguments(int choice, int index, String fragment);

        void finish(int choice, FinishReason reason);
    }

    /** Thrown inside a script when the generation was cancelled, to unwind it. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private final class Run implements Generation, Runnable, Emitter {
        private final GenerationSink sink;
        private final Script script;
        private volatile boolean cancelRequested;

        Run(GenerationSink sink, Script script) {
            this.sink = sink;
            this.script = script;
        }

        @Override
        public void cancel() {
            cancelRequested = true;
            cancelled.countDown();
        }

        @Override
        public void run() {
            try {
                Usage usage = script.run(this);
                checkCancelled();
                sink.onComplete(usage);
            } catch (Cancelled | InterruptedException e) {
                sink.onError(GardenException.of(ErrorKind.CANCELLED, "The generation was cancelled."));
            } catch (GardenException e) {
                sink.onError(e);
            } catch (RuntimeException e) {
                // A bug in a script must still end the generation, or the test waiting on it would hang.
                sink.onError(GardenException.internal("The scripted model broke.", e));
            }
        }

        @Override
        public void text(int choice, String text) {
            checkCancelled();
            sink.onEvent(new InferenceEvent.TextDelta(choice, text));
        }

        @Override
        public void thought(int choice, String text) {
            checkCancelled();
            sink.onEvent(new InferenceEvent.ReasoningDelta(choice, text));
        }

        @Override
        public void call(int choice, int index, String id, String name, String arguments) {
            checkCancelled();
            sink.onEvent(new InferenceEvent.ToolCallDelta(choice, index, id, name, arguments));
        }

        @Override
        public void arguments(int choice, int index, String fragment) {
            checkCancelled();
            sink.onEvent(new InferenceEvent.ToolCallDelta(choice, index, null, null, fragment));
        }

        @Override
        public void finish(int choice, FinishReason reason) {
            checkCancelled();
            sink.onEvent(new InferenceEvent.ChoiceFinished(choice, reason));
        }

        private void checkCancelled() {
            if (cancelRequested) {
                throw new Cancelled();
            }
        }
    }
}
