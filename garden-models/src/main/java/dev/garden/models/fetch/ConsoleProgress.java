package dev.garden.models.fetch;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;

/** Progress for people: a redrawn line on a terminal, a line per tenth in a log. */
final class ConsoleProgress implements ProgressListener {

    /** Redrawing more often than this only makes the terminal flicker. */
    private static final Duration REDRAW_INTERVAL = Duration.ofMillis(200);

    /** How often a log hears of a transfer whose size is unknown. */
    private static final long LOG_STEP_UNKNOWN_SIZE = 100_000_000;

    private final PrintStream out;
    private final boolean terminal;
    private final InstantSource clock;

    private String name = "";
    private long total = -1;
    private long transferred;
    private Instant started = Instant.EPOCH;
    private Instant lastDrawn = Instant.EPOCH;
    private long lastLogged;
    private int lastLineLength;

    ConsoleProgress(PrintStream out, boolean terminal, InstantSource clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
    }

    @Override
    public void start(String name, long totalBytes) {
        this.name = name;
        this.total = totalBytes;
        this.transferred = 0;
        this.started = clock.instant();
        this.lastLogged = 0;
        this.lastLineLength = 0;
        if (terminal) {
            redraw();
        } else {
            out.println(name + (total >= 0 ? " (" + megabytes(total) + " MB)" : "") + " ...");
        }
    }

    @Override
    public void advance(long bytes) {
        transferred += bytes;
        if (terminal) {
            if (Duration.between(lastDrawn, clock.instant()).compareTo(REDRAW_INTERVAL) >= 0) {
                redraw();
            }
        } else if (total > 0) {
            // A line when the transfer crosses into a new tenth; the last tenth is left to done().
            long tenth = Math.min(transferred * 10 / total, 9);
            if (tenth > lastLogged) {
                lastLogged = tenth;
                out.println(name + ": " + status());
            }
        } else if (transferred / LOG_STEP_UNKNOWN_SIZE > lastLogged) {
            lastLogged = transferred / LOG_STEP_UNKNOWN_SIZE;
            out.println(name + ": " + status());
        }
    }

    @Override
    public void done() {
        if (terminal) {
            redraw();
            out.println();
        } else {
            Duration elapsed = Duration.between(started, clock.instant());
            out.println(name + ": done, " + megabytes(transferred) + " MB in "
                    + String.format(Locale.ROOT, "%.1f", elapsed.toMillis() / 1000.0) + " s" + speed());
        }
        out.flush();
    }

    private void redraw() {
        lastDrawn = clock.instant();
        String line = name + "  " + status();
        // Spaces wipe what a longer previous line left behind.
        out.print("\r" + line + " ".repeat(Math.max(0, lastLineLength - line.length())));
        out.flush();
        lastLineLength = line.length();
    }

    private String status() {
        String amount = total > 0
                ? String.format(Locale.ROOT, "%3d%%  %s/%s MB", transferred * 100 / total, megabytes(transferred),
                        megabytes(total))
                : megabytes(transferred) + " MB";
        return amount + speed();
    }

    private String speed() {
        long millis = Duration.between(started, clock.instant()).toMillis();
        if (millis <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, ", %.1f MB/s", transferred / 1000.0 / millis);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1_000_000.0);
    }
}
