package io.astroshield.app.fx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reading a thread's OS priority back, and lowering the calling thread's, on Linux (proc(5)). */
@EnabledOnOs(OS.LINUX)
class BackgroundPriorityTest {

    @Test
    void aThreadWhoseNameHoldsSpacesAndParenthesesReadsItsInheritedNiceThenTheLoweredOne() throws Exception {
        int parentNice = BackgroundPriority.niceOf(BackgroundPriority.currentThreadId().orElseThrow()).orElseThrow();
        assumeTrue(parentNice < BackgroundPriority.TASK_NICE, "the test JVM already runs at the lowest priority");
        AtomicReference<OptionalInt> before = new AtomicReference<>();
        AtomicReference<OptionalInt> after = new AtomicReference<>();
        // the stat line puts the OS name in parentheses: ") (" in it must not shift the fields
        Thread t = new Thread(() -> {
            long tid = BackgroundPriority.currentThreadId().orElseThrow();
            before.set(BackgroundPriority.niceOf(tid));
            BackgroundPriority.lowerCurrentThread();
            after.set(BackgroundPriority.niceOf(tid));
        }, "a) (b c");
        t.start();
        t.join();

        assertThat(before.get()).as("nice before, inherited from the starting thread").hasValue(parentNice);
        assertThat(after.get()).as("nice after lowering").hasValue(BackgroundPriority.TASK_NICE);
        assertThat(BackgroundPriority.niceOf(BackgroundPriority.currentThreadId().orElseThrow()))
                .as("the starting thread is not lowered").hasValue(parentNice);
    }

    @Test
    void aStartedSchedulerKeepsItsCreatorsPriorityWhenABackgroundThreadSubmitsFirst() throws Exception {
        int creatorNice = BackgroundPriority.niceOf(BackgroundPriority.currentThreadId().orElseThrow()).orElseThrow();
        assumeTrue(creatorNice < BackgroundPriority.TASK_NICE, "the test JVM already runs at the lowest priority");
        var scheduler = BackgroundPriority.startedScheduler(r -> {
            Thread t = new Thread(r, "priority-test-scheduler");
            t.setDaemon(true);
            return t;
        });
        AtomicReference<OptionalInt> ranAt = new AtomicReference<>();
        try {
            Thread background = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread();
                try {
                    scheduler.submit(() -> ranAt.set(BackgroundPriority.niceOf(
                            BackgroundPriority.currentThreadId().orElseThrow()))).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            background.start();
            background.join();
        } finally {
            scheduler.shutdownNow();
        }

        assertThat(ranAt.get()).as("nice of the scheduler's thread").hasValue(creatorNice);
    }

    @Test
    void threadsAreFoundByTheirOsName() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            running.countDown(); // the JVM names the OS thread before run()
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException done) {
                // the test is over
            }
        }, "priority-test-sleeper");
        t.setDaemon(true);
        t.start();
        running.await();
        try {
            // the OS name is cut to 15 characters
            assertThat(BackgroundPriority.threadIdsNamed("priority-test-s")).hasSize(1);
            assertThat(BackgroundPriority.threadIdsNamed("no-such-thread")).isEmpty();
        } finally {
            t.interrupt();
        }
    }
}
