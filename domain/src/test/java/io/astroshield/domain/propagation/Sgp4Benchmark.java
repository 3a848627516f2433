package io.astroshield.domain.propagation;

import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.domain.catalog.ObjectType;
import io.astroshield.domain.catalog.TleReader;
import io.astroshield.domain.time.ReferenceData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.orekit.attitudes.FrameAlignedProvider;
import org.orekit.propagation.analytical.tle.TLEPropagator;
import org.orekit.time.AbsoluteDate;
import org.orekit.utils.PVCoordinates;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Propagations per second on one thread: the screener's path ({@link Sgp4Batch}, one satellite
 * over its knots at a time), the same code one call per time, and Orekit's
 * {@link TLEPropagator#getPVCoordinates(AbsoluteDate)}. Each invocation propagates
 * {@value #SATELLITES} satellites over {@value #KNOTS} knots spread over the 24 hours from
 * {@link #WINDOW_START}. The satellites are taken evenly from the 3LE catalog named by the
 * {@code catalog} parameter, or generated (LEO-heavy, like the public catalog) when it is empty.
 *
 * <pre>./mvnw -q -o -pl domain test-compile exec:exec -Pbench \
 *     -Dbench.args='Sgp4Benchmark -p catalog=/path/to/full_catalog_2022-01-22.3le'</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@State(Scope.Thread)
public class Sgp4Benchmark {

    static final int SATELLITES = 2048;
    static final int KNOTS = 64;
    static final Instant WINDOW_START = Instant.parse("2022-01-22T00:00:00Z");

    /** Path of a 3LE catalog, or empty for a generated population. */
    @Param({""})
    public String catalog;

    private Sgp4Batch batch;
    private double[][] tsinceMin;
    private TLEPropagator[] orekit;
    private AbsoluteDate[] knotDates;
    private double[] out;

    @Setup
    public void setUp() {
        ReferenceData rd = ReferenceData.builtIn();
        List<ElementSet> all = catalog.isEmpty() ? generated() : read(Path.of(catalog));
        AbsoluteDate start = rd.toDate(WINDOW_START);
        knotDates = new AbsoluteDate[KNOTS];
        for (int j = 0; j < KNOTS; j++) {
            knotDates[j] = start.shiftedBy(j * 86400.0 / KNOTS);
        }
        // Like for like: only element sets with a state at every knot (decayed and out-of-range ones
        // are errors on both paths, and Orekit throws for some), then an even sample of those.
        Sgp4Batch full = Sgp4Batch.of(all, rd);
        List<ElementSet> propagatable = new ArrayList<>();
        double[] scratch = new double[6 * KNOTS];
        for (int s = 0; s < full.size(); s++) {
            if (full.propagate(s, tsinceAtKnots(full, s, start), KNOTS, scratch, 0, null) == 0) {
                propagatable.add(all.get(s));
            }
        }
        List<ElementSet> chosen = new ArrayList<>();
        for (int k = 0; k < SATELLITES; k++) {
            chosen.add(propagatable.get((int) ((long) k * propagatable.size() / SATELLITES)));
        }
        batch = Sgp4Batch.of(chosen, rd);
        tsinceMin = new double[SATELLITES][];
        orekit = new TLEPropagator[SATELLITES];
        for (int s = 0; s < SATELLITES; s++) {
            tsinceMin[s] = tsinceAtKnots(batch, s, start);
            orekit[s] = TLEPropagator.selectExtrapolator(OrekitSgp4.toTle(chosen.get(s), rd),
                    FrameAlignedProvider.of(rd.teme()), TLEPropagator.DEFAULT_MASS, rd.teme());
        }
        out = new double[6 * KNOTS];
        System.out.printf("%n%d element sets read, %d with a state at every knot, %d deep space in the sample%n",
                all.size(), propagatable.size(), countDeep());
    }

    private double[] tsinceAtKnots(Sgp4Batch b, int s, AbsoluteDate start) {
        double epochOffsetS = b.epochOffsetS(s, start);
        double[] t = new double[KNOTS];
        for (int j = 0; j < KNOTS; j++) {
            t[j] = (knotDates[j].durationFrom(start) - epochOffsetS) / 60.0;
        }
        return t;
    }

    private int countDeep() {
        int deep = 0;
        for (int s = 0; s < batch.size(); s++) {
            deep += batch.isDeepSpace(s) ? 1 : 0;
        }
        return deep;
    }

    /** The screener's path: each satellite over all its knots in one call. */
    @Benchmark
    @OperationsPerInvocation(SATELLITES * KNOTS)
    public double ownSgp4BulkOverKnots() {
        double sum = 0;
        for (int s = 0; s < SATELLITES; s++) {
            batch.propagate(s, tsinceMin[s], KNOTS, out, 0, null);
            sum += out[0];
        }
        return sum;
    }

    /** The same propagations, one call per time. */
    @Benchmark
    @OperationsPerInvocation(SATELLITES * KNOTS)
    public double ownSgp4OneTimePerCall() {
        double sum = 0;
        for (int s = 0; s < SATELLITES; s++) {
            double[] t = tsinceMin[s];
            for (int j = 0; j < KNOTS; j++) {
                batch.propagate(s, t[j], out, 0);
                sum += out[0];
            }
        }
        return sum;
    }

    /** Orekit's TLEPropagator at the same dates. */
    @Benchmark
    @OperationsPerInvocation(SATELLITES * KNOTS)
    public double orekitGetPvCoordinates() {
        double sum = 0;
        for (int s = 0; s < SATELLITES; s++) {
            TLEPropagator p = orekit[s];
            for (int j = 0; j < KNOTS; j++) {
                PVCoordinates pv = p.getPVCoordinates(knotDates[j]);
                sum += pv.getPosition().getX();
            }
        }
        return sum;
    }

    /** The catalog read by the project's TLE reader (records it rejects are left out). */
    private static List<ElementSet> read(Path file) {
        return TleReader.read(file).records();
    }

    /** 80 % LEO, 8 % GEO, 6 % MEO, 6 % HEO, epochs within 3 days before the window. */
    private static List<ElementSet> generated() {
        Random random = new Random(42);
        List<ElementSet> sets = new ArrayList<>();
        for (int k = 0; k < SATELLITES; k++) {
            double u = random.nextDouble();
            double aKm;
            double e;
            if (u < 0.80) {
                aKm = 6378.135 + 350 + random.nextDouble() * 1500;
                e = random.nextDouble() * 0.01;
            } else if (u < 0.88) {
                aKm = 42164 + (random.nextDouble() - 0.5) * 100;
                e = random.nextDouble() * 0.001;
            } else if (u < 0.94) {
                aKm = 26560;
                e = random.nextDouble() * 0.02;
            } else {
                aKm = 24400;
                e = 0.72;
            }
            double n = Math.sqrt(398600.8 / (aKm * aKm * aKm));
            Instant epoch = WINDOW_START.minusSeconds((long) (random.nextDouble() * 3 * 86400));
            sets.add(new ElementSet(k + 1, null, null, 'U', epoch, n, e, random.nextDouble() * Math.PI,
                    random.nextDouble() * 2 * Math.PI, random.nextDouble() * 2 * Math.PI,
                    random.nextDouble() * 2 * Math.PI, random.nextDouble() * 1e-4, 0, 0, 1, 1, 0,
                    ObjectType.UNKNOWN, "generated"));
        }
        return sets;
    }
}
