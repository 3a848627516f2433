package io.astroshield.app.fx;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task's progress reaches the FX thread a few times a second however often the work reports it, and the last
 * report is never lost: the status bar's bar then redraws a few times a second, not on every frame.
 */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class BackgroundTasksIT {

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @Test
    void progressReportedThousandsOfTimesIsShownAFewTimesASecondEndingWithTheLastReport() throws Exception {
        AtomicInteger shownChanges = new AtomicInteger();
        AtomicLong workNanos = new AtomicLong();
        try (BackgroundTasks tasks = new BackgroundTasks()) {
            TaskHandle<Void> handle = WaitForAsyncUtils.asyncFx(() -> {
                TaskHandle<Void> h = tasks.run("many reports", progress -> {
                    long t0 = System.nanoTime();
                    int reports = 10_000;
                    for (int i = 1; i <= reports; i++) {
                        // the message only every 1000th report: the ones in between keep it
                        progress.update((double) i / reports, i % 1000 == 0 ? "report " + i : null);
                        LockSupport.parkNanos(50_000);
                    }
                    workNanos.set(System.nanoTime() - t0);
                    return null;
                });
                h.progressProperty().addListener((o, a, b) -> shownChanges.incrementAndGet());
                return h;
            }).get(10, TimeUnit.SECONDS);
            handle.await();
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                    handle.progressProperty().get() == 1.0 && "report 10000".equals(handle.messageProperty().get()))
                    .get());

            // at most one change per 250 ms period of the work, one at its start and one trailing (10,000 reports)
            long periods = workNanos.get() / 250_000_000L;
            assertThat(shownChanges.get()).as("progress changes on the FX thread over %.2f s of work",
                    workNanos.get() / 1e9).isBetween(1, (int) periods + 3);
        }
    }
}
