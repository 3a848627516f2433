package io.astroshield.app.fx;

import javafx.application.Platform;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Background work steps aside while the FX thread is behind. On a two-core console a screening thread, the FX
 * thread, the renderer and a software rasteriser (Mesa llvmpipe) share the cores, and the scheduler gives the
 * screening its fair share even while a frame waits; the window then stalls for a few hundred ms at a time.
 * <p>
 * Every background task's {@link io.astroshield.domain.screening.Cancellation} runs this between units of work: it
 * keeps one probe queued on the FX thread (at most every {@value #PROBE_EVERY_MS} ms), and while a probe has waited
 * longer than {@value #LATE_MS} ms (the FX thread is in a long pulse, or waiting for the renderer) working threads
 * park, for at most {@value #MAX_WAIT_MS} ms per probe, so the work always moves on.
 */
public final class FxYield implements Runnable {

    /** One FX thread per JVM, so one probe for every task. */
    public static final FxYield INSTANCE = new FxYield();

    /** A 60 Hz pulse comes every 16.7 ms: a probe unanswered for longer means the FX thread is missing frames. */
    static final long LATE_MS = 17;
    static final long MAX_WAIT_MS = 200;
    static final long PROBE_EVERY_MS = 10;
    private static final long PARK_NS = 1_000_000;

    /** System.nanoTime() (made odd, never 0) when the unanswered probe was queued; 0 when none is. */
    private final AtomicLong outstanding = new AtomicLong();
    private volatile long answeredAt = System.nanoTime() - PROBE_EVERY_MS * 1_000_000;
    private volatile boolean noToolkit;
    private final LongAdder parkedNanos = new LongAdder();

    FxYield() {
    }

    @Override
    public void run() {
        if (noToolkit) {
            return;
        }
        long now = System.nanoTime();
        long posted = outstanding.get();
        if (posted == 0) {
            if (now - answeredAt >= PROBE_EVERY_MS * 1_000_000) {
                long stamp = now | 1;
                if (outstanding.compareAndSet(0, stamp)) {
                    post(stamp);
                }
            }
            return;
        }
        long lateAt = posted + LATE_MS * 1_000_000;
        long giveUpAt = lateAt + MAX_WAIT_MS * 1_000_000;
        if (now - lateAt < 0 || now - giveUpAt >= 0) {
            return;
        }
        long from = now;
        while (outstanding.get() == posted && (now = System.nanoTime()) - giveUpAt < 0) {
            LockSupport.parkNanos(PARK_NS);
        }
        parkedNanos.add(now - from);
    }

    /** Time working threads spent parked here, summed over threads (a benchmark reports it). */
    public long parkedNanos() {
        return parkedNanos.sum();
    }

    private void post(long stamp) {
        try {
            Platform.runLater(() -> {
                answeredAt = System.nanoTime();
                outstanding.compareAndSet(stamp, 0);
            });
        } catch (IllegalStateException toolkitNotRunning) {
            // a task outside a window (the CLI, a test without a toolkit): nothing to yield to
            noToolkit = true;
            outstanding.set(0);
        }
    }
}
