package io.astroshield.app.conjunctions;

import io.astroshield.app.charts.EventCharts;
import io.astroshield.app.workstation.CatalogSnapshot;
import io.astroshield.app.workstation.Formats;
import io.astroshield.domain.alarms.Disposition;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.StoredEvent;
import io.astroshield.persistence.workspace.StoredNote;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.util.Locale;

/** The selected event: TCA, miss and RTN, speed, Pc with method and covariance source, ages, disposition, notes. */
public final class EventDetailView extends ScrollPane {

    private final EventDetailViewModel vm;
    private final GridPane grid = new GridPane();
    private final VBox charts = new VBox(8);
    private final ComboBox<Disposition> disposition = new ComboBox<>();
    private final TextField dispositionComment = new TextField();
    private final ListView<StoredNote> notes = new ListView<>();
    private final TextField newNote = new TextField();
    private final Label message = new Label();
    private final Label timeToTca = new Label();

    public EventDetailView(EventDetailViewModel vm) {
        this.vm = vm;
        setId("event-detail");
        setFitToWidth(true);
        grid.getStyleClass().add("detail-grid");
        disposition.getItems().setAll(Disposition.values());
        disposition.setId("event-disposition");
        dispositionComment.setPromptText("why (audited)");
        Button setDisposition = new Button("Set disposition");
        setDisposition.setId("set-disposition");
        setDisposition.setOnAction(e -> {
            if (disposition.getValue() != null) {
                vm.setDisposition(disposition.getValue(), dispositionComment.getText());
                dispositionComment.clear();
            }
        });
        notes.setId("event-notes");
        notes.setPrefHeight(120);
        notes.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(StoredNote n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : Formats.utcMinutes(n.note().createdAt()) + "  "
                        + n.note().author() + ": " + n.note().body());
            }
        });
        notes.setItems(vm.notes());
        newNote.setPromptText("Add a note and press Enter");
        newNote.setId("event-new-note");
        newNote.setOnAction(e -> {
            vm.addNote(newNote.getText());
            newNote.clear();
        });
        message.setId("event-message");
        message.textProperty().bind(vm.lastMessageProperty());
        HBox dispositionRow = new HBox(8, disposition, dispositionComment, setDisposition);
        HBox.setHgrow(dispositionComment, Priority.ALWAYS);
        VBox box = new VBox(8, grid, new Label("Disposition"), dispositionRow, message, charts,
                new Label("Notes"), notes, newNote);
        box.setPadding(new Insets(8));
        charts.getChildren().add(new EventCharts(vm.charts()).node());
        setContent(box);
        vm.detailsProperty().addListener((o, a, b) -> show(b));
        vm.context().time().timeProperty().addListener((o, a, b) -> updateTimeToTca());
        show(null);
    }

    /** Where the event's charts go (Pc trend, range around TCA). */
    public VBox charts() {
        return charts;
    }

    private void show(EventDetailViewModel.Details d) {
        grid.getChildren().clear();
        if (d == null) {
            grid.add(new Label("Select a conjunction in the table."), 0, 0);
            disposition.setValue(null);
            return;
        }
        StoredEvent e = d.event();
        ConjunctionObservation o = e.latest();
        CatalogSnapshot catalog = vm.context().workstation().catalog();
        int row = 0;
        row = field(row, "Primary", catalog.label(e.primaryNorad()) + "  (" + catalog.type(e.primaryNorad()) + ")");
        row = field(row, "Secondary", catalog.label(e.secondaryNorad()) + "  (" + catalog.type(e.secondaryNorad()) + ")");
        row = field(row, "TCA", Formats.utcMillis(e.tca()));
        grid.add(name("Time to TCA"), 0, row);
        timeToTca.setId("event-time-to-tca");
        grid.add(timeToTca, 1, row++);
        updateTimeToTca();
        row = field(row, "Miss distance", Formats.km(e.missDistanceM()));
        row = field(row, "Miss (R, I, C)", String.format(Locale.ROOT, "%.3f, %.3f, %.3f km", o.radialM() / 1000,
                o.inTrackM() / 1000, o.crossTrackM() / 1000));
        row = field(row, "Relative speed", Formats.kmPerS(e.relativeSpeedMps()) + "  (" + e.encounter() + ")");
        row = field(row, "Pc", Formats.pc(e.pc()) + (e.pcMethod() == null ? "" : "  by " + e.pcMethod()));
        row = field(row, "Covariance source", o.covarianceSource() == null ? "—" : o.covarianceSource());
        row = field(row, "Pc max (over covariance scale)", Formats.pc(e.pcMax()));
        row = field(row, "Element-set age at TCA", "primary " + Formats.days(o.primaryAgeDays()) + ", secondary "
                + Formats.days(o.secondaryAgeDays()));
        row = field(row, "Updates", e.id() < 0 ? "provisional (screening running)" : Integer.toString(d.trend().size()));
        row = field(row, "Alarm", d.occurrence().map(a -> a.severity() + " " + a.state()).orElse("none"));
        field(row, "Disposition", d.track().map(t -> t.disposition().name()).orElse("— (no alarm track)"));
        disposition.setValue(d.track().map(t -> t.disposition()).orElse(null));
    }

    private void updateTimeToTca() {
        StoredEvent e = vm.context().selection().event();
        timeToTca.setText(e == null ? "" : Formats.duration(Duration.between(vm.context().time().time(), e.tca())));
    }

    private int field(int row, String name, String value) {
        grid.add(name(name), 0, row);
        Label v = new Label(value);
        v.setId("event-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-"));
        grid.add(v, 1, row);
        return row + 1;
    }

    private static Label name(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-name");
        return l;
    }
}
