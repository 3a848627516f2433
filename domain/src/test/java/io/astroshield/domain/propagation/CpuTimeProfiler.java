package io.astroshield.domain.propagation;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

/**
 * JMH profiler reporting how many cores the benchmark process actually used during each
 * iteration (process CPU time / wall time). On a machine shared with other work a single-threaded
 * benchmark gets less than one core; the score divided by this figure is the throughput per core
 * actually used. Run with {@code -prof io.astroshield.domain.propagation.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStartNs;
    private long wallStartNs;

    @Override
    public String getDescription() {
        return "cores used by the benchmark process (process CPU time / wall time)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStartNs = os.getProcessCpuTime();
        wallStartNs = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        double cores = (os.getProcessCpuTime() - cpuStartNs) / (double) (System.nanoTime() - wallStartNs);
        return List.of(new ScalarResult("cores.used", cores, "cores", AggregationPolicy.AVG));
    }
}
