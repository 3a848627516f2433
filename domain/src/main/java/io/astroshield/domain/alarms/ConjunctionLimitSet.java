package io.astroshield.domain.alarms;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A named conjunction severity matrix (per mission or per primary): Pc x time to TCA x miss
 * distance, written as rules whose highest matching severity wins, plus the rules for
 * returning to normal.
 *
 * @param clearAfterUpdates the alarm returns to normal after this many consecutive updates
 *                          for which no rule matches (with the default matrix: Pc below 1e-7)
 * @param graceAfterTca     the alarm returns to normal this long after TCA, whatever the Pc
 */
public record ConjunctionLimitSet(String name, List<ConjunctionRule> rules, int clearAfterUpdates,
                                  Duration graceAfterTca) {

    private static final double DAY_S = 86_400;

    /** Name of {@link #caraDefault()}. */
    public static final String CARA_DEFAULT = "CARA_DEFAULT";

    public ConjunctionLimitSet {
        Actor.requireText(name, "name");
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("limit set " + name + " has no rules");
        }
        if (clearAfterUpdates < 1) {
            throw new IllegalArgumentException("clearAfterUpdates: " + clearAfterUpdates);
        }
        Objects.requireNonNull(graceAfterTca, "graceAfterTca");
        if (graceAfterTca.isNegative()) {
            throw new IllegalArgumentException("graceAfterTca: " + graceAfterTca);
        }
    }

    /**
     * The default matrix, built on NASA CARA's thresholds: Pc above 1e-7 merits attention,
     * above 1e-4 mitigation (nasa.gov/cara, "Step 2: Close Approach Risk Assessment"). The
     * time-to-TCA bands, the 1e-5 step and the miss-distance rules for updates without Pc are
     * project choices documented in docs/alarms.md.
     */
    public static ConjunctionLimitSet caraDefault() {
        return new ConjunctionLimitSet(CARA_DEFAULT, List.of(
                ConjunctionRule.pcAtLeast(Severity.SEVERE, 1e-4, DAY_S),
                ConjunctionRule.pcAtLeast(Severity.CRITICAL, 1e-4, 7 * DAY_S),
                ConjunctionRule.pcAtLeast(Severity.DISTRESS, 1e-5, 3 * DAY_S),
                ConjunctionRule.pcAtLeast(Severity.WARNING, 1e-7, 7 * DAY_S),
                ConjunctionRule.pcAtLeast(Severity.WATCH, 1e-7, Double.POSITIVE_INFINITY),
                ConjunctionRule.missWithoutPc(Severity.WARNING, 1_000, 3 * DAY_S),
                ConjunctionRule.missWithoutPc(Severity.WATCH, 5_000, 7 * DAY_S)),
                3, Duration.ofHours(1));
    }

    /**
     * Severity of an update, null when no rule matches.
     *
     * @param pc         null when the update carried none
     * @param timeToTcaS seconds from now to TCA; negative values (TCA passed) count as 0
     */
    public Severity severity(Double pc, double missDistanceM, double timeToTcaS) {
        double t = Math.max(0, timeToTcaS);
        Severity result = null;
        for (ConjunctionRule rule : rules) {
            if (rule.severity().isAbove(result) && rule.matches(pc, missDistanceM, t)) {
                result = rule.severity();
            }
        }
        return result;
    }

    public ConjunctionLimitSet withRules(List<ConjunctionRule> newRules) {
        return new ConjunctionLimitSet(name, newRules, clearAfterUpdates, graceAfterTca);
    }
}
