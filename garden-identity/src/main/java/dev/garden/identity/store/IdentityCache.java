package dev.garden.identity.store;

import dev.garden.identity.IdentityView;
import dev.garden.identity.Member;
import dev.garden.identity.OAuthClient;
import dev.garden.identity.RefreshToken;
import dev.garden.identity.Role;
import dev.garden.identity.ServiceAccount;
import dev.garden.identity.ServiceAccountKey;
import dev.garden.identity.SigningKey;
import dev.garden.identity.UserAccount;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link IdentityView} a server checks requests against: an immutable in-memory snapshot of the store,
 * swapped whole. Reads never touch the database.
 *
 * <p>It follows the store by polling: a daemon thread reads the store's version every poll interval and reloads
 * everything when it moved, so a change made by any process (another Garden instance, the CLI) shows within one
 * interval. Writes through the store it was started with trigger a poll at once. If the database cannot be
 * reached, the last snapshot stays in use and {@link #freshAsOf()} stops advancing.
 *
 * <pre>{@code
 * IdentityStore store = IdentityStore.open(config);
 * IdentityCache view = IdentityCache.start(store);   // IdentityView
 * Revocations revocations = store;
 * ...
 * view.close();
 * store.close();
 * }</pre>
 */
public final class IdentityCache implements IdentityView, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(IdentityCache.class.getName());

    private final JdbcIdentityStore store;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor poller;
    private final Runnable onWrite = this::pollSoon;
    private final AtomicBoolean pollPending = new AtomicBoolean();
    private final Object pollLock = new Object();
    private final Object versionMonitor = new Object();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile Instant freshAsOf = Instant.EPOCH;
    private boolean failing;

    private IdentityCache(JdbcIdentityStore store, Duration pollInterval) {
        this.store = store;
        this.clock = store.clock();
        this.poller = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("garden-identity-poll").factory());
        poller.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        poller.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        try {
            refreshNow();
        } catch (RuntimeException e) {
            poller.shutdownNow();
            throw e;
        }
        long millis = Math.max(1, pollInterval.toMillis());
        poller.scheduleWithFixedDelay(this::pollQuietly, millis, millis, TimeUnit.MILLISECONDS);
        store.addWriteListener(onWrite);
    }

    /**
     * Loads the store and starts following it at the store's configured poll interval, with the store's clock.
     *
     * @throws IdentityException {@code UNAVAILABLE} if the first load fails
     */
    public static IdentityCache start(IdentityStore store) {
        return start(store, store.config().pollInterval());
    }

    /** Loads the store and starts following it, checking for changes every {@code pollInterval}. */
    public static IdentityCache start(IdentityStore store, Duration pollInterval) {
        Objects.requireNonNull(pollInterval, "pollInterval");
        return switch (Objects.requireNonNull(store, "store")) {
            case JdbcIdentityStore jdbc -> new IdentityCache(jdbc, pollInterval);
        };
    }

    /**
     * Checks the store now and reloads if it changed; returns when the snapshot is current.
     *
     * @throws IdentityException {@code UNAVAILABLE} if the database cannot be reached
     */
    public void refreshNow() {
        synchronized (pollLock) {
            Instant started = clock.instant();
            Snapshot current = snapshot;
            Snapshot next = store.database().read("read the identity store", c ->
                    Database.version(c) == current.version() ? current : Snapshot.load(c, current));
            if (next != current) {
                snapshot = next;
                synchronized (versionMonitor) {
                    versionMonitor.notifyAll();
                }
            }
            freshAsOf = started;
        }
    }

    /** The store version the snapshot reflects. */
    public long version() {
        return snapshot.version();
    }

    /**
     * Waits until the snapshot reflects at least {@code version} (e.g. {@link IdentityStore#version()} after a
     * write), for tests and for callers that must read their own writes.
     *
     * @return whether it did within the timeout
     */
    public boolean awaitVersion(long version, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (versionMonitor) {
            while (snapshot.version() < version) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(versionMonitor, left);
            }
            return true;
        }
    }

    private void pollSoon() {
        if (pollPending.compareAndSet(false, true)) {
            try {
                poller.execute(() -> {
                    pollPending.set(false);
                    pollQuietly();
                });
            } catch (RejectedExecutionException e) {
                pollPending.set(false); // closed
            }
        }
    }

    private void pollQuietly() {
        try {
            refreshNow();
            if (failing) {
                failing = false;
                LOG.log(System.Logger.Level.INFO, "the identity store is reachable again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(System.Logger.Level.WARNING, "cannot refresh identities; serving those as of "
                        + freshAsOf + " until the store is back", e);
            }
        }
    }

    /** Stops polling; waits for a poll in progress (interrupting one could break an embedded H2 file). */
    @Override
    public void close() {
        store.removeWriteListener(onWrite);
        poller.shutdown();
        try {
            if (!poller.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "an identity poll did not finish within 30 s of close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- IdentityView

    @Override
    public boolean projectExists(String projectId) {
        return snapshot.projects().contains(projectId);
    }

    @Override
    public Optional<ServiceAccount> serviceAccount(String email) {
        return Optional.ofNullable(snapshot.accounts().get(lower(email)));
    }

    @Override
    public List<ServiceAccountKey> keys(String accountEmail) {
        return snapshot.keysByAccount().getOrDefault(lower(accountEmail), List.of());
    }

    @Override
    public Optional<ServiceAccountKey> key(String keyId) {
        return Optional.ofNullable(snapshot.keys().get(keyId));
    }

    @Override
    public Optional<UserAccount> user(String email) {
        return Optional.ofNullable(snapshot.users().get(lower(email)));
    }

    @Override
    public Optional<OAuthClient> oauthClient(String clientId) {
        return Optional.ofNullable(snapshot.clients().get(clientId));
    }

    @Override
    public Optional<RefreshToken> refreshTokenBySha256(String tokenSha256) {
        return Optional.ofNullable(snapshot.refreshTokensBySha256().get(lower(tokenSha256)));
    }

    @Override
    public Optional<RefreshToken> refreshToken(String id) {
        return Optional.ofNullable(snapshot.refreshTokens().get(id));
    }

    @Override
    public Set<Role> roles(String projectId, Member member) {
        return snapshot.roles().getOrDefault(projectId, Map.of()).getOrDefault(member, Set.of());
    }

    @Override
    public List<SigningKey> signingKeys() {
        return snapshot.signingKeys();
    }

    @Override
    public boolean isAccessTokenRevoked(String tokenId) {
        return snapshot.revokedAccessTokens().contains(tokenId);
    }

    @Override
    public Instant freshAsOf() {
        return freshAsOf;
    }

    private static String lower(String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }
}
