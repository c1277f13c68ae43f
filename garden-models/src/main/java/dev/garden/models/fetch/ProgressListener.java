package dev.garden.models.fetch;

import java.io.Console;
import java.time.InstantSource;

/**
 * Told how far a download, or a check of a cached file, has got. One transfer at a time: {@link #start}, any number
 * of {@link #advance}, then {@link #done}. A transfer that fails gets no {@code done}; the next {@code start} begins
 * afresh.
 */
public interface ProgressListener {

    /**
     * A transfer begins.
     *
     * @param name what is transferred, for people, such as {@code google/gemma-3-270m (part 2 of 4)}
     * @param totalBytes its size, or {@code -1} when unknown
     */
    void start(String name, long totalBytes);

    /** {@code bytes} more bytes have arrived. */
    void advance(long bytes);

    /** The transfer is complete. */
    void done();

    /** A listener that ignores everything, for tests and quiet callers. */
    static ProgressListener silent() {
        return SilentProgress.INSTANCE;
    }

    /**
     * A listener that writes to standard error: one line redrawn with {@code \r} when the console is a terminal
     * (percent, megabytes, megabytes per second), otherwise a line at each tenth, which reads well in logs.
     */
    static ProgressListener console() {
        Console console = System.console();
        return new ConsoleProgress(System.err, console != null && console.isTerminal(), InstantSource.system());
    }
}

/** The listener behind {@link ProgressListener#silent()}. */
enum SilentProgress implements ProgressListener {
    INSTANCE;

    @Override
    public void start(String name, long totalBytes) {
    }

    @Override
    public void advance(long bytes) {
    }

    @Override
    public void done() {
    }
}
