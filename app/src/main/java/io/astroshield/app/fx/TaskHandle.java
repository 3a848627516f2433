package io.astroshield.app.fx;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Worker;

import java.util.function.Consumer;

/**
 * A running background task as the UI sees it: title, progress (0..1, or -1 while unknown), message, state,
 * cancel; the callbacks run on the FX thread.
 */
public final class TaskHandle<T> {

    private final String title;
    private final BackgroundTasks.FxTask<T> task;

    TaskHandle(String title, BackgroundTasks.FxTask<T> task) {
        this.title = title;
        this.task = task;
    }

    public String title() {
        return title;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return task.progressProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return task.messageProperty();
    }

    public ReadOnlyObjectProperty<Worker.State> stateProperty() {
        return task.stateProperty();
    }

    public boolean isDone() {
        return task.isDone();
    }

    /** Asks the work to stop: its {@link Progress#cancellation()} is cancelled and the thread interrupted. */
    public void cancel() {
        task.cancel(true);
    }

    public TaskHandle<T> onSuccess(Consumer<? super T> action) {
        task.successActions.add(action);
        return this;
    }

    public TaskHandle<T> onFailure(Consumer<Throwable> action) {
        task.failureActions.add(action);
        return this;
    }

    public TaskHandle<T> onCancelled(Runnable action) {
        task.cancelActions.add(action);
        return this;
    }

    /** Blocks until the task ends (tests only); the value, or the failure as an exception. */
    public T await() throws Exception {
        return task.get();
    }
}
