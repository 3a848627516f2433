package io.astroshield.app.alarms;

import io.astroshield.app.workstation.Formats;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.AuditEvent;
import io.astroshield.domain.alarms.Severity;
import io.astroshield.domain.alarms.ShelveDuration;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The alarm list: severity as icon + text, state, what, value, since, shelving; acknowledge with a comment,
 * shelve with a reason and a duration from a fixed menu, unshelve, reset (supervisor); the selected alarm's audit.
 */
public final class AlarmPaneView extends BorderPane {

    private final AlarmPaneViewModel vm;
    private final TableView<AlarmOccurrence> table = new TableView<>();

    public AlarmPaneView(AlarmPaneViewModel vm) {
        this.vm = vm;
        setId("alarm-pane");
        table.setId("alarm-table");
        table.setItems(vm.visibleAlarms());
        table.setPlaceholder(new Label("No open alarms."));
        TableColumn<AlarmOccurrence, Severity> severity = column("Severity", AlarmOccurrence::severity, 110);
        severity.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Severity s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeIf(k -> k.startsWith("severity-"));
                setText(empty || s == null ? null : SeverityText.of(s));
                if (!empty && s != null) {
                    getStyleClass().add(SeverityText.styleClass(s));
                }
            }
        });
        table.getColumns().setAll(List.of(severity,
                column("State", a -> a.state().name() + (a.latched() ? " (latched)" : ""), 130),
                column("Alarm", a -> a.key().definitionId(), 140),
                column("Subject", a -> a.key().subject(), 200),
                column("Value", a -> String.format(Locale.ROOT, "%.4g", a.currentValue()), 80),
                column("Quality", a -> a.quality().name(), 80),
                column("Since (UTC)", a -> Formats.utcSeconds(a.triggeredAt()), 160),
                column("Shelved", a -> a.shelving() == null ? "" : a.shelving().until() == null
                        ? "until unshelved" : "until " + Formats.utcMinutes(a.shelving().until()), 150),
                column("Assigned", a -> a.assignee() == null ? "" : a.assignee(), 110),
                column("Origin", a -> a.key().origin().name(), 80)));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AlarmOccurrence a, boolean empty) {
                super.updateItem(a, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("unacknowledged"),
                        !empty && a != null && !a.acknowledged());
                getStyleClass().remove("alarm-unacknowledged");
                if (!empty && a != null && !a.acknowledged()) {
                    getStyleClass().add("alarm-unacknowledged");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(b);
            }
        });

        ListView<AuditEvent> history = new ListView<>(vm.history());
        history.setId("alarm-history");
        history.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AuditEvent e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : describe(e));
            }
        });
        SplitPane split = new SplitPane(table, new VBox(4, new Label("History of the selected alarm"), history));
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.65);
        VBox.setVgrow(history, Priority.ALWAYS);

        setTop(toolbar());
        setCenter(split);
        Label result = new Label();
        result.setId("alarm-result");
        result.textProperty().bind(vm.lastResultProperty());
        result.setPadding(new Insets(2, 6, 2, 6));
        setBottom(result);
    }

    static String describe(AuditEvent e) {
        StringBuilder b = new StringBuilder(Formats.utcSeconds(e.deviceTime())).append("  ")
                .append(e.action().name()).append("  ").append(e.user());
        if (e.role() != null) {
            b.append(" (").append(e.role().name().toLowerCase(Locale.ROOT)).append(")");
        }
        // a transition another console made names that console, and when the backend applied it
        b.append(" @").append(e.actingDevice());
        if (e.actorOffline()) {
            b.append(" (offline)");
        }
        if (e.remote() && e.serverTime() != null) {
            b.append(" (shared ").append(Formats.utcSeconds(e.serverTime())).append(")");
        }
        if (!e.oldValue().isEmpty() || !e.newValue().isEmpty()) {
            b.append("  ").append(e.oldValue()).append(" → ").append(e.newValue());
        }
        if (!e.comment().isEmpty()) {
            b.append("  “").append(e.comment()).append("”");
        }
        if (e.refusal() != null) {
            b.append("  REFUSED: ").append(e.refusal());
        }
        return b.toString();
    }

    private javafx.scene.layout.FlowPane toolbar() {
        Button ack = new Button("Acknowledge…");
        ack.setId("alarm-ack");
        ack.setOnAction(e -> acknowledge());
        Button shelve = new Button("Shelve…");
        shelve.setId("alarm-shelve");
        shelve.setOnAction(e -> shelve());
        Button unshelve = new Button("Unshelve");
        unshelve.setId("alarm-unshelve");
        unshelve.setOnAction(e -> vm.unshelve(selected()));
        Button assign = new Button("Assign…");
        assign.setId("alarm-assign");
        assign.setOnAction(e -> assign());
        Button reset = new Button("Reset");
        reset.setId("alarm-reset");
        reset.setOnAction(e -> vm.reset(selected()));
        for (Button b : List.of(ack, shelve, unshelve, assign, reset)) {
            b.disableProperty().bind(vm.selectedProperty().isNull());
        }
        ComboBox<Severity> min = new ComboBox<>();
        min.setId("alarm-min-severity");
        min.getItems().add(null);
        min.getItems().addAll(Severity.values());
        min.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Severity s) {
                return s == null ? "all severities" : "≥ " + SeverityText.of(s);
            }

            @Override
            public Severity fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        min.valueProperty().bindBidirectional(vm.minimumSeverityProperty());
        TextField search = new TextField();
        search.setId("alarm-search");
        search.setPromptText("Filter alarms");
        search.textProperty().bindBidirectional(vm.searchProperty());
        CheckBox shelved = new CheckBox("Show shelved");
        shelved.selectedProperty().bindBidirectional(vm.showShelvedProperty());
        // wraps in a narrow pane instead of cutting the buttons' names
        javafx.scene.layout.FlowPane bar = new javafx.scene.layout.FlowPane(6, 4, ack, shelve, unshelve, assign,
                reset, min, search, shelved);
        for (var n : bar.getChildren()) {
            ((javafx.scene.layout.Region) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        search.setPrefColumnCount(14);
        bar.setPadding(new Insets(4));
        return bar;
    }

    private AlarmOccurrence selected() {
        return vm.selectedProperty().get();
    }

    /** Ctrl+K: acknowledge the selected alarm, asking for the comment. */
    public void acknowledge() {
        AlarmOccurrence a = selected();
        if (a == null) {
            return;
        }
        Dialog<String> d = new Dialog<>();
        d.initOwner(getScene().getWindow());
        d.setTitle("Acknowledge alarm");
        d.setHeaderText(SeverityText.of(a.severity()) + "  " + a.key().subject());
        TextField comment = new TextField();
        comment.setId("ack-comment");
        comment.setPromptText("Comment (audited)");
        d.getDialogPane().setContent(new VBox(6, new Label("Acknowledging is irreversible."), comment));
        ButtonType ok = new ButtonType("Acknowledge", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ok ? comment.getText() : null);
        d.getDialogPane().setId("ack-dialog");
        Optional<String> answer = d.showAndWait();
        answer.ifPresent(text -> vm.acknowledge(a, text));
    }

    /** Says who works the selected alarm (blank: nobody); defaults to the person at the console. */
    public void assign() {
        AlarmOccurrence a = selected();
        if (a == null) {
            return;
        }
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(
                a.assignee() != null ? a.assignee() : vm.context().workstation().identity().user());
        d.initOwner(getScene().getWindow());
        d.setTitle("Assign alarm");
        d.setHeaderText(SeverityText.of(a.severity()) + "  " + a.key().subject());
        d.setContentText("Assign to (blank: nobody)");
        d.getEditor().setId("assign-to");
        d.showAndWait().ifPresent(who -> vm.assign(a, who));
    }

    /** Shelve needs a reason and a duration from the fixed menu (unlimited: supervisors only, the engine checks). */
    public void shelve() {
        AlarmOccurrence a = selected();
        if (a == null) {
            return;
        }
        Dialog<Object[]> d = new Dialog<>();
        d.initOwner(getScene().getWindow());
        d.setTitle("Shelve alarm");
        d.setHeaderText(SeverityText.of(a.severity()) + "  " + a.key().subject());
        TextField reason = new TextField();
        reason.setId("shelve-reason");
        reason.setPromptText("Reason (required, audited)");
        ComboBox<ShelveDuration> duration = new ComboBox<>();
        duration.setId("shelve-duration");
        duration.getItems().setAll(ShelveDuration.values());
        duration.setValue(ShelveDuration.ONE_HOUR);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Reason"), reason);
        g.addRow(1, new Label("For"), duration);
        d.getDialogPane().setContent(g);
        ButtonType ok = new ButtonType("Shelve", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ok).disableProperty().bind(reason.textProperty().isEmpty());
        d.setResultConverter(b -> b == ok ? new Object[] {duration.getValue(), reason.getText()} : null);
        d.getDialogPane().setId("shelve-dialog");
        d.showAndWait().ifPresent(r -> vm.shelve(a, (ShelveDuration) r[0], (String) r[1]));
    }

    private static <T> TableColumn<AlarmOccurrence, T> column(String title, Function<AlarmOccurrence, T> value,
                                                              double width) {
        TableColumn<AlarmOccurrence, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
