package dev.garden.chat;

import java.util.List;
import java.util.Set;

/**
 * Splits the answer (what follows any thought) into content and tool calls, as it arrives. Content flows until one
 * of the family's markers opens a tool-call section (or, for families whose calls are bare JSON, when the answer
 * begins with an opening brace); text that could be the start of a marker is held back until the next piece decides.
 *
 * <p>A section announces a call as soon as its name is known and is one of the offered tools (then it is
 * committed: its arguments stream as they arrive). Until then nothing of the section has been shown, so when the
 * text turns out not to be a call (the model talked about {@code <tool_call>}, wrote JSON of its own, named a tool
 * that does not exist) it comes out as content, unharmed. After a commit, malformed text ends the section and
 * flows on as content from the last call boundary.
 */
abstract class AnswerParser {
    /** What a section's step achieved. */
    enum Step {
        /** Consumed something; call again. */
        PROGRESS,
        /** The text ran out. */
        NEED_MORE,
        /** The section is over; what follows is content again. */
        END,
        /** The text is not what the family writes. */
        FAIL
    }

    protected final Input in = new Input();
    protected final Events events;
    private final Set<String> toolNames;
    private boolean inSection;
    private int sectionStart;
    private int markerLength;
    private int checkpoint;
    private boolean committed;
    private boolean atStart;

    AnswerParser(Events events, Set<String> toolNames) {
        this.events = events;
        this.toolNames = toolNames;
        this.atStart = callsMayOpenBare();
    }

    /** The texts that open a tool-call section wherever they appear. */
    protected abstract List<String> markers();

    /** Whether calls may open the answer without a marker, as a bare JSON object (Llama 3.x, generic). */
    protected boolean callsMayOpenBare() {
        return false;
    }

    /**
     * Prepares a new section.
     *
     * @param marker the marker that opened it, or {@code null} for a bare call at the start of the answer
     */
    protected abstract void beginSection(String marker);

    /** Advances the current section as far as the text allows. */
    protected abstract Step section();

    void push(CharSequence text) {
        in.append(text);
        run();
    }

    void finish() {
        in.end();
        run();
    }

    /**
     * Announces a call if the name is an offered tool.
     *
     * @return whether it was (otherwise the section should fail)
     */
    protected final boolean commit(String name) {
        if (!toolNames.contains(name)) {
            return false;
        }
        events.startCall(name);
        committed = true;
        checkpoint = -1;
        return true;
    }

    /**
     * Advances a call written as a JSON object: announces it once its name is known, then streams its arguments.
     *
     * @return {@link Step#END} once the object closed, else as {@link #section()}
     */
    protected final Step readCallObject(CallObjectReader reader) {
        CallObjectReader.Status status = reader.read(in);
        if (!reader.announced() && reader.name() != null) {
            if (!commit(reader.name())) {
                return Step.FAIL;
            }
            reader.announce();
        }
        if (reader.announced()) {
            events.arguments(reader.takeArguments());
        }
        return switch (status) {
            case NEED_MORE -> Step.NEED_MORE;
            case FAILED -> Step.FAIL;
            case DONE -> Step.END;
        };
    }

    /** Marks the section as real without a call (the generic format's {@code response}). */
    protected final void commitWithoutCall() {
        committed = true;
    }

    /** Whether something of this section has been shown. */
    protected final boolean committed() {
        return committed;
    }

    /** Where content resumes if the section fails from here on: just after a complete call. */
    protected final void checkpoint() {
        checkpoint = in.position();
    }

    private void run() {
        boolean progress = true;
        while (progress) {
            progress = inSection ? sectionStep() : contentStep();
        }
        in.compact(inSection ? sectionStart : in.position());
    }

    private boolean contentStep() {
        if (atStart) {
            int start = in.position();
            boolean found = in.skipWhitespace();
            if (!found && !in.ended()) {
                in.seek(start);
                return false;
            }
            atStart = false;
            if (found && opensBare(in.peek())) {
                enter(start, 0, null);
                return true;
            }
            in.seek(start);
        }
        int earliest = -1;
        String marker = null;
        for (String candidate : markers()) {
            int at = in.indexOf(candidate);
            if (at >= 0 && (earliest < 0 || at < earliest || at == earliest && candidate.length() > marker.length())) {
                earliest = at;
                marker = candidate;
            }
        }
        if (marker != null) {
            events.content(in.text(in.position(), earliest));
            in.seek(earliest + marker.length());
            enter(earliest, marker.length(), marker);
            return true;
        }
        int end = in.limit() - in.heldForMarkers(in.position(), markers());
        if (end > in.position()) {
            events.content(in.text(in.position(), end));
            in.seek(end);
        }
        return false;
    }

    /** Whether a bare call opens with this character; only asked when {@link #callsMayOpenBare()}. */
    protected boolean opensBare(char c) {
        return c == '{';
    }

    private void enter(int start, int length, String marker) {
        inSection = true;
        sectionStart = start;
        markerLength = length;
        committed = false;
        checkpoint = -1;
        beginSection(marker);
    }

    private boolean sectionStep() {
        Step step = section();
        if (step == Step.NEED_MORE && in.ended()) {
            step = committed ? Step.END : Step.FAIL;
        }
        switch (step) {
            case PROGRESS -> {
                return true;
            }
            case NEED_MORE -> {
                return false;
            }
            case END -> {
                inSection = false;
                events.trimContentStart();
                return true;
            }
            case FAIL -> {
                inSection = false;
                if (committed) {
                    if (checkpoint >= 0) {
                        in.seek(checkpoint);
                    }
                } else {
                    // Nothing was shown: the marker is content, and what followed it is scanned again as content.
                    int resume = sectionStart + markerLength;
                    events.content(in.text(sectionStart, resume));
                    in.seek(resume);
                }
                return true;
            }
        }
        throw new AssertionError(step);
    }
}
