package io.astroshield.domain.alarms;

import java.time.Duration;
import java.util.Objects;

/**
 * What to watch and how to treat it: the configured side of an alarm (Yamcs: the alarm
 * definition; ISA-18.2: the rationalised alarm with its attributes).
 *
 * @param id                   unique, stable id; occurrences and audit refer to it
 * @param description          what the alarm means for the operator
 * @param rule                 how the input becomes a severity (limits, matrix, feed silence)
 * @param latching             the alarm stays after return to normal until a supervisor resets it
 * @param minimumViolations    consecutive violating evaluations before the alarm triggers (1 = at once)
 * @param onDelay              the violation must also have lasted this long before triggering
 * @param offDelay             the condition must have been normal this long before return to normal
 * @param maximumShelve        longest shelve an operator may choose (supervisors may exceed it)
 * @param commentRequiredOnAck an acknowledgement without comment is refused
 */
public record AlarmDefinition(String id, String description, SeverityRule rule, boolean latching,
                              int minimumViolations, Duration onDelay, Duration offDelay,
                              Duration maximumShelve, boolean commentRequiredOnAck) {

    /** One shift: the longest an operator may hide an alarm before someone looks again (project choice). */
    public static final Duration DEFAULT_MAXIMUM_SHELVE = Duration.ofHours(8);

    public AlarmDefinition {
        Actor.requireText(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rule, "rule");
        if (minimumViolations < 1) {
            throw new IllegalArgumentException("minimumViolations must be at least 1: " + minimumViolations);
        }
        requireNotNegative(onDelay, "onDelay");
        requireNotNegative(offDelay, "offDelay");
        SeverityRule.requirePositive(maximumShelve, "maximumShelve");
    }

    /** A telemetry limit alarm with no persistence filter, no delays and no latching. */
    public static AlarmDefinition telemetry(String id, String parameter, double deadband, Duration staleAfter) {
        return of(id, "Telemetry " + parameter + " outside limits",
                new SeverityRule.LimitCheck(parameter, deadband, staleAfter));
    }

    /** The conjunction alarm: one occurrence per conjunction event. */
    public static AlarmDefinition conjunction(String id) {
        return of(id, "Conjunction risk", new SeverityRule.ConjunctionMatrix());
    }

    /** A watchdog on a feed that must deliver at least once per {@code expectedPeriod}. */
    public static AlarmDefinition watchdog(String id, String feed, Duration expectedPeriod, Severity severity) {
        return of(id, "Feed " + feed + " silent", new SeverityRule.FeedSilence(feed, expectedPeriod, severity));
    }

    private static AlarmDefinition of(String id, String description, SeverityRule rule) {
        return new AlarmDefinition(id, description, rule, false, 1, Duration.ZERO, Duration.ZERO,
                DEFAULT_MAXIMUM_SHELVE, false);
    }

    public AlarmSource source() {
        return rule.source();
    }

    public AlarmDefinition withLatching(boolean value) {
        return new AlarmDefinition(id, description, rule, value, minimumViolations, onDelay, offDelay,
                maximumShelve, commentRequiredOnAck);
    }

    public AlarmDefinition withMinimumViolations(int value) {
        return new AlarmDefinition(id, description, rule, latching, value, onDelay, offDelay,
                maximumShelve, commentRequiredOnAck);
    }

    public AlarmDefinition withDelays(Duration on, Duration off) {
        return new AlarmDefinition(id, description, rule, latching, minimumViolations, on, off,
                maximumShelve, commentRequiredOnAck);
    }

    public AlarmDefinition withMaximumShelve(Duration value) {
        return new AlarmDefinition(id, description, rule, latching, minimumViolations, onDelay, offDelay,
                value, commentRequiredOnAck);
    }

    public AlarmDefinition withCommentRequiredOnAck(boolean value) {
        return new AlarmDefinition(id, description, rule, latching, minimumViolations, onDelay, offDelay,
                maximumShelve, value);
    }

    private static void requireNotNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
    }
}
