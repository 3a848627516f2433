package io.astroshield.persistence.alarms;

import java.util.List;
import java.util.Objects;

/**
 * A conjunction severity matrix changed at run time ({@code alarm_conjunction_limit_set} and its
 * {@code alarm_conjunction_rule} rows, in order).
 *
 * @param graceAfterTcaS     whole seconds of the grace period after TCA
 * @param graceAfterTcaNanos and its nanoseconds, 0 to 999,999,999
 */
public record ConjunctionLimitSetRow(String name, int clearAfterUpdates, long graceAfterTcaS, int graceAfterTcaNanos,
                                     List<Rule> rules) {

    /**
     * One rule of the matrix.
     *
     * @param pcCondition      AT_LEAST, UNKNOWN or ANY
     * @param missAtMostM      null for any miss distance
     * @param timeToTcaAtMostS null for any time to TCA
     */
    public record Rule(AlarmSeverity severity, String pcCondition, double pcAtLeast, Double missAtMostM,
                       Double timeToTcaAtMostS) {
        public Rule {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(pcCondition, "pcCondition");
        }
    }

    public ConjunctionLimitSetRow {
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
    }
}
