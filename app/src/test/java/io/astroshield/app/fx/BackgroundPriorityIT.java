package io.astroshield.app.fx;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The window's background work runs below the FX thread in the OS scheduler, and so do the JIT compilers, above
 * that work. Read back from {@code /proc/self/task/TID/stat} (proc(5), field 19, nice), so Linux only: elsewhere the
 * OS is only given the Java priority hint.
 */
@EnabledOnOs(OS.LINUX)
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class BackgroundPriorityIT {

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @Test
    void aTaskAndTheThreadsItStartsRunAtBackgroundPriorityWhileTheFxThreadKeepsItsOwn() throws Exception {
        int fxNice = WaitForAsyncUtils.asyncFx(() -> niceOfCurrentThread()).get(10, TimeUnit.SECONDS);
        assumeTrue(fxNice < BackgroundPriority.TASK_NICE, "the test JVM already runs at the lowest priority");
        CompletableFuture<int[]> seen = new CompletableFuture<>();
        try (BackgroundTasks tasks = new BackgroundTasks()) {
            WaitForAsyncUtils.asyncFx(() -> tasks.run("priority probe", progress -> {
                int own = niceOfCurrentThread();
                int[] child = new int[1];
                Thread started = new Thread(() -> child[0] = niceOfCurrentThread());
                started.start();
                started.join();
                seen.complete(new int[] {own, child[0]});
                return null;
            })).get(10, TimeUnit.SECONDS);
            int[] nice = seen.get(30, TimeUnit.SECONDS);

            assertThat(nice[0]).as("nice of the task's thread").isEqualTo(BackgroundPriority.TASK_NICE);
            assertThat(nice[1]).as("nice of a thread the task started (inherited)").isEqualTo(BackgroundPriority.TASK_NICE);
            assertThat(WaitForAsyncUtils.asyncFx(() -> niceOfCurrentThread()).get(10, TimeUnit.SECONDS))
                    .as("nice of the FX thread, unchanged").isEqualTo(fxNice);
        }
    }

    @Test
    void theJitCompilersGoBelowTheFxThreadOnceTheWindowHasBackgroundTasks() throws Exception {
        List<Long> compilers = BackgroundPriority.threadIdsNamed("C1 Compiler", "C2 Compiler");
        assumeTrue(!compilers.isEmpty(), "this JVM runs without JIT compiler threads");
        int fxNice = WaitForAsyncUtils.asyncFx(() -> niceOfCurrentThread()).get(10, TimeUnit.SECONDS);
        assumeTrue(fxNice <= BackgroundPriority.COMPILER_NICE, "the test JVM already runs below the compilers' level");

        try (BackgroundTasks tasks = new BackgroundTasks()) {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> compilers.stream()
                    .allMatch(tid -> BackgroundPriority.niceOf(tid).equals(OptionalInt.of(BackgroundPriority.COMPILER_NICE))));
        }
        for (long tid : compilers) {
            assertThat(BackgroundPriority.niceOf(tid)).as("nice of compiler thread %d", tid)
                    .hasValue(BackgroundPriority.COMPILER_NICE);
        }
    }

    private static int niceOfCurrentThread() {
        long tid = BackgroundPriority.currentThreadId().orElseThrow();
        return BackgroundPriority.niceOf(tid).orElseThrow();
    }
}
