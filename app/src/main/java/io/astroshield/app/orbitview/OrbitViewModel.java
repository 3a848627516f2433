package io.astroshield.app.orbitview;

import io.astroshield.app.fx.BackgroundTasks;
import io.astroshield.app.fx.FxThread;
import io.astroshield.app.fx.Throttle;
import io.astroshield.app.workstation.CatalogSnapshot;
import io.astroshield.app.workstation.ConsoleContext;
import io.astroshield.app.workstation.Formats;
import io.astroshield.app.workstation.Workstation;
import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.domain.frames.EarthRotation;
import io.astroshield.domain.propagation.CatalogPositions;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.persistence.screening.StoredEvent;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.shape.TriangleMesh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the 3D orbit view shows at the shared time: every catalogued object, the orbits of the selected objects,
 * the selected event's two objects at TCA and their miss vector, in ECI (TEME) or Earth-fixed axes. Each change
 * (time, catalog, selection, frame) asks for one background computation; while one runs, later changes only mark
 * the scene stale and the newest state is computed next, so a moving clock never queues work.
 */
public final class OrbitViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(OrbitViewModel.class);

    /** The axes the scene is drawn in. */
    public enum Frame { ECI, ECEF }

    /** Orbits drawn at most (the selection may hold more objects). */
    static final int MAX_ORBITS = 8;
    /** Samples over one orbital period. */
    static final int ORBIT_SAMPLES = 240;
    /** The miss vector is drawn at least this long (scene units: 800 km), its true direction kept. */
    static final double MISS_VECTOR_MIN_LENGTH = 0.8;

    /** The event's two objects at TCA and the miss vector between them, in scene units. */
    public record TcaGeometry(float[] primary, float[] secondary, double missM, double drawScale) {
    }

    /**
     * One computed state of the scene, handed whole to the FX thread.
     *
     * @param newMesh          a fresh point mesh when the catalog changed (built detached), else null
     * @param pointVertices    the point mesh's vertices at {@code time}
     * @param earthRotationDeg how far to turn the Earth about the pole (ECI: GMST; ECEF: 0)
     * @param orbits           one polyline per selected object over one period (x, y, z triples; may be split)
     * @param markers          current positions of the selected objects (x, y, z)
     * @param tca              the selected event's geometry, or null
     */
    public record Scene(Instant time, Frame frame, int objects, TriangleMesh newMesh, float[] pointVertices,
                        double earthRotationDeg, List<float[]> orbits, List<float[]> markers, TcaGeometry tca,
                        String caption) {
    }

    /** Inputs captured on the FX thread for one computation. */
    private record Request(CatalogSnapshot catalog, Instant time, Frame frame, List<Integer> selected,
                           StoredEvent event) {
    }

    /** Propagators of one catalog snapshot; touched only by the single computation in flight. */
    private record Prepared(CatalogSnapshot catalog, CatalogPositions positions, Map<Integer, Integer> indexOf,
                            PointCloud cloud) {
    }

    private final ConsoleContext ctx;
    private final ReferenceData referenceData;
    private final ReadOnlyObjectWrapper<Scene> scene = new ReadOnlyObjectWrapper<>(this, "scene");
    private final ObjectProperty<Frame> frame = new SimpleObjectProperty<>(this, "frame", Frame.ECI);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final Throttle<Object> throttle;
    private final Consumer<Workstation.Change> catalogListener;
    private volatile Prepared prepared;
    private boolean inFlight;
    private boolean stale;
    private boolean disposed;

    public OrbitViewModel(ConsoleContext ctx) {
        this.ctx = ctx;
        this.referenceData = ctx.workstation().referenceData();
        this.throttle = new Throttle<>(java.time.Duration.ofMillis(150), token -> refresh());
        // Live time ticks four times a second; a new second is enough here: an object moves 2 km in a quarter
        // second, far under a pixel at the home zoom (about 80 km), and each new scene costs an SGP4 pass over the
        // catalog and a 3D redraw, on the CPU under llvmpipe (docs/benchmarks.md, responsiveness).
        ctx.time().timeProperty().addListener((o, a, b) -> {
            if (a == null || a.getEpochSecond() != b.getEpochSecond()) {
                throttle.push(b);
            }
        });
        ctx.selection().objects().addListener((ListChangeListener<Integer>) c -> refresh());
        ctx.selection().eventProperty().addListener((o, a, b) -> refresh());
        frame.addListener((o, a, b) -> refresh());
        this.catalogListener = change -> {
            if (change == Workstation.Change.CATALOG) {
                throttle.push(change);
            }
        };
        ctx.workstation().addListener(catalogListener);
        refresh();
    }

    public ReadOnlyObjectProperty<Scene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    public ObjectProperty<Frame> frameProperty() {
        return frame;
    }

    /** Empty, or why the scene could not be computed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Stops following the workstation (the pane was closed). */
    public void dispose() {
        FxThread.check();
        disposed = true;
        ctx.workstation().removeListener(catalogListener);
    }

    /** Recomputes the scene for the current inputs; at most one computation runs, the newest state wins. */
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
        Request request = new Request(ctx.workstation().catalog(), ctx.time().time(), frame.get(),
                List.copyOf(ctx.selection().objects()), ctx.selection().event());
        ctx.tasks().runUnlisted("3D view", (BackgroundTasks.Work<Scene>) progress -> compute(request))
                .onSuccess(s -> {
                    status.set("");
                    scene.set(s);
                    done();
                })
                .onFailure(e -> {
                    LOG.warn("3D view: cannot compute the scene", e);
                    status.set("3D view: " + e.getMessage());
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

    private Scene compute(Request r) {
        Prepared p = prepared;
        TriangleMesh newMesh = null;
        if (p == null || p.catalog() != r.catalog()) {
            List<ElementSet> sets = r.catalog().elementSets();
            Map<Integer, Integer> indexOf = new HashMap<>();
            ObjectType[] types = new ObjectType[sets.size()];
            for (int i = 0; i < sets.size(); i++) {
                indexOf.putIfAbsent(sets.get(i).noradId(), i);
                types[i] = sets.get(i).objectType();
            }
            p = new Prepared(r.catalog(), CatalogPositions.of(sets, referenceData), indexOf, PointCloud.of(types));
            prepared = p;
            newMesh = p.cloud().mesh();
        }
        double gmst = EarthRotation.gmstRad(r.time());
        float[] centres = p.positions().at(r.time());
        if (r.frame() == Frame.ECEF) {
            EarthRotation.temeToEarthFixed(gmst, centres);
        }
        SceneAxes.toScene(centres);
        float[] vertices = p.cloud().vertices(centres);

        List<float[]> orbits = new ArrayList<>();
        List<float[]> markers = new ArrayList<>();
        for (int norad : r.selected().subList(0, Math.min(MAX_ORBITS, r.selected().size()))) {
            Integer index = p.indexOf().get(norad);
            if (index == null) {
                continue;
            }
            double periodS = p.positions().elementSet(index).periodS();
            double stepS = periodS / (ORBIT_SAMPLES - 1);
            double[] track = p.positions().track(index, r.time(), stepS, ORBIT_SAMPLES);
            inFrame(track, r.time(), stepS, r.frame());
            orbits.addAll(splitAtGaps(SceneAxes.toScene(track)));
            float[] now = {centres[3 * index], centres[3 * index + 1], centres[3 * index + 2]};
            if (!Float.isNaN(now[0])) {
                markers.add(now);
            }
        }

        TcaGeometry tca = r.event() == null ? null : tcaGeometry(p, r.event(), r.frame());
        String caption = String.format(Locale.ROOT, "%,d objects  ·  %s  ·  %s", p.positions().size(),
                Formats.utcSeconds(r.time()), r.frame() == Frame.ECI ? "ECI (TEME)" : "Earth-fixed");
        if (tca != null) {
            caption += String.format(Locale.ROOT, "%n%s × %s  ·  TCA %s  ·  miss %s%s", r.catalog().label(
                            r.event().primaryNorad()), r.catalog().label(r.event().secondaryNorad()),
                    Formats.utcSeconds(r.event().tca()), Formats.km(tca.missM()),
                    tca.drawScale() > 1.5 ? String.format(Locale.ROOT, " (vector drawn ×%,.0f)", tca.drawScale())
                            : "");
        }
        return new Scene(r.time(), r.frame(), p.positions().size(), newMesh, vertices,
                r.frame() == Frame.ECI ? Math.toDegrees(gmst) : 0.0, List.copyOf(orbits), List.copyOf(markers),
                tca, caption);
    }

    private static TcaGeometry tcaGeometry(Prepared p, StoredEvent e, Frame frame) {
        Integer a = p.indexOf().get(e.primaryNorad());
        Integer b = p.indexOf().get(e.secondaryNorad());
        if (a == null || b == null) {
            return null;
        }
        double[] pa = p.positions().track(a, e.tca(), 0, 1);
        double[] pb = p.positions().track(b, e.tca(), 0, 1);
        if (Double.isNaN(pa[0]) || Double.isNaN(pb[0])) {
            return null;
        }
        if (frame == Frame.ECEF) {
            double gmst = EarthRotation.gmstRad(e.tca());
            EarthRotation.temeToEarthFixed(gmst, pa);
            EarthRotation.temeToEarthFixed(gmst, pb);
        }
        double missKm = Math.sqrt(sq(pb[0] - pa[0]) + sq(pb[1] - pa[1]) + sq(pb[2] - pa[2]));
        // a miss of a few hundred metres is invisible next to the Earth: lengthen the vector, keep its direction
        double scale = Math.max(1.0, MISS_VECTOR_MIN_LENGTH * SceneAxes.KM_PER_UNIT / Math.max(missKm, 1e-6));
        double[] tip = new double[3];
        for (int j = 0; j < 3; j++) {
            tip[j] = pa[j] + (pb[j] - pa[j]) * scale;
        }
        return new TcaGeometry(SceneAxes.toScene(pa), SceneAxes.toScene(tip), missKm * 1000.0, scale);
    }

    /** Turns a TEME track sampled from {@code start} every {@code stepS} into the frame shown. */
    private static void inFrame(double[] track, Instant start, double stepS, Frame frame) {
        if (frame == Frame.ECI) {
            return;
        }
        double[] point = new double[3];
        for (int k = 0; 3 * k < track.length; k++) {
            System.arraycopy(track, 3 * k, point, 0, 3);
            Instant t = start.plus(Duration.ofNanos(Math.round(k * stepS * 1e9)));
            EarthRotation.temeToEarthFixed(EarthRotation.gmstRad(t), point);
            System.arraycopy(point, 0, track, 3 * k, 3);
        }
    }

    /** Pieces of a polyline between NaN samples (SGP4 errors), each of two points or more. */
    static List<float[]> splitAtGaps(float[] xyz) {
        List<float[]> pieces = new ArrayList<>();
        int start = 0;
        int n = xyz.length / 3;
        for (int k = 0; k <= n; k++) {
            if (k == n || Float.isNaN(xyz[3 * k])) {
                if (k - start >= 2) {
                    float[] piece = new float[3 * (k - start)];
                    System.arraycopy(xyz, 3 * start, piece, 0, piece.length);
                    pieces.add(piece);
                }
                start = k + 1;
            }
        }
        return pieces;
    }

    private static double sq(double v) {
        return v * v;
    }
}
