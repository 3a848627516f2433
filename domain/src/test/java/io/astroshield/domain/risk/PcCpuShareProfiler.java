package io.astroshield.domain.risk;

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
 * JMH profiler for a machine shared with other builds: per iteration, the cores the benchmark
 * process actually got (process CPU time / wall time) and the score divided by them. Use with
 * {@code -prof io.astroshield.domain.risk.PcCpuShareProfiler}.
 */
public final class PcCpuShareProfiler implements InternalProfiler {

    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "cores used by the benchmark process, and score per core used";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = processCpuNanos();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        double cores = (processCpuNanos() - cpuStart) / (double) (System.nanoTime() - wallStart);
        double score = result.getPrimaryResult().getScore();
        return List.of(new ScalarResult("cores", cores, "cores", AggregationPolicy.AVG),
                new ScalarResult("perCoreUsed", score / cores, "ops/s", AggregationPolicy.AVG));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
