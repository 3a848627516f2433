package io.astroshield.app.conjunctions;

import io.astroshield.app.fx.FxThread;
import io.astroshield.app.fx.FxYield;
import io.astroshield.app.fx.MergingSortedList;
import io.astroshield.app.fx.Throttle;
import io.astroshield.app.workstation.CatalogSnapshot;
import io.astroshield.app.workstation.ConsoleContext;
import io.astroshield.app.workstation.EventTable;
import io.astroshield.app.workstation.ScreeningArchive;
import io.astroshield.app.workstation.Workstation;
import io.astroshield.persistence.mapping.DomainRows;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.EncounterKind;
import io.astroshield.persistence.screening.EventStatus;
import io.astroshield.persistence.screening.StoredEvent;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The conjunction table's state: every event with TCA in the loaded window (stored ones, plus provisional ones a
 * running screening streams), the filter, and the selection it shares with the other views.
 */
public final class ConjunctionTableViewModel {

    /** Events this far back stay in the table (recently passed TCAs are still worked). */
    static final Duration PAST = Duration.ofDays(1);
    static final Duration AHEAD = Duration.ofDays(30);

    private final ConsoleContext ctx;
    private final ObservableList<EventRow> rows = FXCollections.observableArrayList();
    /** Filtered and in the table's sort order; streamed batches are merged into it (see MergingSortedList). */
    private final MergingSortedList<EventRow> visible = new MergingSortedList<>(rows);
    private final ObjectProperty<ConjunctionFilter> filter = new SimpleObjectProperty<>(ConjunctionFilter.NONE);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final Throttle<Workstation.Change> reloads;
    /** Signals that {@link #pendingProvisional} has rows for the FX thread. */
    private final Throttle<Boolean> provisional;
    /** Rows built on the screening's threads, waiting for the next throttled append; guarded by itself. */
    private final List<EventRow> pendingProvisional = new ArrayList<>();
    private final AtomicLong provisionalIds = new AtomicLong();

    public ConjunctionTableViewModel(ConsoleContext ctx) {
        this.ctx = ctx;
        this.reloads = new Throttle<>(java.time.Duration.ofMillis(300), c -> reload());
        this.provisional = new Throttle<>(java.time.Duration.ofMillis(200), ready -> appendProvisional());
        ctx.workstation().addListener(change -> {
            if (change == Workstation.Change.EVENTS || change == Workstation.Change.CATALOG) {
                reloads.push(change);
            }
        });
        filter.addListener((o, a, b) -> applyFilter());
        ctx.time().timeProperty().addListener((o, a, b) -> {
            if (filter.get().tcaWithin() != null) {
                applyFilter();
            }
        });
    }

    public MergingSortedList<EventRow> visibleRows() {
        return visible;
    }

    public ObservableList<EventRow> allRows() {
        return rows;
    }

    public ObjectProperty<ConjunctionFilter> filterProperty() {
        return filter;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    private void applyFilter() {
        FxThread.check();
        visible.setPredicate(filter.get().predicate(ctx.time().time()));
    }

    /** Reloads the stored events around the controller's time, in the background. */
    public void reload() {
        FxThread.check();
        loading.set(true);
        Instant t = ctx.time().time();
        ctx.tasks().run("Loading conjunctions", p -> {
                    CatalogSnapshot catalog = ctx.workstation().catalog();
                    return ctx.workstation().events(t.minus(PAST), t.plus(AHEAD)).stream()
                            .map(e -> new EventRow(e, catalog.label(e.primaryNorad()), catalog.label(e.secondaryNorad()),
                                    false))
                            .toList();
                })
                .onSuccess(loaded -> {
                    loading.set(false);
                    StoredEvent selected = ctx.selection().event();
                    rows.setAll(loaded);
                    synchronized (pendingProvisional) {
                        pendingProvisional.clear();
                    }
                    applyFilter();
                    if (selected != null) {
                        loaded.stream().filter(r -> r.event().id() == selected.id()).findFirst()
                                .ifPresent(r -> ctx.selection().eventProperty().set(r.event()));
                    }
                })
                .onFailure(e -> {
                    loading.set(false);
                    ctx.dialogs().error("Loading conjunctions", e);
                });
    }

    /**
     * From a screening's worker thread: events of a finished sub-window, shown until the run is stored. The rows are
     * built here, off the FX thread, which only appends them (a full-catalog run streams thousands); the building
     * steps aside while the FX thread is behind.
     */
    public void streamed(List<ScreeningArchive.ScoredEvent> events) {
        CatalogSnapshot catalog = ctx.workstation().catalog();
        List<EventRow> built = new ArrayList<>(events.size());
        for (ScreeningArchive.ScoredEvent s : events) {
            if ((built.size() & 63) == 0) {
                FxYield.INSTANCE.run();
            }
            ConjunctionObservation o = DomainRows.observation(s.event(), s.pc());
            StoredEvent e = new StoredEvent(-provisionalIds.incrementAndGet(), o.primaryNorad(), o.secondaryNorad(),
                    EventStatus.OPEN, null, null, null, 0, o.tca(), o.missDistanceM(), o.relativeSpeedMps(),
                    o.pc(), o.pcMax(), o.pcMethod(), o.encounter() == null ? EncounterKind.SHORT : o.encounter(), o);
            built.add(new EventRow(e, catalog.label(o.primaryNorad()), catalog.label(o.secondaryNorad()), true));
        }
        synchronized (pendingProvisional) {
            pendingProvisional.addAll(built);
        }
        provisional.push(Boolean.TRUE);
    }

    private void appendProvisional() {
        List<EventRow> add;
        synchronized (pendingProvisional) {
            add = List.copyOf(pendingProvisional);
            pendingProvisional.clear();
        }
        if (!add.isEmpty()) {
            rows.addAll(add);
        }
    }

    public void select(EventRow row) {
        FxThread.check();
        ctx.selection().selectEvent(row == null ? null : row.event());
    }

    /** Writes the rows the filter shows, in the order given (the table's sort), with the CLI's CSV columns. */
    public static void writeCsv(List<EventRow> rows, Path file) {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            EventTable.writeCsv(rows.stream().map(EventRow::latest).toList(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
