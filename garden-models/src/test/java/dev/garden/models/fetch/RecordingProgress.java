package dev.garden.models.fetch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Remembers what it was told, for tests to check. */
final class RecordingProgress implements ProgressListener {

    final List<String> started = new CopyOnWriteArrayList<>();
    final List<Long> totals = new CopyOnWriteArrayList<>();
    final AtomicLong advanced = new AtomicLong();
    final AtomicLong done = new AtomicLong();

    @Override
    public void start(String name, long totalBytes) {
        started.add(name);
        totals.add(totalBytes);
    }

    @Override
    public void advance(long bytes) {
        advanced.addAndGet(bytes);
    }

    @Override
    public void done() {
        done.incrementAndGet();
    }
}
