package io.astroshield.domain.risk;

import io.astroshield.domain.frames.CartesianState;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Pc evaluations per second, single thread, per method: the whole {@link PcCalculator#compute}
 * (covariance checks, projection, remediation test, Orekit method). Run with
 * {@code ./mvnw -q -o -pl domain test-compile exec:exec -Pbench -Dbench.args='PcBenchmark'}.
 *
 * <p>Encounters: LEO_TYPICAL, a synthetic CDM-like LEO event (miss 269 m, per-object RTN sigmas
 * 50/200/30 m, HBR 10 m, HBR/sigma_minor ~0.2); ALFANO09_05, CARA's Alfano 2009 case 5 (a thin
 * projected covariance, HBR/sigma_minor = 36); MULTIHBR_30000, CARA's HBR sweep at 30 km
 * (HBR/sigma_minor = 1600, the hardest case of the reference set). LAAS_2015 is refused on the
 * last one (HBR/sigma_minor > 100), so JMH reports that pair as failed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class PcBenchmark {

    @Param({"PATERA_2005", "LAAS_2015", "ALFANO_2005", "CHAN_1997", "ALFRIEND_1999_MAX", "MAXIMUM_OVER_SCALE"})
    public String method;

    @Param({"LEO_TYPICAL", "ALFANO09_05", "MULTIHBR_30000"})
    public String encounter;

    private final PcCalculator calculator = new PcCalculator();
    private PcMethod pcMethod;
    private Encounter input;

    @Setup
    public void setUp() {
        pcMethod = PcMethod.valueOf(method);
        input = switch (encounter) {
            case "LEO_TYPICAL" -> {
                ObjectCovariance c = ObjectCovariance.rtnSigmas(50, 200, 30);
                yield new Encounter(new CartesianState(7_000_000, 0, 0, 0, 5_300, 5_300), c,
                        new CartesianState(7_000_100, 0, 250, 0, -5_300, 5_300), c, 10, CovarianceSource.FROM_CDM);
            }
            case "ALFANO09_05" -> CaraCases.byId("ALFANO09-05-2D").encounter();
            case "MULTIHBR_30000" -> CaraCases.byId("MULTIHBR-30000.0").encounter();
            default -> throw new IllegalArgumentException(encounter);
        };
    }

    @Benchmark
    public double pc() {
        return calculator.compute(input, pcMethod).pc();
    }
}
