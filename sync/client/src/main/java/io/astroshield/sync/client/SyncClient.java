package io.astroshield.sync.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.sync.OutboxStatus;
import io.astroshield.sync.protocol.Json;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The workstation's offline-first sync with one server, on one store. {@link #syncOnce()} uploads the outbox
 * then downloads the change log (so a client reads its own writes after one sync); {@link #start} runs that in
 * the background on the caller's scheduler: at once, whenever the server's live stream says the log grew, every
 * {@link Options#pollInterval()} as a fallback, and after a failure with exponential backoff and jitter until the
 * server answers again. {@link #status()} and the listeners give the status bar what it shows.
 */
public final class SyncClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncClient.class);

    /**
     * Tunables. {@code maxAttempts}: transient failures after which an op is parked. {@code callTimeout}: one HTTP
     * call, connect to last byte. {@code random}: the jitter's source (seed it in tests).
     */
    public record Options(int uploadBatch, int pageSize, int maxAttempts, Duration backoffBase, Duration backoffMax,
                          Duration pollInterval, Duration callTimeout, boolean liveStream, Random random,
                          Clock clock, TrustedCertificates trust, Downloader.ChangeHook changeHook) {
        public Options {
            if (uploadBatch < 1 || uploadBatch > 1000) {
                throw new IllegalArgumentException("uploadBatch: " + uploadBatch + " (1..1000, the server's limit)");
            }
            if (pageSize < 1 || pageSize > 1000) {
                throw new IllegalArgumentException("pageSize: " + pageSize + " (1..1000, the server's limit)");
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts: " + maxAttempts);
            }
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(callTimeout, "callTimeout");
            Objects.requireNonNull(random, "random");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(changeHook, "changeHook");
            new Backoff(backoffBase, backoffMax, random);
        }

        /**
         * Batches and pages of 1000 (the server's maximum), parking after 8 transient failures, backoff from 1 s to
         * 5 min, a poll every 60 s besides the live stream, 30 s per call.
         */
        public static Options defaults() {
            return new Options(1000, 1000, 8, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(60),
                    Duration.ofSeconds(30), true, new Random(), Clock.systemUTC(), null, change -> { });
        }

        public Options withBackoff(Duration base, Duration max) {
            return new Options(uploadBatch, pageSize, maxAttempts, base, max, pollInterval, callTimeout, liveStream,
                    random, clock, trust, changeHook);
        }

        public Options withMaxAttempts(int n) {
            return new Options(uploadBatch, pageSize, n, backoffBase, backoffMax, pollInterval, callTimeout, liveStream,
                    random, clock, trust, changeHook);
        }

        public Options withBatches(int upload, int page) {
            return new Options(upload, page, maxAttempts, backoffBase, backoffMax, pollInterval, callTimeout,
                    liveStream, random, clock, trust, changeHook);
        }

        public Options withPollInterval(Duration interval) {
            return new Options(uploadBatch, pageSize, maxAttempts, backoffBase, backoffMax, interval, callTimeout,
                    liveStream, random, clock, trust, changeHook);
        }

        public Options withCallTimeout(Duration timeout) {
            return new Options(uploadBatch, pageSize, maxAttempts, backoffBase, backoffMax, pollInterval, timeout,
                    liveStream, random, clock, trust, changeHook);
        }

        public Options withLiveStream(boolean on) {
            return new Options(uploadBatch, pageSize, maxAttempts, backoffBase, backoffMax, pollInterval, callTimeout,
                    on, random, clock, trust, changeHook);
        }

        public Options withRandom(Random r) {
            return new Options(uploadBatch, pageSize, maxAttempts, backoffBase, backoffMax, pollInterval, callTimeout,
                    liveStream, r, clock, trust, changeHook);
        }

        public Options withClock(Clock c) {
            return new Options(uploadBatch, pageSize, maxAttempts, backoffBase, backoffMax, pollInterval, callTimeout,
                    liveStream, random, c, trust, changeHook);
        }

        /** HTTPS trusts these certificates instead of the JDK's authorities. */
        public Options withTrust(TrustedCertificates t) {
            return new Options(uploadBatch, pageSize, maxAttempts, backoffBase, backoffMax, pollInterval, callTimeout,
                    liveStream, random, clock, t, changeHook);
        }

        Options withChangeHook(Downloader.ChangeHook hook) {
            return new Options(uploadBatch, pageSize, maxAttempts, backoffBase, backoffMax, pollInterval, callTimeout,
                    liveStream, random, clock, trust, hook);
        }
    }

    /** What one {@link #syncOnce()} did, and how long its upload and download took. */
    public record Result(int applied, int duplicate, int rejected, int parked, long downloaded, Duration uploadTook,
                         Duration downloadTook) {
    }

    private final Store store;
    private final ServerApi api;
    private final Uploader uploader;
    private final Downloader downloader;
    private final Backoff backoff;
    private final Options options;
    private final LocalOps localOps;
    private final ReentrantLock cycleLock = new ReentrantLock();
    private final List<Consumer<SyncStatus>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Result>> syncListeners = new CopyOnWriteArrayList<>();
    private final Object schedule = new Object();

    private volatile boolean connected;
    private volatile boolean live;
    private volatile Instant lastSync;
    private volatile String lastError;
    private volatile SyncStatus lastStatus;

    // background loop state, guarded by schedule
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> next;
    private boolean running;
    private boolean again;
    private boolean cycling;
    private int failures;
    private LiveStream stream;
    private int streamFailures;

    public SyncClient(Store store, String serverUrl, Credentials credentials, Options options) {
        this.store = Objects.requireNonNull(store, "store");
        this.options = Objects.requireNonNull(options, "options");
        HttpUrl base = HttpUrl.parse(serverUrl);
        if (base == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + serverUrl);
        }
        OkHttpClient.Builder http = new OkHttpClient.Builder().callTimeout(options.callTimeout())
                .connectTimeout(Duration.ofSeconds(Math.min(10, Math.max(1, options.callTimeout().toSeconds()))))
                .readTimeout(options.callTimeout()).retryOnConnectionFailure(false);
        if (options.trust() != null) {
            http.sslSocketFactory(options.trust().socketFactory(), options.trust().trustManager());
        }
        ObjectMapper json = Json.newMapper();
        this.api = new ServerApi(base, Objects.requireNonNull(credentials, "credentials"), http.build(), json,
                options.clock());
        this.backoff = new Backoff(options.backoffBase(), options.backoffMax(), options.random());
        this.uploader = new Uploader(store, api, json, backoff, options.clock(), options.uploadBatch(),
                options.maxAttempts());
        this.downloader = new Downloader(store, api, json, options.clock(), options.pageSize(), options.changeHook());
        this.localOps = LocalOps.of(store, options.clock());
    }

    /** Queues local changes for this client's device. */
    public LocalOps localOps() {
        return localOps;
    }

    /**
     * One sync now on the caller's thread: upload every due op, then download to the head of the log.
     *
     * @throws SyncException when the server could not be reached or refused; what was done before stays done
     */
    public Result syncOnce() {
        cycleLock.lock();
        try {
            long t0 = System.nanoTime();
            Uploader.Outcome up = uploader.push();
            long t1 = System.nanoTime();
            long down = downloader.pull();
            long t2 = System.nanoTime();
            connected = true;
            lastError = null;
            lastSync = options.clock().instant();
            Result result = new Result(up.applied(), up.duplicate(), up.rejected(), up.parked(), down,
                    Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1));
            // still in the cycle: no upload can answer an op the listener's view of the local copy does not show
            for (Consumer<Result> l : syncListeners) {
                try {
                    l.accept(result);
                } catch (RuntimeException e) {
                    LOG.warn("a sync listener failed", e);
                }
            }
            return result;
        } catch (SyncException e) {
            connected = e.kind() != SyncException.Kind.TRANSIENT;
            lastError = e.getMessage();
            throw e;
        } finally {
            cycleLock.unlock();
            publish();
        }
    }

    /** Starts the background loop on {@code scheduler} (which the caller owns and shuts down after {@link #stop()}). */
    public void start(ScheduledExecutorService scheduler) {
        synchronized (schedule) {
            if (running) {
                throw new IllegalStateException("already running");
            }
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            running = true;
            failures = 0;
            scheduleLocked(Duration.ZERO);
            if (options.liveStream()) {
                scheduler.execute(this::openStream);
            }
        }
    }

    /** Stops the loop and the live stream; a sync in progress finishes. Idempotent. */
    public void stop() {
        synchronized (schedule) {
            running = false;
            if (next != null) {
                next.cancel(false);
                next = null;
            }
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }
    }

    /** Asks the background loop to sync as soon as it can (e.g. right after a local change). */
    public void requestSync() {
        synchronized (schedule) {
            if (!running) {
                return;
            }
            if (cycling) {
                // the cycle under way reschedules itself at once when it ends
                again = true;
            } else {
                scheduleLocked(Duration.ZERO);
            }
        }
    }

    public SyncStatus status() {
        SyncStatus s = lastStatus;
        return s != null ? s : publish();
    }

    /** {@code listener} gets every new status, on the thread that made it (the UI hands it to its own thread). */
    public void addListener(Consumer<SyncStatus> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<SyncStatus> listener) {
        listeners.remove(listener);
    }

    /**
     * {@code listener} gets the result of every sync that completed (upload and download), on the syncing thread and
     * before the next sync can start, when the local copy holds the server's answer to every op it sent and the
     * changes those answers made: the moment to bring local state that follows server data (the alarm engine,
     * {@link SharedAlarms}) up to it. It should not take long: it holds up the next sync.
     */
    public void addSyncListener(Consumer<Result> listener) {
        syncListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void close() {
        stop();
        api.http().dispatcher().executorService().shutdown();
        api.http().connectionPool().evictAll();
    }

    private void cycle() {
        synchronized (schedule) {
            cycling = true;
        }
        Duration wait;
        try {
            Result r = syncOnce();
            if (r.downloaded() > 0 || r.applied() + r.duplicate() + r.rejected() > 0) {
                LOG.debug("sync: {}", r);
            }
            synchronized (schedule) {
                failures = 0;
            }
            wait = options.pollInterval();
            Instant nextDue = store.read(tx -> tx.outbox().pending(1)).stream().findFirst()
                    .map(op -> op.nextAttemptAt()).orElse(null);
            if (nextDue != null) {
                Duration untilDue = Duration.between(options.clock().instant(), nextDue);
                wait = untilDue.isNegative() ? Duration.ZERO : untilDue.compareTo(wait) < 0 ? untilDue : wait;
            }
        } catch (SyncException e) {
            int n;
            synchronized (schedule) {
                n = ++failures;
            }
            wait = e.kind() == SyncException.Kind.RATE_LIMITED ? e.retryAfter() : backoff.after(n);
            LOG.info("sync failed ({}), next try in {} ms: {}", e.kind(), wait.toMillis(), e.getMessage());
        } catch (RuntimeException e) {
            int n;
            synchronized (schedule) {
                n = ++failures;
            }
            wait = backoff.after(n);
            lastError = e.toString();
            LOG.warn("sync failed unexpectedly, next try in {} ms", wait.toMillis(), e);
            publish();
        }
        synchronized (schedule) {
            cycling = false;
            if (running) {
                scheduleLocked(again ? Duration.ZERO : wait);
                again = false;
            }
        }
    }

    private void scheduleLocked(Duration delay) {
        if (next != null) {
            next.cancel(false);
        }
        next = scheduler.schedule(this::cycle, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void openStream() {
        synchronized (schedule) {
            if (!running || stream != null) {
                return;
            }
        }
        LiveStream opened;
        try {
            opened = LiveStream.open(api, this::onHead, this::onStreamEnd);
        } catch (RuntimeException e) {
            // sign-in failed or the server is away: the loop reports it; try the stream again later
            onStreamEnd();
            return;
        }
        synchronized (schedule) {
            if (running) {
                stream = opened;
                return;
            }
        }
        opened.close();
    }

    private void onHead(long seq) {
        synchronized (schedule) {
            streamFailures = 0;
        }
        if (!live) {
            live = true;
            publish();
        }
        if (seq > downloader.cursor()) {
            requestSync();
        }
    }

    private void onStreamEnd() {
        boolean stopped;
        synchronized (schedule) {
            stream = null;
            stopped = !running;
        }
        if (live) {
            live = false;
            // a stream closed by stop() ends after it, when the caller may have closed the store already
            if (!stopped) {
                publish();
            }
        }
        if (stopped) {
            return;
        }
        synchronized (schedule) {
            if (running) {
                Duration wait = backoff.after(++streamFailures);
                scheduler.schedule(this::openStream, wait.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private SyncStatus publish() {
        Map<OutboxStatus, Long> counts = store.read(tx -> tx.outbox().countsByStatus());
        Map<String, Instant> newest = store.read(tx -> tx.syncMirror().newestChangePerEntity());
        ServerApi.Identity who = api.identity();
        SyncStatus s = new SyncStatus(connected, live, who == null ? null : who.username(), who == null ? null : who.role(),
                lastSync, counts.getOrDefault(OutboxStatus.PENDING, 0L), counts.getOrDefault(OutboxStatus.PARKED, 0L),
                counts.getOrDefault(OutboxStatus.REJECTED, 0L), downloader.cursor(), newest, lastError);
        lastStatus = s;
        for (Consumer<SyncStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("a sync status listener failed", e);
            }
        }
        return s;
    }
}
