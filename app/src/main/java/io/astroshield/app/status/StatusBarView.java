package io.astroshield.app.status;

import io.astroshield.app.fx.BackgroundTasks;
import io.astroshield.app.fx.TaskHandle;
import io.astroshield.app.workstation.Formats;
import io.astroshield.persistence.sync.StoredOp;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import java.util.List;
import javafx.scene.Scene;

/** Connection, user and role, last sync, pending and parked ops, data age, and the running task with cancel. */
public final class StatusBarView extends HBox {

    private final Label connection = item("status-connection");
    private final Label identity = item("status-identity");
    private final Label lastSync = item("status-last-sync");
    private final Label pending = item("status-pending");
    private final Hyperlink parked = new Hyperlink();
    private final Label dataAge = item("status-data-age");
    private final Label task = item("status-task");
    private final ProgressBar progress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final StatusBarViewModel vm;

    public StatusBarView(StatusBarViewModel vm, BackgroundTasks tasks) {
        this.vm = vm;
        getStyleClass().add("status-bar");
        setId("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        parked.setId("status-parked");
        parked.setMinWidth(Region.USE_PREF_SIZE);
        parked.setOnAction(e -> showSyncIssues());
        progress.setId("status-progress");
        progress.setPrefWidth(160);
        cancel.setId("status-cancel");
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // what must always be read whole keeps its width; the rest gives way with an ellipsis (full text in the
        // tooltip) so the bar never gets wider than the window: a wider bar widens the window's root, and then
        // every status message redraws the whole window (docs/benchmarks.md, responsiveness)
        for (Label shrinkable : List.of(identity, lastSync, dataAge, task)) {
            shrinkable.setMinWidth(0);
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(shrinkable.textProperty());
            shrinkable.setTooltip(tip);
        }
        getChildren().setAll(connection, identity, lastSync, pending, parked, dataAge, grow, task, progress, cancel);
        vm.statusProperty().addListener((o, a, s) -> show(s));
        tasks.running().addListener((ListChangeListener<TaskHandle<?>>) c -> showTask(tasks));
        showTask(tasks);
    }

    private void show(StatusBarViewModel.Status s) {
        connection.setText(s.connection());
        connection.getStyleClass().remove("status-offline");
        if (!s.online()) {
            connection.getStyleClass().add("status-offline");
        }
        identity.setText(s.identity());
        identity.getStyleClass().remove("offline-identity");
        if (s.identityOffline()) {
            identity.getStyleClass().add("offline-identity");
        }
        lastSync.setText(s.lastSync());
        pending.setText("pending ops " + s.pending());
        parked.setText("parked ops " + s.parked());
        parked.getStyleClass().remove("status-parked");
        if (s.parked() > 0) {
            parked.getStyleClass().add("status-parked");
        }
        dataAge.setText(s.dataAge());
    }

    /** The most recent long task: its message, its progress, and cancel. */
    private void showTask(BackgroundTasks tasks) {
        TaskHandle<?> t = tasks.running().isEmpty() ? null : tasks.running().get(tasks.running().size() - 1);
        task.textProperty().unbind();
        progress.progressProperty().unbind();
        boolean busy = t != null;
        task.setVisible(busy);
        progress.setVisible(busy);
        cancel.setVisible(busy);
        if (busy) {
            task.textProperty().bind(javafx.beans.binding.Bindings.concat(t.title(), ": ", t.messageProperty()));
            progress.progressProperty().bind(t.progressProperty());
            cancel.setOnAction(e -> t.cancel());
        }
    }

    /** The "Sync issues" panel: parked ops with their reasons; they are never dropped silently. */
    public void showSyncIssues() {
        ListView<StoredOp> list = new ListView<>(vm.parkedOps());
        list.setId("sync-issues");
        list.setPlaceholder(new Label("No parked operations."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(StoredOp op, boolean empty) {
                super.updateItem(op, empty);
                setText(empty || op == null ? null : Formats.utcSeconds(op.op().createdAt()) + "  " + op.op().opType()
                        + "  (" + op.attempts() + " attempts)  " + (op.lastError() == null ? "" : op.lastError()));
            }
        });
        Stage s = new Stage();
        s.initOwner(getScene().getWindow());
        s.setTitle("AstroShield — Sync issues");
        Scene scene = new Scene(list, 700, 300);
        scene.getStylesheets().setAll(getScene().getStylesheets());
        s.setScene(scene);
        s.show();
    }

    private static Label item(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("status-item");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
