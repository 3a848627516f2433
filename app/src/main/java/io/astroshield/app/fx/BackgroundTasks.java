package io.astroshield.app.fx;

import io.astroshield.domain.screening.Cancellation;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one way the UI runs anything long: domain, store and network work on threads the app owns, with progress,
 * cancel and FX-thread callbacks ({@code tasks.run("Screening", work).onSuccess(vm::show).onFailure(errors::show)}).
 * {@link #running()} lists what is in flight for the status bar. Its threads, and the threads they start, run at
 * {@link BackgroundPriority background priority}.
 */
public final class BackgroundTasks implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);
    /** How often a task's progress and message are redrawn at most: a few times a second reads as live. */
    private static final Duration PROGRESS_PERIOD = Duration.ofMillis(250);

    /** The work of a task; runs on a background thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** One progress report: fraction done (negative: unknown) and message (null: unchanged). */
    private record Shown(double fraction, String message) {
    }

    private final ExecutorService executor;
    private final ObservableList<TaskHandle<?>> running = FXCollections.observableArrayList();

    public BackgroundTasks() {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread();
                r.run();
            }, "astroshield-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // The JIT compilers go below the FX thread as well (above these tasks); listing the threads takes a moment.
        executor.execute(BackgroundPriority::lowerCompilerThreads);
    }

    /** Starts {@code work}; call on the FX thread. */
    public <T> TaskHandle<T> run(String title, Work<T> work) {
        FxThread.check();
        FxTask<T> task = new FxTask<>(title, work);
        TaskHandle<T> handle = new TaskHandle<>(title, task);
        running.add(handle);
        task.runningList = running;
        task.handle = handle;
        start(task);
        return handle;
    }

    /**
     * Starts {@code work} without listing it in {@link #running()}: a view's refresh that follows the clock (the 3D
     * scene, the ground tracks, a few times a second) would only make the status bar flicker. Call on the FX thread.
     */
    public <T> TaskHandle<T> runUnlisted(String title, Work<T> work) {
        FxThread.check();
        FxTask<T> task = new FxTask<>(title, work);
        TaskHandle<T> handle = new TaskHandle<>(title, task);
        task.handle = handle;
        start(task);
        return handle;
    }

    /** A window that closed drops work its views still ask for (a last clock tick, a queued refresh). */
    private void start(FxTask<?> task) {
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            task.cancel(false);
        }
    }

    /** Tasks in flight (FX thread). */
    public ObservableList<TaskHandle<?>> running() {
        return running;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    static final class FxTask<T> extends Task<T> {
        final List<Consumer<? super T>> successActions = new CopyOnWriteArrayList<>();
        final List<Consumer<Throwable>> failureActions = new CopyOnWriteArrayList<>();
        final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
        private final String title;
        private final Work<T> work;
        // the work steps aside while the FX thread is behind: the window stays responsive on a small machine
        private final Cancellation cancellation = new Cancellation(FxYield.INSTANCE);
        // work reports as often as it likes; a bar redrawn on every frame would keep the renderer busy
        private final Throttle<Shown> shownProgress = new Throttle<>(PROGRESS_PERIOD, this::show);
        ObservableList<TaskHandle<?>> runningList;
        TaskHandle<T> handle;

        FxTask(String title, Work<T> work) {
            this.title = title;
            this.work = work;
            updateTitle(title);
            updateProgress(-1, 1);
        }

        @Override
        protected T call() throws Exception {
            return work.run(new Progress() {
                private String lastMessage;

                @Override
                public void update(double fraction, String message) {
                    // a report without a message keeps the last one, even if that one was never drawn
                    if (message != null) {
                        lastMessage = message;
                    }
                    shownProgress.push(new Shown(fraction, lastMessage));
                }

                @Override
                public Cancellation cancellation() {
                    return cancellation;
                }
            });
        }

        /** On the FX thread: the latest progress the work reported. */
        private void show(Shown p) {
            updateProgress(p.fraction() >= 0 ? Math.min(1, p.fraction()) : -1, 1);
            if (p.message() != null) {
                updateMessage(p.message());
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancellation.cancel();
            return super.cancel(mayInterruptIfRunning);
        }

        @Override
        protected void succeeded() {
            finish();
            T value = getValue();
            successActions.forEach(a -> a.accept(value));
        }

        @Override
        protected void failed() {
            finish();
            Throwable e = getException();
            if (failureActions.isEmpty()) {
                LOG.error("{} failed", title, e);
            }
            failureActions.forEach(a -> a.accept(e));
        }

        @Override
        protected void cancelled() {
            finish();
            cancelActions.forEach(Runnable::run);
        }

        private void finish() {
            if (Platform.isFxApplicationThread() && runningList != null) {
                runningList.remove(handle);
            }
        }
    }
}
