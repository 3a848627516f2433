package io.astroshield.app.telemetry;

import io.astroshield.app.fx.FxThread;
import io.astroshield.app.fx.Throttle;
import io.astroshield.app.workstation.ConsoleContext;
import io.astroshield.domain.alarms.AlarmState;
import io.astroshield.domain.alarms.ParameterLimits;
import io.astroshield.domain.alarms.Quality;
import io.astroshield.domain.alarms.Severity;
import io.astroshield.persistence.telemetry.TelemetrySampleRow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The telemetry charts' state: per parameter, the samples of the shown range, the limits and the newest value as
 * graded. LIVE (the time controller follows the clock): the last {@link #windowProperty() window} scrolling, the
 * history backfilled from the store, then the feed's samples as they come, handed to the FX thread through a
 * {@link Throttle} as one immutable {@link Snapshot}. REPLAY: the chosen range read from the store, with the
 * value at the replay time. Staleness is a quality shown next to the severity, never a severity.
 */
public final class TelemetryViewModel {

    /** Choices of the live window. */
    public static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofHours(2));
    /** Three missed one-second samples: the feed is silent. */
    public static final Duration STALE_AFTER = DemoSpacecraft.CADENCE.multipliedBy(3);
    /** Redraws at most this often, whatever the feed's rate (STYLE.md: 100-200 ms). */
    static final Duration REDRAW = Duration.ofMillis(150);

    /**
     * One parameter's chart. Arrays are owned by the snapshot: nobody writes them after it is built.
     *
     * @param timesS sample times, seconds since the epoch, ascending
     * @param limits yellow and red limits in force, null when none
     */
    public record Series(DemoSpacecraft.Parameter parameter, double[] timesS, double[] values,
                         ParameterLimits limits) {
        public int size() {
            return timesS.length;
        }
    }

    /** Everything the charts draw at one redraw. */
    public record Snapshot(boolean live, Instant from, Instant to, List<Series> series) {
        public Snapshot {
            series = List.copyOf(series);
        }
    }

    /**
     * The value a parameter shows next to its chart.
     *
     * @param value    null when there is none yet (or none at the replay time)
     * @param severity null within limits
     * @param state    the live alarm's state, null when none is open (and always in replay)
     * @param stale    no sample for {@link #STALE_AFTER}, or the engine marked the parameter STALE (live only)
     */
    public record Readout(DemoSpacecraft.Parameter parameter, Double value, Instant at, Severity severity,
                          AlarmState state, boolean stale, boolean replay) {
    }

    /** Samples of one parameter as a growing pair of arrays; guarded by the view-model's lock. */
    private static final class Buffer {
        double[] t = new double[8192];
        double[] v = new double[8192];
        int n;

        void append(double time, double value) {
            if (n > 0 && time <= t[n - 1]) {
                return; // backfill and live overlap by a second or two: keep each second once
            }
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                v = Arrays.copyOf(v, n * 2);
            }
            t[n] = time;
            v[n] = value;
            n++;
        }

        void dropBefore(double time) {
            int first = lowerBound(t, n, time);
            if (first > 0) {
                System.arraycopy(t, first, t, 0, n - first);
                System.arraycopy(v, first, v, 0, n - first);
                n -= first;
            }
        }
    }

    private final ConsoleContext ctx;
    private final TelemetryFeed feed;
    private final Throttle<Snapshot> throttle;
    private final ReadOnlyObjectWrapper<Snapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ObservableList<Readout> readouts = FXCollections.observableArrayList();
    private final ObjectProperty<Duration> window = new SimpleObjectProperty<>(this, "window", WINDOWS.get(1));
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", false);
    private final BooleanProperty lossOfSignal = new SimpleBooleanProperty(this, "lossOfSignal", false);
    private final ObservableList<DemoSpacecraft.Parameter> shown =
            FXCollections.observableArrayList(DemoSpacecraft.PARAMETERS);

    /** Live state, guarded by {@code lock}: written by the feed's thread and the backfill task. */
    private final Object lock = new Object();
    private final Map<DemoSpacecraft.Parameter, Buffer> buffers = new LinkedHashMap<>();
    private final Map<DemoSpacecraft.Parameter, TelemetryFeed.Reading> latest = new LinkedHashMap<>();
    private final Map<DemoSpacecraft.Parameter, ParameterLimits> limits = new LinkedHashMap<>();
    /** Mirrors the time controller for the feed's thread: live samples are drawn only while live. */
    private volatile boolean live;
    private volatile Duration liveWindow = window.get();
    /** Replay loads are numbered so that a slow load finishing late does not replace a newer one. */
    private long replayGeneration;
    private final java.util.function.Consumer<TelemetryFeed.Tick> listener = this::onTick;

    public TelemetryViewModel(ConsoleContext ctx, TelemetryFeed feed) {
        this.ctx = ctx;
        this.feed = feed;
        this.throttle = new Throttle<>(REDRAW, this::apply);
        DemoSpacecraft.PARAMETERS.forEach(p -> buffers.put(p, new Buffer()));
        this.live = ctx.time().isLive();
        feed.addListener(listener);
        ctx.time().liveProperty().addListener((o, a, b) -> modeChanged());
        ctx.time().replayStartProperty().addListener((o, a, b) -> modeChanged());
        ctx.time().replayEndProperty().addListener((o, a, b) -> modeChanged());
        ctx.time().timeProperty().addListener((o, a, b) -> timeMoved());
        window.addListener((o, a, b) -> {
            liveWindow = b;
            if (live) {
                throttle.push(liveSnapshot(ctx.workstation().clock().instant()));
            } else {
                modeChanged();
            }
        });
        lossOfSignal.addListener((o, a, b) -> {
            if (b) {
                feed.suspend();
            } else {
                feed.resume();
            }
        });
        modeChanged();
    }

    public ReadOnlyObjectProperty<Snapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public Snapshot snapshot() {
        return snapshot.get();
    }

    /** The value, severity and quality of each parameter, in {@link DemoSpacecraft#PARAMETERS} order. */
    public ObservableList<Readout> readouts() {
        return readouts;
    }

    public ObjectProperty<Duration> windowProperty() {
        return window;
    }

    /** True while the live feed is silent (no sample for {@link #STALE_AFTER}); always false in replay. */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** The demo's loss-of-signal switch: while on, the feed delivers nothing. */
    public BooleanProperty lossOfSignalProperty() {
        return lossOfSignal;
    }

    /** Where the replay cursor stands: the shared time. */
    public Instant replayCursor() {
        return ctx.time().time();
    }

    /** Parameters whose charts are shown (all by default). */
    public ObservableList<DemoSpacecraft.Parameter> shown() {
        return shown;
    }

    // ------------------------------------------------------------------ live

    private void onTick(TelemetryFeed.Tick tick) {
        synchronized (lock) {
            for (var s : tick.samples()) {
                buffers.get(DemoSpacecraft.parameter(s.parameter())).append(seconds(s.sampledAt()), s.value());
            }
            for (TelemetryFeed.Reading r : tick.readings()) {
                latest.put(r.parameter(), r);
                limits.put(r.parameter(), r.limits());
            }
            double keepFrom = seconds(tick.at().minus(TelemetryFeed.BACKFILL));
            buffers.values().forEach(b -> b.dropBefore(keepFrom));
        }
        if (live) {
            throttle.push(liveSnapshot(tick.at()));
        }
    }

    /** The live window ending at the newest sample (or {@code now} before there is one). */
    private Snapshot liveSnapshot(Instant now) {
        synchronized (lock) {
            double newest = Double.NEGATIVE_INFINITY;
            for (Buffer b : buffers.values()) {
                newest = b.n > 0 ? Math.max(newest, b.t[b.n - 1]) : newest;
            }
            Instant to = Double.isInfinite(newest) ? now : Instant.ofEpochSecond((long) newest);
            Instant from = to.minus(liveWindow);
            double fromS = seconds(from);
            List<Series> series = new ArrayList<>();
            for (Map.Entry<DemoSpacecraft.Parameter, Buffer> e : buffers.entrySet()) {
                Buffer b = e.getValue();
                int first = lowerBound(b.t, b.n, fromS);
                series.add(new Series(e.getKey(), Arrays.copyOfRange(b.t, first, b.n),
                        Arrays.copyOfRange(b.v, first, b.n), limits.get(e.getKey())));
            }
            return new Snapshot(true, from, to, series);
        }
    }

    /** Fills the live buffers from the store: the last {@link TelemetryFeed#BACKFILL}, then the feed goes on. */
    private void backfill() {
        ctx.tasks().run("Loading telemetry history", p -> {
            Instant now = ctx.workstation().clock().instant();
            Map<DemoSpacecraft.Parameter, List<TelemetrySampleRow>> history = new LinkedHashMap<>();
            Map<DemoSpacecraft.Parameter, ParameterLimits> stored = new LinkedHashMap<>();
            for (DemoSpacecraft.Parameter parameter : DemoSpacecraft.PARAMETERS) {
                history.put(parameter, feed.history(parameter, now.minus(TelemetryFeed.BACKFILL), now.plusSeconds(1)));
                feed.storedLimits(parameter, now).ifPresent(l -> stored.put(parameter, l));
            }
            synchronized (lock) {
                for (var e : history.entrySet()) {
                    Buffer merged = new Buffer();
                    e.getValue().forEach(r -> merged.append(seconds(r.sampleTime()), r.value()));
                    Buffer current = buffers.get(e.getKey());
                    // samples the feed delivered while the history was read come after it
                    for (int i = 0; i < current.n; i++) {
                        merged.append(current.t[i], current.v[i]);
                    }
                    buffers.put(e.getKey(), merged);
                    limits.putIfAbsent(e.getKey(), stored.get(e.getKey()));
                }
            }
            return now;
        }).onSuccess(now -> {
            if (live) {
                throttle.push(liveSnapshot(now));
            }
        }).onFailure(e -> ctx.dialogs().error("Loading telemetry history", e));
    }

    // ------------------------------------------------------------------ replay

    private void modeChanged() {
        FxThread.check();
        live = ctx.time().isLive();
        replayGeneration++;
        if (live) {
            backfill();
            return;
        }
        Instant start = ctx.time().replayStartProperty().get();
        Instant end = ctx.time().replayEndProperty().get();
        Instant to = end != null ? end : start != null ? start : ctx.time().time();
        Instant from = end != null && start != null ? start : to.minus(window.get());
        long generation = replayGeneration;
        ctx.tasks().run("Loading stored telemetry", p -> {
            List<Series> series = new ArrayList<>();
            for (DemoSpacecraft.Parameter parameter : DemoSpacecraft.PARAMETERS) {
                List<TelemetrySampleRow> rows = feed.history(parameter, from, to.plusSeconds(1));
                double[] t = new double[rows.size()];
                double[] v = new double[rows.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = seconds(rows.get(i).sampleTime());
                    v[i] = rows.get(i).value();
                }
                series.add(new Series(parameter, t, v, feed.storedLimits(parameter, to).orElse(null)));
            }
            return new Snapshot(false, from, to, series);
        }).onSuccess(s -> {
            if (generation == replayGeneration && !live) {
                apply(s);
            }
        }).onFailure(e -> ctx.dialogs().error("Loading stored telemetry", e));
    }

    // ------------------------------------------------------------------ FX side

    private void apply(Snapshot s) {
        FxThread.check();
        if (s.live() != live) {
            return; // a live redraw queued just before the switch to replay, or the reverse
        }
        snapshot.set(s);
        updateReadouts();
    }

    private void timeMoved() {
        Snapshot s = snapshot.get();
        if (s == null) {
            return;
        }
        if (live) {
            boolean silent = s.to().plus(STALE_AFTER).isBefore(ctx.time().time());
            if (silent != stale.get()) {
                stale.set(silent);
                updateReadouts();
            }
        } else {
            updateReadouts();
        }
    }

    private void updateReadouts() {
        Snapshot s = snapshot.get();
        List<Readout> out = new ArrayList<>();
        if (s == null) {
            readouts.clear();
            return;
        }
        if (s.live()) {
            boolean silent = s.to().plus(STALE_AFTER).isBefore(ctx.time().time());
            stale.set(silent);
            Map<DemoSpacecraft.Parameter, TelemetryFeed.Reading> readings;
            synchronized (lock) {
                readings = new LinkedHashMap<>(latest);
            }
            for (Series series : s.series()) {
                TelemetryFeed.Reading r = readings.get(series.parameter());
                if (r != null) {
                    out.add(new Readout(series.parameter(), r.value(), r.sampledAt(), r.severity(), r.state(),
                            silent || r.quality() == Quality.STALE, false));
                } else {
                    // backfilled history only, no live sample graded yet
                    out.add(fromSeries(series, s.to(), false));
                }
            }
        } else {
            stale.set(false);
            Instant cursor = ctx.time().time();
            for (Series series : s.series()) {
                out.add(fromSeries(series, cursor, true));
            }
        }
        readouts.setAll(out);
    }

    /** The last sample at or before {@code t}, graded against the series' limits (no deadband: a look-up). */
    private static Readout fromSeries(Series s, Instant t, boolean replay) {
        int i = lowerBound(s.timesS(), s.size(), seconds(t) + 0.5) - 1;
        if (i < 0) {
            return new Readout(s.parameter(), null, null, null, null, false, replay);
        }
        double value = s.values()[i];
        Severity severity = s.limits() == null ? null : s.limits().check(value, null, 0);
        return new Readout(s.parameter(), value, Instant.ofEpochSecond((long) s.timesS()[i]), severity, null, false,
                replay);
    }

    /** First index in {@code a[0..n)} whose value is >= {@code x}. */
    static int lowerBound(double[] a, int n, double x) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    /** Stops listening to the feed (the pane is closed). */
    public void dispose() {
        feed.removeListener(listener);
    }
}
