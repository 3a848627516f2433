package io.astroshield.domain.alarms;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Alarm evaluations per second, single thread:
 * <ul>
 *   <li>{@code telemetryWithinLimits}: a sample inside its limits (the common case) through
 *       limit checking and the state machine;</li>
 *   <li>{@code telemetryCrossingLimits}: samples cycling normal/yellow/red, so most evaluations
 *       trigger, change severity, return to normal or reactivate, with audit events;</li>
 *   <li>{@code conjunctionUpdate}: a CDM-like update of one of 1,000 open events through event
 *       matching, the default matrix, the trend and the state machine.</li>
 * </ul>
 * The store discards what it is given, so the figures are the engine's, not H2's.
 *
 * <p>Run: {@code ./mvnw -q -o -pl domain test-compile exec:exec -Pbench -Dbench.args='AlarmBenchmark'}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class AlarmBenchmark {

    private static final int PARAMETERS = 100;
    private static final int EVENTS = 1000;
    /** One cycle of a parameter's values in volts against limits 24/26/33/34 V: normal, yellow, red, yellow, normal. */
    private static final double[] CYCLE_V = {30, 30, 33.5, 33.6, 34.5, 34.6, 33.5, 30, 30, 25, 23, 25, 30, 30, 30, 30};
    private static final double[] PC_CYCLE = {2e-6, 3e-5, 2e-4, 1e-8, 1e-8, 1e-8, 5e-7};

    /** Takes every commit and keeps nothing. */
    private static final class DiscardingStore implements AlarmStore {
        long commits;

        @Override
        public void commit(AlarmChangeSet changes) {
            commits++;
        }

        @Override
        public StoredAlarms load() {
            return StoredAlarms.empty();
        }

        @Override
        public List<AuditEvent> audit(long afterSequence, int limit) {
            return List.of();
        }

        @Override
        public List<ConjunctionTrendPoint> trend(String eventId) {
            return List.of();
        }
    }

    private ManualClock clock;
    private AlarmEngine engine;
    private String[] parameters;
    private Instant tca;
    private long n;

    @Setup(Level.Trial)
    public void setUp() {
        clock = new ManualClock(Instant.parse("2026-11-22T08:00:00Z"));
        AlarmConfiguration.Builder b = AlarmConfiguration.builder("bench")
                .define(AlarmDefinition.conjunction("conjunction"));
        parameters = new String[PARAMETERS];
        Map<String, ParameterLimits> limits = new HashMap<>();
        for (int i = 0; i < PARAMETERS; i++) {
            parameters[i] = "P" + i;
            b.define(AlarmDefinition.telemetry("tm." + i, parameters[i], 0.2, Duration.ofSeconds(10)));
            limits.put(parameters[i], new ParameterLimits(24, 26, 33, 34));
        }
        b.telemetryLimitSet(new TelemetryLimitSet("NOMINAL", limits));
        engine = AlarmEngine.start(b.build(), clock, new DiscardingStore());
        // two days ahead, so the matrix grades WARNING, DISTRESS and CRITICAL; at 1 ms of clock per
        // operation a run moves the clock a few hours, which keeps every event within the same bands
        tca = clock.instant().plus(Duration.ofDays(2));
        for (int e = 0; e < EVENTS; e++) {
            engine.conjunctions().accept(update(e, 1e-8));
        }
    }

    private ConjunctionUpdate update(int event, double pc) {
        return new ConjunctionUpdate(20_000 + event, 60_000 + event, tca, 250, pc, UpdateSource.CDM, DataOrigin.LIVE, null);
    }

    @Benchmark
    public void telemetryWithinLimits() {
        long i = n++;
        clock.advance(Duration.ofMillis(1));
        engine.telemetry().accept(new TelemetrySample(parameters[(int) (i % PARAMETERS)], clock.instant(),
                30.0 + (i & 7) * 0.1, DataOrigin.LIVE));
    }

    @Benchmark
    public void telemetryCrossingLimits() {
        long i = n++;
        clock.advance(Duration.ofMillis(1));
        int p = (int) (i % PARAMETERS);
        double v = CYCLE_V[(int) ((i / PARAMETERS + p) % CYCLE_V.length)];
        engine.telemetry().accept(new TelemetrySample(parameters[p], clock.instant(), v, DataOrigin.LIVE));
    }

    @Benchmark
    public void conjunctionUpdate() {
        long i = n++;
        clock.advance(Duration.ofMillis(1));
        int e = (int) (i % EVENTS);
        engine.conjunctions().accept(update(e, PC_CYCLE[(int) ((i / EVENTS + e) % PC_CYCLE.length)]));
    }
}
