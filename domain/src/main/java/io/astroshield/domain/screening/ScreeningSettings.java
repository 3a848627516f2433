package io.astroshield.domain.screening;

/**
 * How the screener trades work between its phases. The defaults are what the benchmark in
 * docs/benchmarks.md was measured with; none of them changes which encounters are found,
 * only how fast (the margins in docs/screening-margin.md keep the broad phase conservative).
 *
 * @param thresholdM                report encounters with miss distance at or below this
 * @param longEncounterSpeedMps     relative speed below which an encounter is LONG (0.1 km/s default)
 * @param sampleStepS               broad-phase sampling interval
 * @param interpolationToleranceM   target Hermite position error, sets each object's knot step
 * @param maxKnotStepS              upper limit on a knot step whatever the tolerance allows
 * @param chunkS                    sub-window length streamed at a time (bounds memory)
 * @param threads                   worker threads
 */
public record ScreeningSettings(double thresholdM, double longEncounterSpeedMps, double sampleStepS,
                                double interpolationToleranceM, double maxKnotStepS, double chunkS, int threads) {

    public static final double DEFAULT_THRESHOLD_M = 5_000.0;
    public static final double DEFAULT_LONG_ENCOUNTER_SPEED_MPS = 100.0;

    public ScreeningSettings {
        if (!(thresholdM > 0 && Double.isFinite(thresholdM))) {
            throw new IllegalArgumentException("thresholdM must be positive: " + thresholdM);
        }
        if (!(longEncounterSpeedMps >= 0)) {
            throw new IllegalArgumentException("longEncounterSpeedMps: " + longEncounterSpeedMps);
        }
        if (!(sampleStepS > 0 && interpolationToleranceM > 0 && maxKnotStepS > 0 && chunkS >= sampleStepS)) {
            throw new IllegalArgumentException("invalid sampling settings");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads);
        }
    }

    public static ScreeningSettings defaults(double thresholdM, int threads) {
        return new ScreeningSettings(thresholdM, DEFAULT_LONG_ENCOUNTER_SPEED_MPS, 20.0, 1_000.0, 300.0, 7_200.0,
                threads);
    }

    public ScreeningSettings withLongEncounterSpeed(double mps) {
        return new ScreeningSettings(thresholdM, mps, sampleStepS, interpolationToleranceM, maxKnotStepS, chunkS,
                threads);
    }

    public ScreeningSettings withSampling(double stepS, double toleranceM, double chunkSeconds) {
        return new ScreeningSettings(thresholdM, longEncounterSpeedMps, stepS, toleranceM, maxKnotStepS,
                chunkSeconds, threads);
    }
}
