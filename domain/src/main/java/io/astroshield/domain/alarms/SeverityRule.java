package io.astroshield.domain.alarms;

import java.time.Duration;
import java.util.Objects;

/** How a definition turns its input into a severity; one kind per {@link AlarmSource}. */
public sealed interface SeverityRule {

    AlarmSource source();

    /**
     * A telemetry parameter against the yellow/red limits of the active {@link TelemetryLimitSet}.
     *
     * @param parameter  telemetry parameter name
     * @param deadband   in the parameter's unit: once a limit is exceeded, the value must come
     *                   back inside it by this much before the violation ends (0 = none)
     * @param staleAfter a sample older than this, or no sample for this long, makes the quality STALE
     */
    record LimitCheck(String parameter, double deadband, Duration staleAfter) implements SeverityRule {
        public LimitCheck {
            Actor.requireText(parameter, "parameter");
            if (!(deadband >= 0) || Double.isInfinite(deadband)) {
                throw new IllegalArgumentException("deadband: " + deadband);
            }
            requirePositive(staleAfter, "staleAfter");
        }

        @Override
        public AlarmSource source() {
            return AlarmSource.TELEMETRY;
        }
    }

    /** Conjunction events graded by the named {@link ConjunctionLimitSet} that applies to the primary. */
    record ConjunctionMatrix() implements SeverityRule {
        @Override
        public AlarmSource source() {
            return AlarmSource.CONJUNCTION;
        }
    }

    /**
     * A feed that must deliver at least once per expected period.
     *
     * @param feed           feed name ({@link FeedWatchdog#EVALUATOR} for the engine's own tick)
     * @param expectedPeriod longest silence that is still normal
     * @param severity       severity of the watchdog alarm when the feed is silent
     */
    record FeedSilence(String feed, Duration expectedPeriod, Severity severity) implements SeverityRule {
        public FeedSilence {
            Actor.requireText(feed, "feed");
            requirePositive(expectedPeriod, "expectedPeriod");
            Objects.requireNonNull(severity, "severity");
        }

        @Override
        public AlarmSource source() {
            return AlarmSource.WATCHDOG;
        }
    }

    static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
        return d;
    }
}
