package io.astroshield.app.screening;

import io.astroshield.app.conjunctions.ConjunctionTableViewModel;
import io.astroshield.app.fx.FxThread;
import io.astroshield.app.fx.TaskHandle;
import io.astroshield.app.workstation.ConsoleContext;
import io.astroshield.app.workstation.Workstation;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A screening started from the window: primaries or all-vs-all, window, threshold. It runs in the background with
 * progress and cancel; each finished sub-window's events go to the table and the alarms at once.
 */
public final class ScreeningViewModel {

    private final ConsoleContext ctx;
    private final ConjunctionTableViewModel table;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper lastResult = new ReadOnlyStringWrapper(this, "lastResult", "");
    private TaskHandle<Workstation.ScreeningReport> current;

    public ScreeningViewModel(ConsoleContext ctx, ConjunctionTableViewModel table) {
        this.ctx = ctx;
        this.table = table;
    }

    /** Parses "25544, 43013" into catalog numbers; blank means all-vs-all. */
    public static Set<Integer> parsePrimaries(String text) {
        Set<Integer> ids = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        for (String part : text.split("[,\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int id = Integer.parseInt(part.trim());
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("primaries: '" + part + "' is not a catalog number");
            }
        }
        return ids;
    }

    public TaskHandle<Workstation.ScreeningReport> start(Set<Integer> primaries, Instant start, Duration window,
                                                         double thresholdKm) {
        FxThread.check();
        if (running.get()) {
            throw new IllegalStateException("a screening is already running");
        }
        if (!(thresholdKm > 0) || thresholdKm > 100) {
            throw new IllegalArgumentException("threshold must be between 0 and 100 km");
        }
        // one core stays with the FX thread and the renderer, so the console keeps drawing while it screens
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        Workstation.ScreeningSpec spec = new Workstation.ScreeningSpec(primaries, start, window, thresholdKm * 1000,
                threads);
        running.set(true);
        lastResult.set("");
        current = ctx.tasks().run(primaries.isEmpty() ? "Screening all vs all" : "Screening " + primaries.size()
                + " primaries", p -> ctx.workstation().screen(spec, p, table::streamed));
        current.onSuccess(r -> {
                    running.set(false);
                    lastResult.set(String.format(java.util.Locale.ROOT, "%d events among %d objects in %.1f s",
                            r.events(), r.objects(), r.wallS()));
                    // a window far from the shown time (an analyst screening last month's catalog): go there
                    Instant shown = ctx.time().time();
                    if (start.isAfter(shown.plus(Duration.ofDays(30))) || start.plus(window).isBefore(shown.minus(Duration.ofDays(1)))) {
                        ctx.time().replayAt(start);
                        table.reload();
                    }
                    if (!r.notes().isEmpty()) {
                        ctx.dialogs().lines("Screening notes", "The run finished; these inputs needed attention:",
                                r.notes());
                    }
                })
                .onFailure(e -> {
                    running.set(false);
                    ctx.dialogs().error("Screening", e);
                })
                .onCancelled(() -> {
                    running.set(false);
                    lastResult.set("Screening cancelled: nothing stored");
                    table.reload();
                });
        return current;
    }

    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }
}
