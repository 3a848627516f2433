package io.astroshield.app.conjunctions;

import io.astroshield.app.charts.EventChartsViewModel;
import io.astroshield.app.fx.FxThread;
import io.astroshield.app.workstation.ConsoleContext;
import io.astroshield.domain.alarms.ActionResult;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.ConjunctionTrack;
import io.astroshield.domain.alarms.Disposition;
import io.astroshield.persistence.screening.StoredEvent;
import io.astroshield.persistence.screening.StoredUpdate;
import io.astroshield.persistence.workspace.StoredNote;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Optional;

/**
 * The selected event in full: its latest values, its update history (the Pc trend), the alarm engine's track
 * (disposition, alarm state) and the analysts' notes.
 */
public final class EventDetailViewModel {

    /** Everything loaded for one event, in one background step. */
    public record Details(StoredEvent event, List<StoredUpdate> trend, Optional<ConjunctionTrack> track,
                          Optional<AlarmOccurrence> occurrence, List<StoredNote> notes) {
    }

    private final ConsoleContext ctx;
    private final ReadOnlyObjectWrapper<Details> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ObservableList<StoredNote> notes = FXCollections.observableArrayList();
    private final ObjectProperty<String> lastMessage = new SimpleObjectProperty<>(this, "lastMessage", "");
    private final EventChartsViewModel charts;

    public EventDetailViewModel(ConsoleContext ctx) {
        this.ctx = ctx;
        this.charts = new EventChartsViewModel(ctx);
        ctx.selection().eventProperty().addListener((o, a, b) -> load(b));
    }

    public ReadOnlyObjectProperty<Details> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ObservableList<StoredNote> notes() {
        return notes;
    }

    public ObjectProperty<String> lastMessageProperty() {
        return lastMessage;
    }

    /** The Pc-trend and range-around-TCA charts of the event shown. */
    public EventChartsViewModel charts() {
        return charts;
    }

    public ConsoleContext context() {
        return ctx;
    }

    private void load(StoredEvent e) {
        FxThread.check();
        if (e == null) {
            details.set(null);
            notes.clear();
            charts.show(null, List.of());
            return;
        }
        ctx.tasks().run("Loading event " + e.primaryNorad() + "/" + e.secondaryNorad(), p -> {
                    var ws = ctx.workstation();
                    List<StoredUpdate> trend = e.id() > 0 ? ws.trend(e.id()) : List.of();
                    Optional<ConjunctionTrack> track = ws.track(e);
                    Optional<AlarmOccurrence> occurrence = track.flatMap(t ->
                            ws.alarms(engine -> engine.conjunctions().occurrence(t.eventId())));
                    return new Details(e, trend, track, occurrence, ws.notes(e));
                })
                .onSuccess(d -> {
                    if (ctx.selection().event() == e) {
                        details.set(d);
                        notes.setAll(d.notes());
                        charts.show(d.event(), d.trend());
                    }
                })
                .onFailure(ex -> ctx.dialogs().error("Loading the event", ex));
    }

    public void reload() {
        load(ctx.selection().event());
    }

    /** Records the team's decision on the event (audited by the alarm engine). */
    public void setDisposition(Disposition disposition, String comment) {
        Details d = details.get();
        if (d == null || d.track().isEmpty()) {
            lastMessage.set("This event has no alarm track: the disposition is kept with alarms only.");
            return;
        }
        String trackId = d.track().get().eventId();
        ctx.tasks().run("Setting disposition", p -> ctx.workstation().alarms(engine ->
                        engine.conjunctions().setDisposition(trackId, ctx.workstation().identity().actor(),
                                disposition, comment)))
                .onSuccess(r -> {
                    lastMessage.set(describe(r, "Disposition set to " + disposition));
                    reload();
                })
                .onFailure(ex -> ctx.dialogs().error("Setting the disposition", ex));
    }

    public void addNote(String body) {
        StoredEvent e = ctx.selection().event();
        if (e == null || body == null || body.isBlank()) {
            return;
        }
        ctx.tasks().run("Adding note", p -> {
                    ctx.workstation().addNote(e, body.strip());
                    return null;
                })
                .onSuccess(x -> reload())
                .onFailure(ex -> ctx.dialogs().error("Adding the note", ex));
    }

    static String describe(ActionResult r, String accepted) {
        return r.isAccepted() ? accepted : "Refused: " + r.message();
    }
}
