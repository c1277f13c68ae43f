package dev.garden.models.fetch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive use of one cache entry, among threads and among processes. A {@link FileLock} is held per process, and
 * a second {@code lock()} on the same file from the same JVM throws instead of waiting, so threads first queue on
 * an in-process lock for the same path. Lock files are never deleted: deleting one would let a third party lock a
 * new file while the second still waits on the old one.
 */
final class CacheLock implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CacheLock.class.getName());
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;

    private CacheLock(ReentrantLock threadLock, FileChannel channel) {
        this.threadLock = threadLock;
        this.channel = channel;
    }

    /**
     * Waits until this thread has the cache entry to itself.
     *
     * @param lockFile the entry's lock file, created if need be
     * @param what what the entry holds, for the message shown while another process has it
     */
    static CacheLock acquire(Path lockFile, String what) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        try {
            threadLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while waiting to fetch " + what, e);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                LOG.log(System.Logger.Level.INFO, "Waiting for another process that is fetching {0} ({1})", what,
                        key);
                channel.lock();
            }
            return new CacheLock(threadLock, channel);
        } catch (IOException e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw new FetchException("cannot lock " + key + " to fetch " + what + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw e;
        }
    }

    /** Releases the entry; closing the channel releases the file lock. */
    @Override
    public void close() {
        closeQuietly(channel);
        threadLock.unlock();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing a lock file failed", e);
            }
        }
    }
}
