package io.astroshield.app.conjunctions;

import io.astroshield.app.fx.FxThread;
import io.astroshield.app.workstation.Formats;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.EncounterKind;
import io.astroshield.persistence.screening.EventStatus;
import io.astroshield.persistence.screening.StoredEvent;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The conjunction table: sortable columns in the CLI's order, a filter bar and search. */
public final class ConjunctionTableView extends BorderPane {

    private final ConjunctionTableViewModel vm;
    private final TableView<EventRow> table = new TableView<>();
    private final TextField search = new TextField();
    private final ComboBox<Double> minPc = new ComboBox<>();
    private final TextField maxMissKm = new TextField();
    private final ComboBox<Duration> tcaWithin = new ComboBox<>();
    private final TextField maxAgeDays = new TextField();

    public ConjunctionTableView(ConjunctionTableViewModel vm) {
        this.vm = vm;
        setId("conjunction-table-view");
        table.setId("conjunction-table");
        vm.visibleRows().showIn(table);
        table.setPlaceholder(new Label("No conjunctions in the window. Run a screening (Ctrl+R) or import CDMs."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);

        TableColumn<EventRow, java.time.Instant> tca = column("TCA (UTC)", r -> r.tca(), 190);
        tca.setCellFactory(c -> cell(Formats::utcMillis));
        tca.setSortType(TableColumn.SortType.ASCENDING);
        TableColumn<EventRow, String> primary = column("Primary", EventRow::primaryLabel, 150);
        TableColumn<EventRow, String> secondary = column("Secondary", EventRow::secondaryLabel, 150);
        TableColumn<EventRow, Double> miss = column("Miss (km)", r -> r.missM() / 1000, 80);
        miss.setCellFactory(c -> cell(v -> String.format(Locale.ROOT, "%.3f", v)));
        TableColumn<EventRow, Double> radial = column("R (km)", r -> r.latest().radialM() / 1000, 70);
        radial.setCellFactory(c -> cell(v -> String.format(Locale.ROOT, "%.3f", v)));
        TableColumn<EventRow, Double> inTrack = column("I (km)", r -> r.latest().inTrackM() / 1000, 70);
        inTrack.setCellFactory(c -> cell(v -> String.format(Locale.ROOT, "%.3f", v)));
        TableColumn<EventRow, Double> cross = column("C (km)", r -> r.latest().crossTrackM() / 1000, 70);
        cross.setCellFactory(c -> cell(v -> String.format(Locale.ROOT, "%.3f", v)));
        TableColumn<EventRow, Double> speed = column("Rel. speed (km/s)", r -> r.event().relativeSpeedMps() / 1000, 110);
        speed.setCellFactory(c -> cell(v -> String.format(Locale.ROOT, "%.3f", v)));
        TableColumn<EventRow, Double> pc = column("Pc", r -> r.event().pc(), 80);
        pc.setCellFactory(c -> cell(Formats::pc));
        pc.setComparator(nullsFirst());
        TableColumn<EventRow, String> method = column("Pc method", r -> r.event().pcMethod(), 100);
        TableColumn<EventRow, Double> pcMax = column("Pc max", r -> r.event().pcMax(), 80);
        pcMax.setCellFactory(c -> cell(Formats::pc));
        pcMax.setComparator(nullsFirst());
        TableColumn<EventRow, String> covariance = column("Covariance", r -> r.latest().covarianceSource(), 120);
        TableColumn<EventRow, String> encounter = column("Encounter", r -> r.event().encounter().name(), 80);
        TableColumn<EventRow, Double> age = column("Oldest data (d)", EventRow::worstAgeDays, 100);
        age.setCellFactory(c -> cell(Formats::days));
        age.setComparator(nullsFirst());
        TableColumn<EventRow, Integer> updates = column("Updates", r -> r.event().updateCount(), 65);
        TableColumn<EventRow, String> state = column("", r -> r.provisional() ? "screening…" : "", 80);
        table.getColumns().setAll(List.of(tca, primary, secondary, miss, radial, inTrack, cross, speed, pc, method,
                pcMax, covariance, encounter, age, updates, state));
        table.getSortOrder().setAll(List.of(tca));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.select(b));

        setTop(filterBar());
        setCenter(table);
    }

    /**
     * Creates the table's row cells before its first rows arrive. A fresh table builds, skins and styles a screenful
     * of row cells when rows first come, about 60 ms of the FX thread even with the code compiled, and that is when a
     * screening streams its first results (docs/benchmarks.md, "Workstation: start-up and responsiveness"). Sample
     * rows are laid out and the real list put back within one FX event, so they are never drawn; the cells stay
     * with the table for reuse. Does nothing once the table has rows or a selection, or while it is not laid out.
     */
    public void prepareCells() {
        FxThread.check();
        if (!table.getItems().isEmpty() || !table.getSelectionModel().isEmpty() || table.getSkin() == null
                || table.getHeight() <= 0) {
            return;
        }
        ObservableList<EventRow> rows = table.getItems();
        List<TableColumn<EventRow, ?>> sortOrder = List.copyOf(table.getSortOrder());
        table.setItems(FXCollections.observableArrayList(sampleRows((int) Math.ceil(table.getHeight() / 20))));
        table.applyCss();
        table.layout();
        table.setItems(rows);
        // setting the items cleared the sort order
        table.getSortOrder().setAll(sortOrder);
        table.applyCss();
        table.layout();
    }

    /** Rows like a screening's: stored and provisional, with and without Pc. */
    private static List<EventRow> sampleRows(int count) {
        List<EventRow> rows = new ArrayList<>(count);
        Instant tca = Instant.parse("2000-01-01T12:00:00Z");
        for (int i = 0; i < count; i++) {
            boolean stored = i % 3 == 0;
            Double pc = i % 4 == 0 ? null : 1e-4 / (i + 1);
            ConjunctionObservation o = new ConjunctionObservation(10_000 + i, 20_000 + i, tca.plusSeconds(97L * i),
                    40.0 * i + 1, 9_000 + i, 10.0 * i, -30.0 * i, 5.0 * i, EncounterKind.SHORT, 0.5 + i, null, pc,
                    pc == null ? null : "PATERA_2005", pc == null ? null : pc * 3, "SAMPLE");
            StoredEvent e = new StoredEvent(stored ? i + 1 : -i - 1, o.primaryNorad(), o.secondaryNorad(),
                    EventStatus.OPEN, null, null, null, i % 5, o.tca(), o.missDistanceM(), o.relativeSpeedMps(), pc,
                    o.pcMax(), o.pcMethod(), o.encounter(), o);
            rows.add(new EventRow(e, "SAMPLE " + o.primaryNorad(), "SAMPLE " + o.secondaryNorad(), !stored));
        }
        return rows;
    }

    public TableView<EventRow> table() {
        return table;
    }

    private HBox filterBar() {
        search.setPromptText("Search object (number or name)");
        search.setId("conjunction-search");
        minPc.setId("filter-min-pc");
        minPc.getItems().setAll(null, 1e-7, 1e-6, 1e-5, 1e-4);
        minPc.setConverter(converter(v -> v == null ? "any Pc" : "Pc ≥ " + Formats.pc(v)));
        minPc.setValue(null);
        maxMissKm.setPromptText("max miss km");
        maxMissKm.setId("filter-max-miss");
        maxMissKm.setPrefColumnCount(6);
        tcaWithin.setId("filter-tca-window");
        tcaWithin.getItems().setAll(null, Duration.ofHours(24), Duration.ofDays(3), Duration.ofDays(7));
        tcaWithin.setConverter(converter(d -> d == null ? "any TCA" : "TCA within " + Formats.duration(d)));
        tcaWithin.setValue(null);
        maxAgeDays.setPromptText("max data age d");
        maxAgeDays.setId("filter-max-age");
        maxAgeDays.setPrefColumnCount(6);
        maxAgeDays.setTooltip(new Tooltip("Hide events whose older element set is older than this many days at TCA"));
        Label count = new Label();
        count.setId("conjunction-count");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.visibleRows().size() + " of " + vm.allRows().size(), vm.visibleRows(), vm.allRows()));
        for (var field : List.of(search, maxMissKm, maxAgeDays)) {
            field.textProperty().addListener((o, a, b) -> pushFilter());
        }
        minPc.valueProperty().addListener((o, a, b) -> pushFilter());
        tcaWithin.valueProperty().addListener((o, a, b) -> pushFilter());
        HBox bar = new HBox(8, search, minPc, maxMissKm, tcaWithin, maxAgeDays, count);
        HBox.setHgrow(search, Priority.ALWAYS);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4));
        return bar;
    }

    private void pushFilter() {
        Double miss = number(maxMissKm.getText());
        Double age = number(maxAgeDays.getText());
        vm.filterProperty().set(new ConjunctionFilter(minPc.getValue(), miss == null ? null : miss * 1000,
                tcaWithin.getValue(), search.getText(), age));
        maxMissKm.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"),
                !maxMissKm.getText().isBlank() && miss == null);
        maxAgeDays.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"),
                !maxAgeDays.getText().isBlank() && age == null);
    }

    private static Double number(String text) {
        try {
            double v = Double.parseDouble(text.trim());
            return v >= 0 && Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> TableColumn<EventRow, T> column(String title, Function<EventRow, T> value, double width) {
        TableColumn<EventRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static <T> javafx.scene.control.TableCell<EventRow, T> cell(Function<T, String> format) {
        return new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "—" : format.apply(item));
            }
        };
    }

    private static java.util.Comparator<Double> nullsFirst() {
        return java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
