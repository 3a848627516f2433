package io.astroshield.domain.screening;

import io.astroshield.domain.DomainError;
import io.astroshield.domain.DomainException;
import io.astroshield.domain.frames.CartesianState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleFunction;
import java.util.stream.IntStream;

/**
 * Finds close approaches among the objects of an {@link OrbitSource} over a window.
 *
 * <p>Broad phase, per sub-window ("chunk"): every object is propagated exactly at its own
 * knots (step chosen so the cubic Hermite error stays under the tolerance); at each sample
 * interval the positions are interpolated at the interval's centre and hashed into a grid of
 * cells at least as large as the largest pair reach; neighbouring pairs pass a perigee/apogee
 * filter and a linear relative-motion test whose margins bound the interpolation error and the
 * curvature over the interval (docs/screening-margin.md). Narrow phase: on each surviving
 * interval, TCA is the root of the range rate found with Brent's method on exact states; an
 * interior minimum without a sign change (slow pairs) is found by golden-section search.
 * Encounters below the long-encounter speed are reported once per window at their closest
 * approach.
 */
public final class Screener {

    /** Smallest knot step, s: bounds the knot count of very eccentric orbits. */
    private static final double MIN_KNOT_STEP_S = 2.0;
    /** Brent/golden convergence in time, s: 1 µs is far below the 10 ms TCA requirement. */
    private static final double TIME_TOLERANCE_S = 1e-6;
    /** Two roots of the same pair closer than this are the same encounter, s. */
    private static final double SAME_ENCOUNTER_S = 1.0;

    /** Up to this many primaries, each is tested against every secondary without the grid. */
    private static final int DIRECT_PRIMARIES = 8;
    /** Sample length in direct mode, as a multiple of the grid's. */
    private static final double DIRECT_STEP_FACTOR = 6.0;
    /** Interpolation tolerance in direct mode, as a multiple of the grid's. */
    private static final double DIRECT_TOLERANCE_FACTOR = 5.0;

    private final ScreeningSettings settings;

    public Screener(ScreeningSettings settings) {
        this.settings = settings;
    }

    /**
     * @param source    the orbits, states in seconds from the reference epoch
     * @param primaries null for all-vs-all, else a flag per object: only pairs with a primary are screened
     * @param durationS window length from the reference epoch (t = 0)
     * @param instantAt converts seconds from the reference epoch into UTC
     */
    public ScreeningOutcome screen(OrbitSource source, boolean[] primaries, double durationS,
                                   DoubleFunction<Instant> instantAt, ScreeningProgress progress,
                                   Cancellation cancellation) {
        if (!(durationS > 0)) {
            throw new DomainException(DomainError.INVALID_ARGUMENT, "screening duration must be positive: " + durationS);
        }
        if (primaries != null && primaries.length != source.size()) {
            throw new DomainException(DomainError.INVALID_ARGUMENT, "primaries flags do not match the objects");
        }
        ForkJoinPool pool = new ForkJoinPool(settings.threads());
        try {
            return new Run(source, primaries, durationS, instantAt, progress, cancellation, pool).execute();
        } finally {
            pool.shutdownNow();
        }
    }

    /** One screening: its per-object tables and the chunk loop. */
    private final class Run {
        private final OrbitSource source;
        private final boolean[] isPrimary;
        private final double durationS;
        private final DoubleFunction<Instant> instantAt;
        private final ScreeningProgress progress;
        private final Cancellation cancellation;
        private final ForkJoinPool pool;

        private final int n;
        private final boolean[] screened;
        private final OrbitBounds[] bounds;
        private final double[] knotStep;
        private final double[] posError;
        private final double[] velError;
        // Bounds as primitive arrays: the broad phase reads them for every neighbouring pair.
        private final double[] minRadius;
        private final double[] maxRadius;
        private final double[] maxSpeed;
        private final double[] maxAcceleration;
        /** Object i is unusable from this time on (first propagation error), s. */
        private final double[] validUntil;
        private final ConcurrentLinkedQueue<String> dropped = new ConcurrentLinkedQueue<>();

        private final double threshold;
        private final double step;
        private final int totalSteps;
        private final double cellSize;
        /** Largest reach of any screened object over half a sample, m. */
        private final double maxReach;
        /** Few primaries: each is tested against every secondary, no grid. */
        private final boolean direct;

        private final AtomicLong knotsPropagated = new AtomicLong();
        private final AtomicLong candidateIntervals = new AtomicLong();
        private final AtomicLong narrowPropagations = new AtomicLong();
        private final AtomicInteger eventsFound = new AtomicInteger();
        private long knotNanos;
        private long broadNanos;
        private long narrowNanos;

        // Chunk knot tables, rebuilt per chunk.
        private int[] knotFirst;
        private int[] knotCount;
        private int[] knotOffset;
        private double[] knots = new double[0];

        Run(OrbitSource source, boolean[] primaries, double durationS, DoubleFunction<Instant> instantAt,
            ScreeningProgress progress, Cancellation cancellation, ForkJoinPool pool) {
            this.source = source;
            this.isPrimary = primaries;
            this.durationS = durationS;
            this.instantAt = instantAt;
            this.progress = progress;
            this.cancellation = cancellation;
            this.pool = pool;
            this.n = source.size();
            this.threshold = settings.thresholdM();
            int primariesFlagged = 0;
            for (int i = 0; primaries != null && i < source.size(); i++) {
                primariesFlagged += primaries[i] ? 1 : 0;
            }
            this.direct = primaries != null && primariesFlagged <= DIRECT_PRIMARIES;
            // Testing pairs directly costs per sample, not per cell volume: longer samples pay off
            // (the margins grow with the sample, so more candidates reach the cheap interpolated check).
            this.step = direct ? settings.sampleStepS() * DIRECT_STEP_FACTOR : settings.sampleStepS();
            // Larger interpolation errors only widen the margins, which direct mode pays per pair
            // test, not per grid cell: fewer knots for the same encounters.
            double tolerance = direct ? settings.interpolationToleranceM() * DIRECT_TOLERANCE_FACTOR
                    : settings.interpolationToleranceM();
            this.totalSteps = (int) Math.ceil(durationS / step);
            this.bounds = new OrbitBounds[n];
            this.knotStep = new double[n];
            this.posError = new double[n];
            this.velError = new double[n];
            this.validUntil = new double[n];
            this.screened = new boolean[n];
            this.minRadius = new double[n];
            this.maxRadius = new double[n];
            this.maxSpeed = new double[n];
            this.maxAcceleration = new double[n];
            double maxReach = 0;
            double halfStep = step / 2;
            for (int i = 0; i < n; i++) {
                OrbitBounds b = source.bounds(i);
                bounds[i] = b;
                minRadius[i] = b.minRadiusM();
                maxRadius[i] = b.maxRadiusM();
                maxSpeed[i] = b.maxSpeedMps();
                maxAcceleration[i] = b.maxAccelerationMps2();
                double h = Math.min(settings.maxKnotStepS(),
                        Math.max(MIN_KNOT_STEP_S, b.knotStepFor(tolerance)));
                knotStep[i] = h;
                posError[i] = b.interpolationErrorM(h);
                velError[i] = b.interpolationVelocityErrorMps(h);
                validUntil[i] = Double.POSITIVE_INFINITY;
            }
            markScreened();
            for (int i = 0; i < n; i++) {
                if (screened[i]) {
                    maxReach = Math.max(maxReach, reach(i, halfStep));
                }
            }
            // Any pair that can come within the threshold during an interval is, at its centre,
            // closer than threshold + reach(i) + reach(j) <= threshold + 2 maxReach: one cell.
            this.cellSize = threshold + 2 * maxReach;
            this.maxReach = maxReach;
        }

        /** How far object i can be from its interpolated centre position over half an interval, m. */
        private double reach(int i, double halfStep) {
            return posError[i] + maxSpeed[i] * halfStep + maxAcceleration[i] * halfStep * halfStep / 2;
        }

        /** Primaries mode: keep primaries and the secondaries whose radial band meets a primary's. */
        private void markScreened() {
            if (isPrimary == null) {
                Arrays.fill(screened, true);
                return;
            }
            List<double[]> bands = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (isPrimary[i]) {
                    double[] band = sampledRadialBand(i);
                    bands.add(new double[] {band[0] - threshold, band[1] + threshold});
                }
            }
            for (int i = 0; i < n; i++) {
                if (isPrimary[i]) {
                    screened[i] = true;
                    continue;
                }
                for (double[] band : bands) {
                    if (bounds[i].maxRadiusM() >= band[0] && bounds[i].minRadiusM() <= band[1]) {
                        screened[i] = true;
                        break;
                    }
                }
            }
        }

        /** Sample spacing for a primary's radial band, s. */
        private static final double BAND_SAMPLE_S = 20.0;

        /**
         * The radial band a primary actually spans over the window: its exact radius every 20 s,
         * widened by A h^2 / 8 (A = |r''| <= acceleration + v^2 / r, the most the radius can dip or
         * rise between two samples h apart). Much tighter than the mean-element band with its
         * margins, so fewer secondaries are propagated. Falls back to the mean-element band when a
         * state cannot be computed.
         */
        private double[] sampledRadialBand(int i) {
            OrbitBounds b = bounds[i];
            double radialAcceleration = b.maxAccelerationMps2() + b.maxSpeedMps() * b.maxSpeedMps() / b.minRadiusM();
            double slack = radialAcceleration * BAND_SAMPLE_S * BAND_SAMPLE_S / 8;
            double lo = Double.POSITIVE_INFINITY;
            double hi = 0;
            double[] s = new double[6];
            int samples = (int) Math.ceil(durationS / BAND_SAMPLE_S);
            for (int k = 0; k <= samples; k++) {
                if (source.state(i, Math.min(durationS, k * BAND_SAMPLE_S), s, 0) != 0) {
                    return new double[] {b.minRadiusM(), b.maxRadiusM()};
                }
                double r = Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
                lo = Math.min(lo, r);
                hi = Math.max(hi, r);
            }
            return new double[] {lo - slack, hi + slack};
        }

        ScreeningOutcome execute() {
            int stepsPerChunk = Math.max(1, (int) Math.floor(settings.chunkS() / step));
            List<ConjunctionEvent> shortEvents = new ArrayList<>();
            Map<Long, ConjunctionEvent> longEvents = new HashMap<>();
            int objects = 0;
            for (boolean s : screened) {
                objects += s ? 1 : 0;
            }
            for (int k0 = 0; k0 < totalSteps; k0 += stepsPerChunk) {
                cancellation.check();
                int k1 = Math.min(totalSteps, k0 + stepsPerChunk);
                // within a sub-window, the phases count as the earlier sub-windows' times say (a first guess before)
                long phasesNanos = knotNanos + broadNanos + narrowNanos;
                double knotShare = phasesNanos == 0 ? 1.0 / 3 : (double) knotNanos / phasesNanos;
                double broadShare = phasesNanos == 0 ? 1.0 / 3 : (double) broadNanos / phasesNanos;
                progress.update(fraction(k0, k1, 0), eventsFound.get());
                long t0 = System.nanoTime();
                propagateKnots(k0 * step, Math.min(durationS, k1 * step));
                long t1 = System.nanoTime();
                progress.update(fraction(k0, k1, knotShare), eventsFound.get());
                List<long[]> candidates = broadPhase(k0, k1);
                long t2 = System.nanoTime();
                progress.update(fraction(k0, k1, knotShare + broadShare), eventsFound.get());
                candidateIntervals.addAndGet(candidates.size());
                List<ConjunctionEvent> found = narrowPhase(candidates);
                long t3 = System.nanoTime();
                knotNanos += t1 - t0;
                broadNanos += t2 - t1;
                narrowNanos += t3 - t2;
                List<ConjunctionEvent> shortOfChunk = new ArrayList<>();
                for (ConjunctionEvent e : found) {
                    if (e.encounter() == EncounterType.LONG) {
                        longEvents.merge(pairKey(e.primaryId(), e.secondaryId()), e,
                                (a, b) -> a.missDistanceM() <= b.missDistanceM() ? a : b);
                    } else {
                        shortOfChunk.add(e);
                    }
                }
                shortEvents.addAll(shortOfChunk);
                if (!shortOfChunk.isEmpty()) {
                    progress.eventsFound(List.copyOf(shortOfChunk));
                }
                eventsFound.set(shortEvents.size() + longEvents.size());
                progress.update((double) k1 / totalSteps, eventsFound.get());
            }
            List<ConjunctionEvent> all = new ArrayList<>(deduplicate(shortEvents));
            all.addAll(longEvents.values());
            return new ScreeningOutcome(all, List.copyOf(dropped),
                    new ScreeningOutcome.Statistics(objects, knotsPropagated.get(), candidateIntervals.get(),
                            narrowPropagations.get(), knotNanos / 1e9, broadNanos / 1e9, narrowNanos / 1e9));
        }

        /** Fraction of the whole window done when {@code ofChunk} of the sub-window [k0, k1) is. */
        private double fraction(int k0, int k1, double ofChunk) {
            return (k0 + (k1 - k0) * ofChunk) / totalSteps;
        }

        // ---------------------------------------------------------------- knots

        private void propagateKnots(double t0, double t1) {
            knotFirst = new int[n];
            knotCount = new int[n];
            knotOffset = new int[n];
            int total = 0;
            for (int i = 0; i < n; i++) {
                if (!screened[i] || validUntil[i] <= t0) {
                    continue;
                }
                int first = (int) Math.floor(t0 / knotStep[i]);
                int last = (int) Math.ceil(t1 / knotStep[i]);
                knotFirst[i] = first;
                knotCount[i] = last - first + 1;
                knotOffset[i] = total;
                total += knotCount[i] * 6;
            }
            if (knots.length < total) {
                knots = new double[total];
            }
            run(IntStream.range(0, n), i -> {
                if (knotCount[i] == 0 || cancellation.isCancelled()) {
                    return;
                }
                for (int j = 0; j < knotCount[i]; j++) {
                    double t = (knotFirst[i] + j) * knotStep[i];
                    int code = source.state(i, t, knots, knotOffset[i] + 6 * j);
                    String violation = code == 0 ? boundsViolation(knotOffset[i] + 6 * j, bounds[i]) : null;
                    if (code != 0 || violation != null) {
                        dropped.add(source.noradId(i) + ": dropped from " + instantAt.apply(t) + ": "
                                + (violation != null ? violation : source.errorMessage(code)));
                        // Knots before the failure stay usable; intervals after it are skipped.
                        knotCount[i] = j;
                        validUntil[i] = Math.max(t0, t - knotStep[i]);
                        break;
                    }
                }
                knotsPropagated.addAndGet(knotCount[i]);
                if (knotCount[i] < 2) {
                    knotCount[i] = 0;
                }
            });
            cancellation.check();
        }

        /**
         * The margins are only as good as the bounds; an object whose state leaves them (a
         * decayed object inside the Earth, a corrupt element set) is dropped and reported rather
         * than screened with margins that no longer hold.
         */
        private String boundsViolation(int off, OrbitBounds b) {
            double r = Math.sqrt(knots[off] * knots[off] + knots[off + 1] * knots[off + 1] + knots[off + 2] * knots[off + 2]);
            double v = Math.sqrt(knots[off + 3] * knots[off + 3] + knots[off + 4] * knots[off + 4]
                    + knots[off + 5] * knots[off + 5]);
            if (r >= b.minRadiusM() && r <= b.maxRadiusM() && v <= b.maxSpeedMps()) {
                return null;
            }
            return String.format(java.util.Locale.ROOT,
                    "state outside the motion bounds the screening margins rely on (r = %.0f km not in [%.0f, %.0f] km"
                            + " or v = %.3f km/s > %.3f km/s)",
                    r / 1e3, b.minRadiusM() / 1e3, b.maxRadiusM() / 1e3, v / 1e3, b.maxSpeedMps() / 1e3);
        }

        /** Object i is usable over [a, b] with knots covering it. */
        private boolean usable(int i, double a, double b) {
            if (knotCount[i] == 0 || b > validUntil[i]) {
                return false;
            }
            double h = knotStep[i];
            return a >= knotFirst[i] * h && b <= (knotFirst[i] + knotCount[i] - 1) * h;
        }

        /** Hermite interpolation of object i at t into out[off..off+5] (position, velocity). */
        private void interpolate(int i, double t, double[] out, int off) {
            double h = knotStep[i];
            int j = (int) Math.floor(t / h) - knotFirst[i];
            j = Math.max(0, Math.min(knotCount[i] - 2, j));
            double tau = (t - (knotFirst[i] + j) * h) / h;
            double t2 = tau * tau;
            double t3 = t2 * tau;
            double h00 = 2 * t3 - 3 * t2 + 1;
            double h10 = (t3 - 2 * t2 + tau) * h;
            double h01 = -2 * t3 + 3 * t2;
            double h11 = (t3 - t2) * h;
            double d00 = (6 * t2 - 6 * tau) / h;
            double d10 = 3 * t2 - 4 * tau + 1;
            double d01 = (-6 * t2 + 6 * tau) / h;
            double d11 = 3 * t2 - 2 * tau;
            int k = knotOffset[i] + 6 * j;
            double[] kn = knots;
            for (int c = 0; c < 3; c++) {
                double p0 = kn[k + c];
                double v0 = kn[k + 3 + c];
                double p1 = kn[k + 6 + c];
                double v1 = kn[k + 9 + c];
                out[off + c] = h00 * p0 + h10 * v0 + h01 * p1 + h11 * v1;
                out[off + 3 + c] = d00 * p0 + d10 * v0 + d01 * p1 + d11 * v1;
            }
        }

        // ---------------------------------------------------------------- broad phase

        /** Candidate intervals as {i, j, step} with i < j. */
        private List<long[]> broadPhase(int k0, int k1) {
            int threads = settings.threads();
            int span = k1 - k0;
            int blocks = Math.min(span, threads * 4);
            ConcurrentLinkedQueue<List<long[]>> parts = new ConcurrentLinkedQueue<>();
            run(IntStream.range(0, blocks), b -> {
                int from = k0 + (int) ((long) span * b / blocks);
                int to = k0 + (int) ((long) span * (b + 1) / blocks);
                BroadPhaseWorker worker = new BroadPhaseWorker();
                for (int k = from; k < to; k++) {
                    // one step bins every object: about a millisecond per 10,000 objects
                    if (cancellation.isCancelled()) {
                        return;
                    }
                    worker.sample(k);
                }
                parts.add(worker.candidates);
            });
            cancellation.check();
            List<long[]> all = new ArrayList<>();
            parts.forEach(all::addAll);
            return all;
        }

        /**
         * Per-thread grid and buffers for the broad phase. Cells are keyed by their integer
         * coordinates modulo 1024 per axis (30 bits): with cells of tens of km or more that spans
         * every Earth orbit but far HEO apogees, where two cells sharing a key only add
         * candidates, never lose one. The open-addressing table interleaves key and list head so
         * a probe touches one cache line, and is cleared slot by slot after each sample.
         */
        private final class BroadPhaseWorker {
            private static final int AXIS_MASK = 1023;
            /** Forward half of the 26 neighbour offsets: each pair of distinct cells is visited once. */
            private static final int[][] FORWARD = forwardOffsets();

            private final double[] state = new double[6 * n];
            private final int[] next = new int[n];
            private final int[] cellOf = new int[n];
            private final int tableMask;
            /** slot s: table[2s] = key + 1 (0 = empty), table[2s + 1] = first object of the cell's list. */
            private final int[] table;
            private final int[] usedSlots;
            private int usedCount;
            private final int[] activeList = new int[n];
            private final int[] primaryList = new int[n];
            final List<long[]> candidates = new ArrayList<>();

            BroadPhaseWorker() {
                int size = Integer.highestOneBit(Math.max(16, n * 2) - 1) << 1;
                tableMask = size - 1;
                table = new int[2 * size];
                usedSlots = new int[n];
            }

            private static int[][] forwardOffsets() {
                List<int[]> offsets = new ArrayList<>();
                for (int dx = -1; dx <= 1; dx++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dz = -1; dz <= 1; dz++) {
                            if (dx > 0 || (dx == 0 && dy > 0) || (dx == 0 && dy == 0 && dz > 0)) {
                                offsets.add(new int[] {dx, dy, dz});
                            }
                        }
                    }
                }
                return offsets.toArray(new int[0][]);
            }

            void sample(int k) {
                double a = k * step;
                double b = Math.min(durationS, a + step);
                double tc = (a + b) / 2;
                double half = (b - a) / 2;
                int nActive = 0;
                int nPrimaries = 0;
                for (int i = 0; i < n; i++) {
                    if (!screened[i] || !usable(i, a, b)) {
                        continue;
                    }
                    interpolate(i, tc, state, 6 * i);
                    if (isPrimary != null && isPrimary[i]) {
                        primaryList[nPrimaries++] = i;
                    } else {
                        if (isPrimary == null || !direct) {
                            insert(i);
                        }
                        activeList[nActive++] = i;
                    }
                }
                if (isPrimary == null) {
                    for (int idx = 0; idx < nActive; idx++) {
                        visitHalfNeighbourhood(activeList[idx], k, half);
                    }
                } else {
                    for (int p = 0; p < nPrimaries; p++) {
                        int i = primaryList[p];
                        if (direct) {
                            // A few primaries: testing every secondary costs less than probing the grid.
                            for (int idx = 0; idx < nActive; idx++) {
                                test(i, activeList[idx], k, half);
                            }
                        } else {
                            visitFullNeighbourhood(i, k, half);
                        }
                        for (int q = p + 1; q < nPrimaries; q++) {
                            test(i, primaryList[q], k, half);
                        }
                    }
                }
                for (int u = 0; u < usedCount; u++) {
                    table[2 * usedSlots[u]] = 0;
                }
                usedCount = 0;
            }

            private int axis(double x) {
                return (int) Math.floor(x / cellSize) & AXIS_MASK;
            }

            private static int key(int cx, int cy, int cz) {
                return ((cx & AXIS_MASK) << 20) | ((cy & AXIS_MASK) << 10) | (cz & AXIS_MASK);
            }

            /** Slot of the cell with this key, or of the empty slot where it would go. */
            private int slot(int key) {
                int s = (key * 0x9E3779B1 >>> 7) & tableMask;
                int stored = key + 1;
                while (table[2 * s] != 0 && table[2 * s] != stored) {
                    s = (s + 1) & tableMask;
                }
                return s;
            }

            private void insert(int i) {
                int key = key(axis(state[6 * i]), axis(state[6 * i + 1]), axis(state[6 * i + 2]));
                cellOf[i] = key;
                int s = slot(key);
                if (table[2 * s] == 0) {
                    table[2 * s] = key + 1;
                    table[2 * s + 1] = -1;
                    usedSlots[usedCount++] = s;
                }
                next[i] = table[2 * s + 1];
                table[2 * s + 1] = i;
            }

            private int head(int key) {
                int s = slot(key);
                return table[2 * s] == 0 ? -1 : table[2 * s + 1];
            }

            /** All-vs-all: objects later in i's own cell list, and everything in the 13 forward cells. */
            private void visitHalfNeighbourhood(int i, int k, double half) {
                for (int j = next[i]; j >= 0; j = next[j]) {
                    test(i, j, k, half);
                }
                int key = cellOf[i];
                int cx = key >>> 20;
                int cy = (key >>> 10) & AXIS_MASK;
                int cz = key & AXIS_MASK;
                // A neighbour cell farther from the object than any partner can be is not probed.
                double range = threshold + reach(i, half) + maxReach;
                double range2 = range * range;
                double bx = state[6 * i] - Math.floor(state[6 * i] / cellSize) * cellSize;
                double by = state[6 * i + 1] - Math.floor(state[6 * i + 1] / cellSize) * cellSize;
                double bz = state[6 * i + 2] - Math.floor(state[6 * i + 2] / cellSize) * cellSize;
                for (int[] o : FORWARD) {
                    double gx = o[0] > 0 ? cellSize - bx : o[0] < 0 ? bx : 0;
                    double gy = o[1] > 0 ? cellSize - by : o[1] < 0 ? by : 0;
                    double gz = o[2] > 0 ? cellSize - bz : o[2] < 0 ? bz : 0;
                    double gap2 = gx * gx + gy * gy + gz * gz;
                    if (gap2 > range2) {
                        continue;
                    }
                    for (int j = head(key(cx + o[0], cy + o[1], cz + o[2])); j >= 0; j = next[j]) {
                        test(i, j, k, half);
                    }
                }
            }

            /** Primaries mode: the primary is not in the grid; all 27 cells around it. */
            private void visitFullNeighbourhood(int i, int k, double half) {
                int cx = axis(state[6 * i]);
                int cy = axis(state[6 * i + 1]);
                int cz = axis(state[6 * i + 2]);
                for (int dx = -1; dx <= 1; dx++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dz = -1; dz <= 1; dz++) {
                            for (int j = head(key(cx + dx, cy + dy, cz + dz)); j >= 0; j = next[j]) {
                                test(i, j, k, half);
                            }
                        }
                    }
                }
            }

            /** Reach and perigee/apogee filters, then the linear relative-motion bound over the interval. */
            private void test(int i, int j, int k, double half) {
                int oi = 6 * i;
                int oj = 6 * j;
                double dx = state[oj] - state[oi];
                double dy = state[oj + 1] - state[oi + 1];
                double dz = state[oj + 2] - state[oi + 2];
                double reachSum = threshold + reach(i, half) + reach(j, half);
                double d2 = dx * dx + dy * dy + dz * dz;
                if (d2 > reachSum * reachSum) {
                    return;
                }
                if (maxRadius[i] + threshold < minRadius[j] || maxRadius[j] + threshold < minRadius[i]) {
                    return;
                }
                double wx = state[oj + 3] - state[oi + 3];
                double wy = state[oj + 4] - state[oi + 4];
                double wz = state[oj + 5] - state[oi + 5];
                double w2 = wx * wx + wy * wy + wz * wz;
                double tau = w2 > 0 ? -(dx * wx + dy * wy + dz * wz) / w2 : 0;
                tau = Math.max(-half, Math.min(half, tau));
                double mx = dx + wx * tau;
                double my = dy + wy * tau;
                double mz = dz + wz * tau;
                double linearMin = Math.sqrt(mx * mx + my * my + mz * mz);
                double margin = posError[i] + posError[j] + (velError[i] + velError[j]) * half
                        + (maxAcceleration[i] + maxAcceleration[j]) * half * half / 2;
                if (linearMin <= threshold + margin) {
                    candidates.add(new long[] {Math.min(i, j), Math.max(i, j), k});
                }
            }
        }

        // ---------------------------------------------------------------- narrow phase

        private List<ConjunctionEvent> narrowPhase(List<long[]> candidates) {
            ConcurrentLinkedQueue<ConjunctionEvent> events = new ConcurrentLinkedQueue<>();
            run(IntStream.range(0, candidates.size()), c -> {
                // every unit checks: a check costs tens of ns against microseconds of refinement, and a cancelled
                // run then stops within one unit instead of skipping only every 64th
                if (cancellation.isCancelled()) {
                    return;
                }
                long[] cand = candidates.get(c);
                ConjunctionEvent e = refine((int) cand[0], (int) cand[1], (int) cand[2]);
                if (e != null) {
                    events.add(e);
                }
            });
            cancellation.check();
            return new ArrayList<>(events);
        }

        /**
         * Exact TCA of pair (i, j) inside sample interval k, or null when it has none under the
         * threshold. The interpolated trajectories first bound the pair's distance (rejecting
         * most candidates without propagating) and give a starting time; Newton's method on the
         * exact range rate then converges in a few steps. Pairs whose range rate may turn inside
         * the interval take the bracketing path on exact states.
         */
        private ConjunctionEvent refine(int i, int j, int k) {
            double a = k * step;
            double b = Math.min(durationS, a + step);
            double[] si = new double[6];
            double[] sj = new double[6];
            interpolate(i, a, si, 0);
            interpolate(j, a, sj, 0);
            double errR = posError[i] + posError[j];
            double errV = velError[i] + velError[j];
            double accel = bounds[i].maxAccelerationMps2() + bounds[j].maxAccelerationMps2();
            if (!rangeRateMonotone(si, sj, errR, errV, accel, b - a)) {
                return refineSlow(i, j, a, b, si, sj, errR, errV, accel);
            }
            double fa = rangeRate(si, sj);
            double da = distance(si, sj);
            interpolate(i, b, si, 0);
            interpolate(j, b, sj, 0);
            double fb = rangeRate(si, sj);
            double db = distance(si, sj);
            double start;
            double lowest;
            if (fa < 0 && fb >= 0) {
                start = interpolatedRoot(i, j, a, b, fa, fb, si, sj);
                lowest = distance(si, sj);
            } else {
                start = da <= db ? a : b;
                lowest = Math.min(da, db);
            }
            if (lowest - errR > threshold) {
                return null;
            }
            Pair pair = new Pair(i, j);
            try {
                double tca = pair.newton(start, a - step, b + step);
                if (Double.isNaN(tca)) {
                    return refineExactly(i, j, a, b);
                }
                return ownedEvent(pair, tca, a, b);
            } finally {
                narrowPropagations.addAndGet(pair.propagations);
            }
        }

        /** Samples per interval for slow pairs, whose distance need not be unimodal there. */
        private static final int SLOW_SAMPLES = 20;

        /**
         * Slow pairs (range rate may turn inside the interval): the interpolated distance is
         * sampled; with the relative speed bounded, the samples bound the true minimum, which
         * rejects most such pairs (formation flyers, fresh debris clouds) without propagating.
         * Survivors get a golden-section search on exact states around the lowest sample.
         */
        private ConjunctionEvent refineSlow(int i, int j, double a, double b, double[] si, double[] sj, double errR,
                                            double errV, double accel) {
            double speedBound = Math.sqrt(Math.pow(si[3] - sj[3], 2) + Math.pow(si[4] - sj[4], 2)
                    + Math.pow(si[5] - sj[5], 2)) + errV + accel * (b - a);
            double spacing = (b - a) / SLOW_SAMPLES;
            double best = Double.POSITIVE_INFINITY;
            int bestK = 0;
            for (int s = 0; s <= SLOW_SAMPLES; s++) {
                double t = a + s * spacing;
                interpolate(i, t, si, 0);
                interpolate(j, t, sj, 0);
                double d = distance(si, sj);
                if (d < best) {
                    best = d;
                    bestK = s;
                }
            }
            if (best - errR - speedBound * spacing / 2 > threshold) {
                return null;
            }
            Pair pair = new Pair(i, j);
            try {
                double lo = Math.max(a, a + (bestK - 1) * spacing);
                double hi = Math.min(b, a + (bestK + 1) * spacing);
                double tca = golden(pair, lo, hi);
                if (Double.isNaN(tca)) {
                    return null;
                }
                // Polish to the range-rate root; it may lie just beyond the interval, in which
                // case the neighbour that owns it reports it.
                double root = pair.newton(tca, a - step, b + step);
                if (!Double.isNaN(root)) {
                    return ownedEvent(pair, root, a, b);
                }
                if (tca - a < 1e-3 || b - tca < 1e-3) {
                    return null;
                }
                return eventAt(pair, tca);
            } finally {
                narrowPropagations.addAndGet(pair.propagations);
            }
        }

        /** The event at root {@code tca} when interval [a, b) owns it (the last interval also owns the window end). */
        private ConjunctionEvent ownedEvent(Pair pair, double tca, double a, double b) {
            if (tca < a || (tca >= b && b < durationS) || tca > durationS) {
                return null;
            }
            return eventAt(pair, tca);
        }

        /** The event at {@code tca} when the exact miss there is within the threshold. */
        private ConjunctionEvent eventAt(Pair pair, double tca) {
            if (!pair.evaluate(tca)) {
                return null;
            }
            double miss = pair.distance();
            return miss > threshold ? null : pair.event(tca, miss);
        }

        /** Root of the interpolated range rate in [a, b] by the Illinois method; leaves the states at it in si, sj. */
        private double interpolatedRoot(int i, int j, double a, double b, double fa, double fb, double[] si, double[] sj) {
            int side = 0;
            double t = a;
            for (int iter = 0; iter < 60 && b - a > TIME_TOLERANCE_S; iter++) {
                t = (a * fb - b * fa) / (fb - fa);
                interpolate(i, t, si, 0);
                interpolate(j, t, sj, 0);
                double f = rangeRate(si, sj);
                if (f < 0) {
                    a = t;
                    fa = f;
                    if (side == -1) {
                        fb /= 2;
                    }
                    side = -1;
                } else {
                    b = t;
                    fb = f;
                    if (side == 1) {
                        fa /= 2;
                    }
                    side = 1;
                }
            }
            return t;
        }

        /**
         * True when the range rate cannot turn within {@code spanS} of the given states: its
         * derivative |dv|^2 + dr.da stays positive given |da| <= accel, with the interpolation
         * errors errR, errV allowed for on the states.
         */
        private boolean rangeRateMonotone(double[] si, double[] sj, double errR, double errV, double accel, double spanS) {
            double v = 0;
            double r = 0;
            for (int c = 0; c < 3; c++) {
                r += (sj[c] - si[c]) * (sj[c] - si[c]);
                v += (sj[c + 3] - si[c + 3]) * (sj[c + 3] - si[c + 3]);
            }
            double vMin = Math.sqrt(v) - errV - accel * spanS;
            double rMax = Math.sqrt(r) + errR + (Math.sqrt(v) + errV + accel * spanS) * spanS;
            return vMin > 0 && vMin * vMin > rMax * accel;
        }

        private static double rangeRate(double[] si, double[] sj) {
            double f = 0;
            for (int c = 0; c < 3; c++) {
                f += (sj[c] - si[c]) * (sj[c + 3] - si[c + 3]);
            }
            return f;
        }

        private static double distance(double[] si, double[] sj) {
            double d = 0;
            for (int c = 0; c < 3; c++) {
                d += (sj[c] - si[c]) * (sj[c] - si[c]);
            }
            return Math.sqrt(d);
        }

        /** Bracketing search on exact states, for pairs whose range rate may turn inside the interval. */
        private ConjunctionEvent refineExactly(int i, int j, double a, double b) {
            Pair pair = new Pair(i, j);
            try {
                double fa = pair.rangeRate(a);
                double fb = pair.rangeRate(b);
                if (Double.isNaN(fa) || Double.isNaN(fb)) {
                    return null;
                }
                double tca;
                if (fa < 0 && fb >= 0) {
                    tca = brent(pair, a, b, fa, fb);
                } else {
                    // No sign change, but the range rate may turn twice (slow, curving pairs).
                    tca = golden(pair, a, b);
                    if (tca - a < 1e-3 || b - tca < 1e-3) {
                        return null;
                    }
                }
                return Double.isNaN(tca) ? null : eventAt(pair, tca);
            } finally {
                narrowPropagations.addAndGet(pair.propagations);
            }
        }

        private double brent(Pair pair, double a, double b, double fa, double fb) {
            // Brent's method (Brent 1973, ch. 4) on the range rate; fa < 0 <= fb.
            double c = a;
            double fc = fa;
            double d = b - a;
            double e = d;
            for (int iter = 0; iter < 100; iter++) {
                if (Math.abs(fc) < Math.abs(fb)) {
                    a = b;
                    b = c;
                    c = a;
                    fa = fb;
                    fb = fc;
                    fc = fa;
                }
                double tol = 2 * Math.ulp(b) + TIME_TOLERANCE_S / 2;
                double m = (c - b) / 2;
                if (Math.abs(m) <= tol || fb == 0) {
                    return b;
                }
                if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
                    double s = fb / fa;
                    double p;
                    double q;
                    if (a == c) {
                        p = 2 * m * s;
                        q = 1 - s;
                    } else {
                        double qq = fa / fc;
                        double r = fb / fc;
                        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
                        q = (qq - 1) * (r - 1) * (s - 1);
                    }
                    if (p > 0) {
                        q = -q;
                    } else {
                        p = -p;
                    }
                    if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
                        e = d;
                        d = p / q;
                    } else {
                        d = m;
                        e = m;
                    }
                } else {
                    d = m;
                    e = m;
                }
                a = b;
                fa = fb;
                b += Math.abs(d) > tol ? d : (m > 0 ? tol : -tol);
                fb = pair.rangeRate(b);
                if (Double.isNaN(fb)) {
                    return Double.NaN;
                }
                if ((fb > 0) == (fc > 0)) {
                    c = a;
                    fc = fa;
                    d = b - a;
                    e = d;
                }
            }
            return b;
        }

        private double golden(Pair pair, double a, double b) {
            final double invPhi = (Math.sqrt(5) - 1) / 2;
            double x1 = b - invPhi * (b - a);
            double x2 = a + invPhi * (b - a);
            double f1 = pair.distanceAt(x1);
            double f2 = pair.distanceAt(x2);
            while (b - a > TIME_TOLERANCE_S) {
                if (Double.isNaN(f1) || Double.isNaN(f2)) {
                    return Double.NaN;
                }
                if (f1 < f2) {
                    b = x2;
                    x2 = x1;
                    f2 = f1;
                    x1 = b - invPhi * (b - a);
                    f1 = pair.distanceAt(x1);
                } else {
                    a = x1;
                    x1 = x2;
                    f1 = f2;
                    x2 = a + invPhi * (b - a);
                    f2 = pair.distanceAt(x2);
                }
            }
            return (a + b) / 2;
        }

        /** Exact states of a pair at one time, reused across the root search. */
        private final class Pair {
            private final int i;
            private final int j;
            private final double[] si = new double[6];
            private final double[] sj = new double[6];
            private int propagations;

            Pair(int i, int j) {
                this.i = i;
                this.j = j;
            }

            boolean evaluate(double t) {
                propagations += 2;
                return source.state(i, t, si, 0) == 0 && source.state(j, t, sj, 0) == 0;
            }

            /** d/dt |r_j - r_i|^2 / 2 = (r_j - r_i) . (v_j - v_i), m^2/s; NaN on propagation error. */
            double rangeRate(double t) {
                return evaluate(t) ? Run.rangeRate(si, sj) : Double.NaN;
            }

            double distanceAt(double t) {
                return evaluate(t) ? Run.distance(si, sj) : Double.NaN;
            }

            /**
             * Newton's method on the exact range rate from {@code t}, with derivative
             * |dv|^2 + dr.da and two-body accelerations (an approximation of the derivative only:
             * the root itself is exact). NaN when it leaves [lo, hi] or does not converge.
             */
            double newton(double t, double lo, double hi) {
                for (int iter = 0; iter < 12; iter++) {
                    double f = rangeRate(t);
                    if (Double.isNaN(f)) {
                        return Double.NaN;
                    }
                    double ri = Math.sqrt(si[0] * si[0] + si[1] * si[1] + si[2] * si[2]);
                    double rj = Math.sqrt(sj[0] * sj[0] + sj[1] * sj[1] + sj[2] * sj[2]);
                    double ki = -OrbitBounds.MU_M3_S2 / (ri * ri * ri);
                    double kj = -OrbitBounds.MU_M3_S2 / (rj * rj * rj);
                    double fp = 0;
                    for (int c = 0; c < 3; c++) {
                        double dv = sj[c + 3] - si[c + 3];
                        fp += dv * dv + (sj[c] - si[c]) * (kj * sj[c] - ki * si[c]);
                    }
                    if (!(fp > 0)) {
                        return Double.NaN;
                    }
                    double dt = -f / fp;
                    t += dt;
                    if (t < lo || t > hi) {
                        return Double.NaN;
                    }
                    if (Math.abs(dt) < TIME_TOLERANCE_S / 10) {
                        return t;
                    }
                }
                return Double.NaN;
            }

            double distance() {
                return Run.distance(si, sj);
            }

            ConjunctionEvent event(double tca, double miss) {
                double w = 0;
                for (int c = 3; c < 6; c++) {
                    w += (sj[c] - si[c]) * (sj[c] - si[c]);
                }
                double relSpeed = Math.sqrt(w);
                int idI = source.noradId(i);
                int idJ = source.noradId(j);
                boolean iIsPrimary = isPrimary == null
                        ? idI < idJ
                        : isPrimary[i] && (!isPrimary[j] || idI < idJ);
                int p = iIsPrimary ? i : j;
                double[] sp = iIsPrimary ? si : sj;
                double[] ss = iIsPrimary ? sj : si;
                double[] d = {ss[0] - sp[0], ss[1] - sp[1], ss[2] - sp[2]};
                MissVectorRtn rtn = MissVectorRtn.of(new double[] {sp[0], sp[1], sp[2]},
                        new double[] {sp[3], sp[4], sp[5]}, d);
                int s = p == i ? j : i;
                EncounterType type = relSpeed < settings.longEncounterSpeedMps() ? EncounterType.LONG : EncounterType.SHORT;
                return new ConjunctionEvent(source.noradId(p), source.noradId(s), instantAt.apply(tca), miss, relSpeed,
                        rtn, type, source.epochAgeDays(p, tca), source.epochAgeDays(s, tca),
                        CartesianState.of(sp, 0), CartesianState.of(ss, 0));
            }
        }

        private List<ConjunctionEvent> deduplicate(List<ConjunctionEvent> events) {
            List<ConjunctionEvent> sorted = new ArrayList<>(events);
            sorted.sort(ScreeningOutcome.ORDER);
            Map<Long, ConjunctionEvent> lastByPair = new HashMap<>();
            List<ConjunctionEvent> kept = new ArrayList<>();
            for (ConjunctionEvent e : sorted) {
                long key = pairKey(e.primaryId(), e.secondaryId());
                ConjunctionEvent last = lastByPair.get(key);
                if (last != null && secondsBetween(last.tca(), e.tca()) < SAME_ENCOUNTER_S) {
                    if (e.missDistanceM() < last.missDistanceM()) {
                        kept.set(kept.indexOf(last), e);
                        lastByPair.put(key, e);
                    }
                    continue;
                }
                lastByPair.put(key, e);
                kept.add(e);
            }
            return kept;
        }

        private void run(IntStream range, java.util.function.IntConsumer body) {
            try {
                pool.submit(() -> range.parallel().forEach(body)).get();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new DomainException(DomainError.CANCELLED, "screening interrupted", ex);
            } catch (java.util.concurrent.ExecutionException ex) {
                Throwable cause = ex.getCause();
                if (cause instanceof DomainException de) {
                    throw de;
                }
                throw new DomainException(DomainError.SCREENING, "screening failed: " + cause, cause);
            }
        }
    }

    private static long pairKey(int a, int b) {
        return ((long) Math.min(a, b) << 32) | (Math.max(a, b) & 0xffffffffL);
    }

    private static double secondsBetween(Instant a, Instant b) {
        return Math.abs((b.getEpochSecond() - a.getEpochSecond()) + (b.getNano() - a.getNano()) * 1e-9);
    }
}
