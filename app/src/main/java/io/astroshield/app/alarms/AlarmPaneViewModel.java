package io.astroshield.app.alarms;

import io.astroshield.app.fx.FxThread;
import io.astroshield.app.fx.Throttle;
import io.astroshield.app.workstation.ConsoleContext;
import io.astroshield.app.workstation.Workstation;
import io.astroshield.domain.alarms.ActionResult;
import io.astroshield.domain.alarms.AlarmEngine;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.AlarmSummary;
import io.astroshield.domain.alarms.AuditEvent;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.Severity;
import io.astroshield.domain.alarms.ShelveDuration;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The alarm list on the ISA-18.2 engine: open occurrences (live first, most severe first, unacknowledged first),
 * the summary and flood state for the banners, the selected alarm's audit history, and the operator's actions,
 * each carried out on the engine's thread as the person at the console and answered with the engine's verdict.
 */
public final class AlarmPaneViewModel {

    /** One refresh: what the engine holds now. */
    record Snapshot(List<AlarmOccurrence> open, AlarmSummary summary, boolean flood) {
    }

    private final ConsoleContext ctx;
    private final ObservableList<AlarmOccurrence> alarms = FXCollections.observableArrayList();
    private final FilteredList<AlarmOccurrence> visible = new FilteredList<>(alarms);
    private final ReadOnlyObjectWrapper<AlarmSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyBooleanWrapper flood = new ReadOnlyBooleanWrapper(this, "flood");
    private final ObjectProperty<AlarmOccurrence> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<AuditEvent> history = FXCollections.observableArrayList();
    private final ObjectProperty<Severity> minimumSeverity = new SimpleObjectProperty<>(this, "minimumSeverity");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty showShelved = new SimpleBooleanProperty(this, "showShelved", true);
    private final StringProperty lastResult = new SimpleStringProperty(this, "lastResult", "");
    private final Throttle<Snapshot> refreshes;

    public AlarmPaneViewModel(ConsoleContext ctx) {
        this.ctx = ctx;
        this.refreshes = new Throttle<>(Duration.ofMillis(200), this::show);
        ctx.workstation().addListener(change -> {
            if (change == Workstation.Change.ALARMS) {
                requestRefresh();
            }
        });
        minimumSeverity.addListener((o, a, b) -> applyFilter());
        search.addListener((o, a, b) -> applyFilter());
        showShelved.addListener((o, a, b) -> applyFilter());
        selected.addListener((o, a, b) -> loadHistory(b));
    }

    /**
     * From any thread, without waiting: the engine is snapshotted on its own thread and the snapshot handed to the
     * FX thread through the throttle.
     */
    public void requestRefresh() {
        ctx.workstation().alarmsLater(engine -> new Snapshot(sorted(engine.openOccurrences()),
                engine.summary(DataOrigin.LIVE), engine.flood()), refreshes::push);
    }

    private static List<AlarmOccurrence> sorted(List<AlarmOccurrence> open) {
        return open.stream().sorted(Comparator
                        .comparing((AlarmOccurrence a) -> a.key().origin() != DataOrigin.LIVE)
                        .thenComparing(a -> a.acknowledged())
                        .thenComparing(AlarmOccurrence::severity, Comparator.reverseOrder())
                        .thenComparing(AlarmOccurrence::triggeredAt, Comparator.reverseOrder()))
                .toList();
    }

    private void show(Snapshot s) {
        FxThread.check();
        UUID keep = selected.get() == null ? null : selected.get().id();
        alarms.setAll(s.open());
        summary.set(s.summary());
        flood.set(s.flood());
        applyFilter();
        if (keep != null) {
            s.open().stream().filter(a -> a.id().equals(keep)).findFirst().ifPresentOrElse(a -> {
                selected.set(a);
                loadHistory(a);
            }, () -> selected.set(null));
        }
    }

    private void applyFilter() {
        Severity min = minimumSeverity.get();
        String text = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        boolean shelved = showShelved.get();
        visible.setPredicate(a -> (min == null || !min.isAbove(a.severity()))
                && (shelved || !a.shelved())
                && (text.isEmpty() || a.key().subject().toLowerCase(Locale.ROOT).contains(text)
                || a.key().definitionId().toLowerCase(Locale.ROOT).contains(text)));
    }

    private void loadHistory(AlarmOccurrence a) {
        if (a == null) {
            history.clear();
            return;
        }
        ctx.tasks().run("Loading alarm history", p -> ctx.workstation().audit(a.id()))
                .onSuccess(events -> {
                    if (selected.get() != null && selected.get().id().equals(a.id())) {
                        history.setAll(events);
                    }
                })
                .onFailure(e -> ctx.dialogs().error("Loading the alarm history", e));
    }

    // ---------------------------------------------------------------- actions

    public void acknowledge(AlarmOccurrence a, String comment) {
        act("Acknowledge", a, (engine, actor) -> engine.acknowledge(a.id(), actor, comment));
    }

    public void shelve(AlarmOccurrence a, ShelveDuration duration, String reason) {
        act("Shelve", a, (engine, actor) -> engine.shelve(a.id(), actor, duration, reason));
    }

    public void assign(AlarmOccurrence a, String assignee) {
        act("Assign", a, (engine, actor) -> engine.assign(a.id(), actor, assignee));
    }

    public void unshelve(AlarmOccurrence a) {
        act("Unshelve", a, (engine, actor) -> engine.unshelve(a.id(), actor));
    }

    public void reset(AlarmOccurrence a) {
        act("Reset", a, (engine, actor) -> engine.reset(a.id(), actor));
    }

    private void act(String what, AlarmOccurrence a, BiFunction<AlarmEngine, io.astroshield.domain.alarms.Actor, ActionResult> action) {
        FxThread.check();
        if (a == null) {
            return;
        }
        var actor = ctx.workstation().identity().actor();
        ctx.tasks().run(what + " alarm", p -> {
                    ActionResult r = ctx.workstation().alarms(engine -> action.apply(engine, actor));
                    if (r.isAccepted()) {
                        // the other consoles should see it now, not at the next poll
                        ctx.workstation().fire(Workstation.Change.OUTBOX);
                    }
                    requestRefresh();
                    return r;
                })
                .onSuccess(r -> {
                    lastResult.set(r.isAccepted() ? what + ": done" : what + " refused: " + r.message());
                    loadHistory(selected.get());
                })
                .onFailure(e -> ctx.dialogs().error(what, e));
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<AlarmOccurrence> visibleAlarms() {
        return visible;
    }

    public ObservableList<AlarmOccurrence> allAlarms() {
        return alarms;
    }

    public ReadOnlyObjectProperty<AlarmSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty floodProperty() {
        return flood.getReadOnlyProperty();
    }

    public ObjectProperty<AlarmOccurrence> selectedProperty() {
        return selected;
    }

    public ObservableList<AuditEvent> history() {
        return history;
    }

    public ObjectProperty<Severity> minimumSeverityProperty() {
        return minimumSeverity;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty showShelvedProperty() {
        return showShelved;
    }

    public StringProperty lastResultProperty() {
        return lastResult;
    }

    public ConsoleContext context() {
        return ctx;
    }
}
