package dev.garden.chat;

import dev.garden.core.IdGenerator;
import dev.garden.core.inference.InferenceEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects one choice's events as a parser finds them, merging neighbours of the same kind. Holds back what cannot
 * be shown yet: whitespace at the end of the content (dropped if a tool call follows, as templates put a newline
 * between text and a call) and a high surrogate whose low half has not arrived (so no event ever ends in half an
 * emoji, whatever the JSON escapes or piece boundaries did).
 */
final class Events {
    private final int choice;
    private final boolean includeThoughts;
    private final IdGenerator ids;
    private final CallIdStyle idStyle;
    private final List<InferenceEvent> out = new ArrayList<>();

    private final StringBuilder contentWhitespace = new StringBuilder();
    private boolean trimContentStart;
    private char contentSurrogate;
    private char reasoningSurrogate;
    private char argumentSurrogate;
    private int calls;

    Events(int choice, boolean includeThoughts, IdGenerator ids, CallIdStyle idStyle) {
        this.choice = choice;
        this.includeThoughts = includeThoughts;
        this.ids = ids;
        this.idStyle = idStyle;
    }

    /** Drops whitespace at the start of what follows: after a thought or a call, templates put blank lines. */
    void trimContentStart() {
        trimContentStart = true;
    }

    /** More answer text. */
    void content(CharSequence text) {
        if (text.isEmpty()) {
            return;
        }
        String s = joinSurrogate(contentSurrogate, text);
        contentSurrogate = 0;
        if (endsWithHighSurrogate(s)) {
            contentSurrogate = s.charAt(s.length() - 1);
            s = s.substring(0, s.length() - 1);
        }
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        int start = 0;
        if (trimContentStart) {
            while (start < end && Character.isWhitespace(s.charAt(start))) {
                start++;
            }
            if (start == end) {
                return;
            }
            trimContentStart = false;
        }
        if (start < end) {
            String visible = contentWhitespace + s.substring(start, end);
            contentWhitespace.setLength(0);
            addText(visible);
        }
        contentWhitespace.append(s, Math.max(start, end), s.length());
    }

    /** More thought text (shown only when the caller asked for thoughts). */
    void reasoning(CharSequence text) {
        if (text.isEmpty()) {
            return;
        }
        String s = joinSurrogate(reasoningSurrogate, text);
        reasoningSurrogate = 0;
        if (endsWithHighSurrogate(s)) {
            reasoningSurrogate = s.charAt(s.length() - 1);
            s = s.substring(0, s.length() - 1);
        }
        if (!includeThoughts || s.isEmpty()) {
            return;
        }
        InferenceEvent last = out.isEmpty() ? null : out.getLast();
        if (last instanceof InferenceEvent.ReasoningDelta delta) {
            out.set(out.size() - 1, new InferenceEvent.ReasoningDelta(choice, delta.text() + s));
        } else {
            out.add(new InferenceEvent.ReasoningDelta(choice, s));
        }
    }

    /** A thought ended: a half character at its end will never be completed. */
    void endReasoning() {
        if (reasoningSurrogate != 0 && includeThoughts) {
            reasoningSurrogate = 0;
            reasoning("\uFFFD");
        }
        reasoningSurrogate = 0;
    }

    /**
     * A tool call begins: its first delta carries the index, a fresh id and the name. Whitespace held at the end of
     * the content is dropped.
     *
     * @return the call's index
     */
    int startCall(String name) {
        flushArgumentSurrogate();
        contentWhitespace.setLength(0);
        trimContentStart = true;
        int index = calls++;
        out.add(new InferenceEvent.ToolCallDelta(choice, index, idStyle.next(ids), name, ""));
        return index;
    }

    /** More of the current call's arguments. */
    void arguments(CharSequence fragment) {
        if (fragment.isEmpty()) {
            return;
        }
        String s = joinSurrogate(argumentSurrogate, fragment);
        argumentSurrogate = 0;
        if (endsWithHighSurrogate(s)) {
            argumentSurrogate = s.charAt(s.length() - 1);
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            return;
        }
        int index = calls - 1;
        InferenceEvent last = out.isEmpty() ? null : out.getLast();
        if (last instanceof InferenceEvent.ToolCallDelta delta && delta.index() == index && delta.id() == null) {
            out.set(out.size() - 1, new InferenceEvent.ToolCallDelta(choice, index, null, null,
                    delta.arguments() + s));
        } else {
            out.add(new InferenceEvent.ToolCallDelta(choice, index, null, null, s));
        }
    }

    /** How many calls have begun. */
    int calls() {
        return calls;
    }

    /** The generation ended: releases what was held, except whitespace after the last tool call. */
    void finish() {
        flushArgumentSurrogate();
        endReasoning();
        if (contentSurrogate != 0) {
            contentSurrogate = 0;
            content("\uFFFD");
        }
        if (calls == 0 && !contentWhitespace.isEmpty() && !trimContentStart) {
            addText(contentWhitespace.toString());
        }
        contentWhitespace.setLength(0);
    }

    /** The events found since the last call. */
    List<InferenceEvent> drain() {
        List<InferenceEvent> events = List.copyOf(out);
        out.clear();
        return events;
    }

    private void flushArgumentSurrogate() {
        if (argumentSurrogate != 0) {
            argumentSurrogate = 0;
            arguments("\uFFFD");
        }
    }

    private void addText(String text) {
        InferenceEvent last = out.isEmpty() ? null : out.getLast();
        if (last instanceof InferenceEvent.TextDelta delta) {
            out.set(out.size() - 1, new InferenceEvent.TextDelta(choice, delta.text() + text));
        } else {
            out.add(new InferenceEvent.TextDelta(choice, text));
        }
    }

    private static String joinSurrogate(char held, CharSequence text) {
        return held == 0 ? text.toString() : held + text.toString();
    }

    private static boolean endsWithHighSurrogate(String s) {
        return !s.isEmpty() && Character.isHighSurrogate(s.charAt(s.length() - 1));
    }
}
