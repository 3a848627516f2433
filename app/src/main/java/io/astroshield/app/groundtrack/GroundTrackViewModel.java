package io.astroshield.app.groundtrack;

import io.astroshield.app.fx.BackgroundTasks;
import io.astroshield.app.fx.FxThread;
import io.astroshield.app.fx.Throttle;
import io.astroshield.app.workstation.CatalogSnapshot;
import io.astroshield.app.workstation.ConsoleContext;
import io.astroshield.app.workstation.Formats;
import io.astroshield.app.workstation.Workstation;
import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.propagation.GroundTrack;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Ground tracks of the selected objects over one orbit either side of the shared time, and where each object is
 * now. Computed off the FX thread, one computation at a time, the newest inputs winning (as the 3D view does).
 */
public final class GroundTrackViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(GroundTrackViewModel.class);

    /** Objects drawn at most. */
    static final int MAX_TRACKS = 8;

    /** One object's track with the label to print next to it. */
    public record Track(String label, GroundTrack track) {
    }

    /** What the map shows; {@code message} says why nothing is drawn when {@code tracks} is empty. */
    public record Picture(Instant time, List<Track> tracks, String message) {
    }

    private record Request(CatalogSnapshot catalog, Instant time, List<Integer> selected) {
    }

    private final ConsoleContext ctx;
    private final ReadOnlyObjectWrapper<Picture> picture = new ReadOnlyObjectWrapper<>(this, "picture");
    private final Throttle<Object> throttle;
    private final Consumer<Workstation.Change> catalogListener;
    private boolean inFlight;
    private boolean stale;
    private boolean disposed;

    public GroundTrackViewModel(ConsoleContext ctx) {
        this.ctx = ctx;
        this.throttle = new Throttle<>(Duration.ofMillis(200), token -> refresh());
        ctx.time().timeProperty().addListener((o, a, b) -> throttle.push(b));
        ctx.selection().objects().addListener((ListChangeListener<Integer>) c -> refresh());
        this.catalogListener = change -> {
            if (change == Workstation.Change.CATALOG) {
                throttle.push(change);
            }
        };
        ctx.workstation().addListener(catalogListener);
        refresh();
    }

    public ReadOnlyObjectProperty<Picture> pictureProperty() {
        return picture.getReadOnlyProperty();
    }

    public void dispose() {
        FxThread.check();
        disposed = true;
        ctx.workstation().removeListener(catalogListener);
    }

    /** Recomputes for the current inputs; at most one computation runs, the newest state wins. */
    public void refresh() {
        FxThread.check();
        if (disposed) {
            return;
        }
        if (inFlight) {
            stale = true;
            return;
        }
        stale = false;
        inFlight = true;
        Request r = new Request(ctx.workstation().catalog(), ctx.time().time(),
                List.copyOf(ctx.selection().objects()));
        ctx.tasks().runUnlisted("Ground track", (BackgroundTasks.Work<Picture>) progress -> compute(r))
                .onSuccess(p -> {
                    picture.set(p);
                    done();
                })
                .onFailure(e -> {
                    LOG.warn("ground track: cannot compute the tracks", e);
                    picture.set(new Picture(r.time(), List.of(), "Ground track: " + e.getMessage()));
                    done();
                })
                .onCancelled(this::done);
    }

    private void done() {
        inFlight = false;
        if (stale) {
            refresh();
        }
    }

    private Picture compute(Request r) {
        if (r.selected().isEmpty()) {
            return new Picture(r.time(), List.of(), "Select objects or an event to see their ground tracks.");
        }
        List<Track> tracks = new ArrayList<>();
        for (int norad : r.selected().subList(0, Math.min(MAX_TRACKS, r.selected().size()))) {
            Optional<ElementSet> es = r.catalog().find(norad);
            es.ifPresent(e -> tracks.add(new Track(r.catalog().label(norad),
                    GroundTrack.around(e, ctx.workstation().referenceData(), r.time()))));
        }
        return new Picture(r.time(), List.copyOf(tracks), tracks.isEmpty()
                ? "The selected objects are not in the catalog." : Formats.utcSeconds(r.time()));
    }
}
