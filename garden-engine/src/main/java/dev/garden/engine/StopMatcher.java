package dev.garden.engine;

import java.util.List;

/**
 * Finds stop strings in streamed text. Text that could be the start of a stop string is held back until the next
 * piece shows whether it is; the stop string itself is never released.
 */
final class StopMatcher {
    private final List<String> stops;
    private final StringBuilder held = new StringBuilder();
    private boolean stopped;

    /** What a piece of text let through. */
    record Result(String released, boolean stopped) {
    }

    StopMatcher(List<String> stops) {
        this.stops = stops.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** Adds text; returns what can be shown now and whether a stop string was completed. */
    Result push(String text) {
        if (stopped) {
            return new Result("", true);
        }
        if (stops.isEmpty()) {
            return new Result(text, false);
        }
        held.append(text);
        int first = -1;
        for (String stop : stops) {
            int at = held.indexOf(stop);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        if (first >= 0) {
            String released = held.substring(0, first);
            held.setLength(0);
            stopped = true;
            return new Result(released, true);
        }
        int keep = longestSuffixThatStartsAStop();
        String released = held.substring(0, held.length() - keep);
        held.delete(0, held.length() - keep);
        return new Result(released, false);
    }

    /** Ends the stream without a stop: whatever was held back is released. */
    String flush() {
        String rest = held.toString();
        held.setLength(0);
        return rest;
    }

    private int longestSuffixThatStartsAStop() {
        String text = held.toString();
        int best = 0;
        for (String stop : stops) {
            int max = Math.min(stop.length() - 1, text.length());
            for (int len = max; len > best; len--) {
                if (text.regionMatches(text.length() - len, stop, 0, len)) {
                    best = len;
                    break;
                }
            }
        }
        return best;
    }
}
