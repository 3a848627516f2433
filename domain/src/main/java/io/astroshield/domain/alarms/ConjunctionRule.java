package io.astroshield.domain.alarms;

import java.util.Locale;
import java.util.Objects;

/**
 * One cell group of the conjunction matrix: {@code severity} applies when the Pc condition,
 * the miss distance and the time to TCA all hold. The matrix ({@link ConjunctionLimitSet})
 * takes the highest severity among its matching rules.
 *
 * @param pcCondition      how Pc is tested
 * @param pcAtLeast        lower Pc bound for {@link PcCondition#AT_LEAST}, ignored otherwise
 * @param missAtMostM      miss distance bound, +infinity for any miss distance
 * @param timeToTcaAtMostS time-to-TCA bound in seconds, +infinity for any
 */
public record ConjunctionRule(Severity severity, PcCondition pcCondition, double pcAtLeast,
                              double missAtMostM, double timeToTcaAtMostS) {

    public enum PcCondition {
        /** Pc is known and at least {@code pcAtLeast}. */
        AT_LEAST,
        /** The update carried no Pc (screening on TLEs): miss distance is all there is. */
        UNKNOWN,
        /** Whatever the Pc: a pure miss-distance rule. */
        ANY
    }

    public ConjunctionRule {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pcCondition, "pcCondition");
        if (pcCondition == PcCondition.AT_LEAST && !(pcAtLeast > 0 && pcAtLeast <= 1)) {
            throw new IllegalArgumentException("pcAtLeast must be in (0, 1]: " + pcAtLeast);
        }
        if (!(missAtMostM > 0)) {
            throw new IllegalArgumentException("missAtMostM: " + missAtMostM);
        }
        if (!(timeToTcaAtMostS > 0)) {
            throw new IllegalArgumentException("timeToTcaAtMostS: " + timeToTcaAtMostS);
        }
    }

    public static ConjunctionRule pcAtLeast(Severity severity, double pc, double timeToTcaAtMostS) {
        return new ConjunctionRule(severity, PcCondition.AT_LEAST, pc, Double.POSITIVE_INFINITY, timeToTcaAtMostS);
    }

    public static ConjunctionRule missWithoutPc(Severity severity, double missAtMostM, double timeToTcaAtMostS) {
        return new ConjunctionRule(severity, PcCondition.UNKNOWN, 0, missAtMostM, timeToTcaAtMostS);
    }

    /**
     * @param pc          null when unknown
     * @param timeToTcaS  seconds from now to TCA, 0 once TCA has passed
     */
    public boolean matches(Double pc, double missDistanceM, double timeToTcaS) {
        boolean pcHolds = switch (pcCondition) {
            case AT_LEAST -> pc != null && pc >= pcAtLeast;
            case UNKNOWN -> pc == null;
            case ANY -> true;
        };
        return pcHolds && missDistanceM <= missAtMostM && timeToTcaS <= timeToTcaAtMostS;
    }

    @Override
    public String toString() {
        String pcText = switch (pcCondition) {
            case AT_LEAST -> String.format(Locale.ROOT, "Pc>=%.1e", pcAtLeast);
            case UNKNOWN -> "Pc unknown";
            case ANY -> "any Pc";
        };
        return String.format(Locale.ROOT, "%s if %s, miss<=%s m, TCA within %s s", severity, pcText,
                Double.isInfinite(missAtMostM) ? "any" : String.format(Locale.ROOT, "%.0f", missAtMostM),
                Double.isInfinite(timeToTcaAtMostS) ? "any" : String.format(Locale.ROOT, "%.0f", timeToTcaAtMostS));
    }
}
