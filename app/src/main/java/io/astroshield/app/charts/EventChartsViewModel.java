package io.astroshield.app.charts;

import io.astroshield.app.fx.FxThread;
import io.astroshield.app.workstation.CatalogSnapshot;
import io.astroshield.app.workstation.ConsoleContext;
import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.propagation.Propagation;
import io.astroshield.domain.screening.RangeProfile;
import io.astroshield.persistence.screening.StoredEvent;
import io.astroshield.persistence.screening.StoredUpdate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The selected event's charts: its Pc and miss-distance trend across updates (from the store), and the range
 * between the two objects around TCA (propagated in the background from the catalog's element sets).
 */
public final class EventChartsViewModel {

    /** Range chart: TCA +- 10 min every 5 s (241 samples: a LEO pair moves ~9,000 km apart in that time). */
    public static final Duration RANGE_HALF_WIDTH = Duration.ofMinutes(10);
    public static final Duration RANGE_STEP = Duration.ofSeconds(5);

    /**
     * The trend as the chart draws it.
     *
     * @param recordedS when each update was recorded, seconds since the epoch
     * @param log10Pc   log10 of each update's Pc; NaN where it had none (or Pc 0)
     * @param missKm    each update's miss distance, km (the unit printed on the axis)
     */
    public record Trend(StoredEvent event, double[] recordedS, double[] log10Pc, double[] missKm) {
    }

    /** The range chart: times in seconds since the epoch, range in km. */
    public record Range(StoredEvent event, double[] timesS, double[] rangeKm, double tcaS) {
    }

    private final ConsoleContext ctx;
    private final ReadOnlyObjectWrapper<Trend> trend = new ReadOnlyObjectWrapper<>(this, "trend");
    private final ReadOnlyObjectWrapper<Range> range = new ReadOnlyObjectWrapper<>(this, "range");
    private final ReadOnlyStringWrapper rangeStatus = new ReadOnlyStringWrapper(this, "rangeStatus", "");

    public EventChartsViewModel(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    public ReadOnlyObjectProperty<Trend> trendProperty() {
        return trend.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Range> rangeProperty() {
        return range.getReadOnlyProperty();
    }

    /** Why there is no range chart, or that it is being computed; empty when it is shown. */
    public ReadOnlyStringProperty rangeStatusProperty() {
        return rangeStatus.getReadOnlyProperty();
    }

    /** Shows {@code event} with its updates (oldest first); null clears both charts. */
    public void show(StoredEvent event, List<StoredUpdate> updates) {
        FxThread.check();
        if (event == null) {
            trend.set(null);
            range.set(null);
            rangeStatus.set("");
            return;
        }
        trend.set(trend(event, updates));
        range.set(null);
        CatalogSnapshot catalog = ctx.workstation().catalog();
        Optional<ElementSet> a = catalog.find(event.primaryNorad());
        Optional<ElementSet> b = catalog.find(event.secondaryNorad());
        if (a.isEmpty() || b.isEmpty()) {
            rangeStatus.set("No range chart: the catalog holds no element set of "
                    + (a.isEmpty() ? event.primaryNorad() : event.secondaryNorad()));
            return;
        }
        rangeStatus.set("Propagating both objects around TCA…");
        ctx.tasks().run("Range around TCA", p -> RangeProfile.around(
                        new Propagation(ctx.workstation().referenceData()), a.get(), b.get(), event.tca(),
                        RANGE_HALF_WIDTH, RANGE_STEP))
                .onSuccess(profile -> {
                    if (trend.get() != null && trend.get().event() == event) {
                        range.set(range(event, profile));
                        rangeStatus.set("");
                    }
                })
                .onFailure(e -> rangeStatus.set("No range chart: " + e.getMessage()));
    }

    static Trend trend(StoredEvent event, List<StoredUpdate> updates) {
        int n = updates.size();
        double[] t = new double[n];
        double[] pc = new double[n];
        double[] miss = new double[n];
        for (int i = 0; i < n; i++) {
            StoredUpdate u = updates.get(i);
            t[i] = u.recordedAt().getEpochSecond() + u.recordedAt().getNano() / 1e9;
            Double p = u.observation().pc();
            pc[i] = p == null || !(p > 0) ? Double.NaN : Math.log10(p);
            miss[i] = u.observation().missDistanceM() / 1000;
        }
        return new Trend(event, t, pc, miss);
    }

    static Range range(StoredEvent event, RangeProfile profile) {
        double tcaS = event.tca().getEpochSecond() + event.tca().getNano() / 1e9;
        double[] offsets = profile.offsetsS();
        double[] metres = profile.rangeM();
        double[] t = new double[offsets.length];
        double[] km = new double[offsets.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = tcaS + offsets[i];
            km[i] = metres[i] / 1000;
        }
        return new Range(event, t, km, tcaS);
    }
}
