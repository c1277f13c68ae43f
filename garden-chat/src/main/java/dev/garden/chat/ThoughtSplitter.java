package dev.garden.chat;

import java.util.List;

/**
 * Separates a thinking model's thoughts from its answer as the text arrives. A thought is recognized only where it
 * can be: at the start of the output (after whitespace), or from the start when the prompt already opened it. The
 * answer (everything after the close marker, or the whole output when the model did not think) goes on to the
 * {@link AnswerParser}. Whitespace just inside the markers and just after the thought is dropped, as every
 * template writes newlines there.
 */
final class ThoughtSplitter {
    private enum State { BEFORE, THOUGHT, ANSWER }

    private final Input in = new Input();
    private final ThinkingSyntax syntax;
    private final Events events;
    private final AnswerParser answer;
    private final StringBuilder trailingWhitespace = new StringBuilder();
    private State state;
    private boolean thoughtStarted;

    /**
     * @param syntax          the model's markers, or {@code null} for a model that does not think
     * @param startsInThought whether the prompt opened the thought
     */
    ThoughtSplitter(ThinkingSyntax syntax, boolean startsInThought, Events events, AnswerParser answer) {
        this.syntax = syntax;
        this.events = events;
        this.answer = answer;
        this.state = syntax == null ? State.ANSWER : startsInThought ? State.THOUGHT : State.BEFORE;
    }

    void push(String text) {
        if (state == State.ANSWER) {
            answer.push(text);
            return;
        }
        in.append(text);
        run();
    }

    void finish() {
        in.end();
        run();
        if (state == State.THOUGHT) {
            // The thought never closed (the budget or the context ran out): what was thought stays a thought.
            trailingWhitespace.setLength(0);
            events.endReasoning();
        }
        answer.finish();
    }

    /** Whether the text so far ends inside a thought. */
    boolean inThought() {
        return state == State.THOUGHT;
    }

    private void run() {
        while (true) {
            switch (state) {
                case BEFORE -> {
                    int start = in.position();
                    boolean found = in.skipWhitespace();
                    if (found && in.match(syntax.open()) == Input.Match.MATCHED) {
                        state = State.THOUGHT;
                        continue;
                    }
                    boolean undecided = !in.ended() && (!found || in.match(syntax.open()) == Input.Match.PARTIAL);
                    in.seek(start);
                    if (undecided) {
                        return;
                    }
                    state = State.ANSWER;
                }
                case THOUGHT -> {
                    if (!thoughtStarted) {
                        // Distilled R1 models sometimes open the thought the prompt already opened: drop the marker.
                        int start = in.position();
                        boolean found = in.skipWhitespace();
                        Input.Match open = found ? in.match(syntax.open()) : Input.Match.PARTIAL;
                        if (open != Input.Match.MATCHED) {
                            in.seek(start);
                            if (open == Input.Match.PARTIAL && !in.ended()) {
                                return;
                            }
                        }
                    }
                    int close = in.indexOf(syntax.close());
                    int end = close >= 0 ? close : in.limit() - in.heldForMarkers(in.position(), List.of(syntax.close()));
                    thought(in.text(in.position(), end));
                    in.seek(end);
                    if (close < 0) {
                        in.compact(in.position());
                        return;
                    }
                    in.advance(syntax.close().length());
                    trailingWhitespace.setLength(0);
                    events.endReasoning();
                    events.trimContentStart();
                    state = State.ANSWER;
                }
                case ANSWER -> {
                    if (in.hasMore()) {
                        answer.push(in.takeRest());
                    }
                    in.compact(in.position());
                    return;
                }
            }
        }
    }

    /** Passes thought text on without its leading whitespace, holding trailing whitespace until more follows. */
    private void thought(String text) {
        int start = 0;
        if (!thoughtStarted) {
            while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            if (start == text.length()) {
                return;
            }
            thoughtStarted = true;
        }
        int end = text.length();
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            events.reasoning(trailingWhitespace);
            trailingWhitespace.setLength(0);
            events.reasoning(text.substring(start, end));
        }
        trailingWhitespace.append(text, end, text.length());
    }
}
