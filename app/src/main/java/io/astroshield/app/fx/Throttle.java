package io.astroshield.app.fx;

import javafx.application.Platform;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the FX thread the latest immutable snapshot at most once per period, with at most one {@code runLater}
 * queued: a feed that pushes a thousand updates a second costs the FX thread a few redraws. Older snapshots
 * pushed before a redraw are dropped, so a snapshot must be the whole state, not a delta.
 */
public final class Throttle<T> {

    private static final ScheduledExecutorService TIMER = BackgroundPriority.startedScheduler(r -> {
        Thread t = new Thread(r, "astroshield-throttle");
        t.setDaemon(true);
        return t;
    });

    private final long periodNanos;
    private final Consumer<T> onFx;
    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastDeliveryNanos = System.nanoTime() - Long.MAX_VALUE / 4;

    public Throttle(Duration period, Consumer<T> onFx) {
        this.periodNanos = period.toNanos();
        this.onFx = onFx;
    }

    /** From any thread. */
    public void push(T snapshot) {
        latest.set(snapshot);
        if (scheduled.compareAndSet(false, true)) {
            long wait = Math.max(0, lastDeliveryNanos + periodNanos - System.nanoTime());
            TIMER.schedule(() -> Platform.runLater(this::deliver), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void deliver() {
        scheduled.set(false);
        lastDeliveryNanos = System.nanoTime();
        T value = latest.getAndSet(null);
        if (value != null) {
            onFx.accept(value);
        }
    }
}
