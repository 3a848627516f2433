package io.astroshield.app.fx;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Background work holds back while the FX thread is busy and goes on when it is free, or after at most
 * {@link FxYield#MAX_WAIT_MS} even if it is not. The assertions are on order (did the work go on before or after the
 * FX thread was free), with margins of several times the thresholds, not on speed.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class FxYieldIT {

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @Test
    void workWaitsWhileTheFxThreadIsBusyAndGoesOnOnceItIsFree() throws Exception {
        FxYield yield = new FxYield();
        AtomicBoolean fxFree = new AtomicBoolean();
        CountDownLatch release = new CountDownLatch(1);
        holdFxThread(release, 10_000, fxFree);
        Thread worker = Thread.currentThread();
        AtomicBoolean waiting = new AtomicBoolean();
        // frees the FX thread once the work is parked in the second call
        Thread releaser = new Thread(() -> {
            while (!(waiting.get() && worker.getState() == Thread.State.TIMED_WAITING)) {
                Thread.onSpinWait();
            }
            release.countDown();
        });
        releaser.setDaemon(true);

        yield.run(); // queues the probe behind the busy FX thread
        Thread.sleep(FxYield.LATE_MS * 3); // the probe is now late
        releaser.start();
        waiting.set(true);
        yield.run();

        assertThat(fxFree).as("the work went on only after the FX thread was free").isTrue();
        assertThat(yield.parkedNanos()).as("parked, ns").isPositive();
    }

    @Test
    void workGoesOnAfterTheLongestWaitEvenIfTheFxThreadStaysBusy() throws Exception {
        FxYield yield = new FxYield();
        AtomicBoolean fxFree = new AtomicBoolean();
        holdFxThread(new CountDownLatch(1), FxYield.MAX_WAIT_MS * 8, fxFree);

        yield.run();
        Thread.sleep(FxYield.LATE_MS * 3);
        yield.run();
        yield.run(); // the same late probe: no second wait

        assertThat(fxFree).as("the work went on while the FX thread was still busy").isFalse();
        assertThat(yield.parkedNanos()).as("parked, ns")
                .isLessThanOrEqualTo((FxYield.LATE_MS + FxYield.MAX_WAIT_MS) * 1_000_000L + 50_000_000L);
    }

    /** Keeps the FX thread busy until {@code release} or for {@code ms}; returns once it has started. */
    private static void holdFxThread(CountDownLatch release, long ms, AtomicBoolean free) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Platform.runLater(() -> {
            started.countDown();
            try {
                release.await(ms, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            free.set(true);
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
