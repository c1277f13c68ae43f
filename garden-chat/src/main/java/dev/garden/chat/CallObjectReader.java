package dev.garden.chat;

/**
 * Reads one call written as a JSON object, {@code {"name": "f", "arguments": {...}}}, while it arrives: the name
 * as soon as its string closes, the arguments as raw text as they come (so they can be streamed). Llama 3.x writes
 * {@code parameters} for {@code arguments}; {@code id} and {@code type} are skipped. Arguments written as
 * a JSON string holding JSON are decoded, since clients expect the JSON text itself.
 */
final class CallObjectReader {
    /** How far reading got. */
    enum Status {
        /** The text ran out inside the object. */
        NEED_MORE,
        /** The object closed. */
        DONE,
        /** The text is not a call object. */
        FAILED
    }

    private enum State {
        START, BEFORE_KEY, KEY, COLON, VALUE, NAME, ARGUMENTS, ARGUMENTS_STRING, SKIP, AFTER_VALUE, DONE, FAILED
    }

    private State state = State.START;
    private final StringBuilder key = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder pendingArguments = new StringBuilder();
    private JsonStringDecoder decoder;
    private JsonValueScanner scanner;
    private String name;
    private boolean sawArguments;
    private boolean announced;

    Status read(Input in) {
        while (true) {
            switch (state) {
                case START -> {
                    if (!in.skipWhitespace()) {
                        return Status.NEED_MORE;
                    }
                    if (in.peek() != '{') {
                        return fail();
                    }
                    in.advance(1);
                    state = State.BEFORE_KEY;
                }
                case BEFORE_KEY -> {
                    if (!in.skipWhitespace()) {
                        return Status.NEED_MORE;
                    }
                    char c = in.peek();
                    in.advance(1);
                    if (c == '"') {
                        key.setLength(0);
                        decoder = new JsonStringDecoder();
                        state = State.KEY;
                    } else if (c == '}') {
                        return complete();
                    } else {
                        return fail();
                    }
                }
                case KEY -> {
                    if (!decoder.decode(in, key)) {
                        return Status.NEED_MORE;
                    }
                    state = decoder.failed() ? State.FAILED : State.COLON;
                }
                case COLON -> {
                    if (!in.skipWhitespace()) {
                        return Status.NEED_MORE;
                    }
                    if (in.peek() != ':') {
                        return fail();
                    }
                    in.advance(1);
                    state = State.VALUE;
                }
                case VALUE -> {
                    if (!in.skipWhitespace()) {
                        return Status.NEED_MORE;
                    }
                    String k = key.toString();
                    boolean string = in.peek() == '"';
                    if (k.equals("name") && name == null) {
                        if (!string) {
                            return fail();
                        }
                        in.advance(1);
                        text.setLength(0);
                        decoder = new JsonStringDecoder();
                        state = State.NAME;
                    } else if ((k.equals("arguments") || k.equals("parameters")) && !sawArguments) {
                        sawArguments = true;
                        if (string) {
                            in.advance(1);
                            text.setLength(0);
                            decoder = new JsonStringDecoder();
                            state = State.ARGUMENTS_STRING;
                        } else {
                            scanner = new JsonValueScanner();
                            state = State.ARGUMENTS;
                        }
                    } else if (k.equals("id") || k.equals("type")) {
                        scanner = new JsonValueScanner();
                        state = State.SKIP;
                    } else {
                        // Some other JSON: tell at once, so that text the model meant as content is not held back.
                        return fail();
                    }
                }
                case NAME -> {
                    if (!decoder.decode(in, text)) {
                        return Status.NEED_MORE;
                    }
                    if (decoder.failed()) {
                        return fail();
                    }
                    name = text.toString();
                    state = State.AFTER_VALUE;
                }
                case ARGUMENTS -> {
                    int start = in.position();
                    boolean done = scanner.scan(in);
                    pendingArguments.append(in.text(start, in.position()));
                    if (!done) {
                        return Status.NEED_MORE;
                    }
                    state = State.AFTER_VALUE;
                }
                case ARGUMENTS_STRING -> {
                    if (!decoder.decode(in, text)) {
                        return Status.NEED_MORE;
                    }
                    if (decoder.failed()) {
                        return fail();
                    }
                    pendingArguments.append(text);
                    state = State.AFTER_VALUE;
                }
                case SKIP -> {
                    if (!scanner.scan(in)) {
                        return Status.NEED_MORE;
                    }
                    state = State.AFTER_VALUE;
                }
                case AFTER_VALUE -> {
                    if (!in.skipWhitespace()) {
                        return Status.NEED_MORE;
                    }
                    char c = in.peek();
                    if (c == ',') {
                        in.advance(1);
                        state = State.BEFORE_KEY;
                    } else if (c == '}') {
                        in.advance(1);
                        return complete();
                    } else {
                        return fail();
                    }
                }
                case DONE -> {
                    return Status.DONE;
                }
                case FAILED -> {
                    return Status.FAILED;
                }
            }
        }
    }

    /** Whether the parser has announced this call. */
    boolean announced() {
        return announced;
    }

    void announce() {
        announced = true;
    }

    /** The function's name, once its string has closed; otherwise {@code null}. */
    String name() {
        return name;
    }

    /** The argument text read since the last call. */
    String takeArguments() {
        String taken = pendingArguments.toString();
        pendingArguments.setLength(0);
        return taken;
    }

    private Status complete() {
        if (!sawArguments) {
            // A call without arguments: clients expect a JSON object all the same.
            pendingArguments.append("{}");
            sawArguments = true;
        }
        state = State.DONE;
        return name == null ? fail() : Status.DONE;
    }

    private Status fail() {
        state = State.FAILED;
        return Status.FAILED;
    }
}
