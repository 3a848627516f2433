package io.astroshield.domain.alarms;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Telemetry limit alarms: each sample of a parameter with a {@link SeverityRule.LimitCheck}
 * definition is graded against the active {@link TelemetryLimitSet} (yellow, red, deadband)
 * and handed to the engine's state machine (minimum violations, delays, latching).
 *
 * <p>Staleness is a quality, not a severity: a live sample older than the definition's
 * {@code staleAfter} on arrival is not graded (it describes the past) and marks the alarm
 * STALE; a parameter that stops arriving turns STALE on the next {@link AlarmEngine#tick()}.
 * Replayed and offline samples are never stale: their time base is not the engine's clock.
 */
public final class TelemetryAlarms {

    private record ParameterKey(String parameter, DataOrigin origin) {
    }

    /** What the previous sample of a parameter left behind: its grade (for the deadband) and its time. */
    private static final class ParameterStatus {
        final AlarmDefinition definition;
        Severity checked;
        Instant lastSampledAt;
        Quality quality = Quality.GOOD;

        ParameterStatus(AlarmDefinition definition) {
            this.definition = definition;
        }
    }

    private final AlarmEngine engine;
    private final Map<String, AlarmDefinition> byParameter = new HashMap<>();
    private final List<TelemetryLimitSet> configuredSets;
    private final String configuredActive;
    private final Map<String, TelemetryLimitSet> limitSets = new LinkedHashMap<>();
    private final Map<ParameterKey, ParameterStatus> status = new HashMap<>();
    private TelemetryLimitSet active;

    TelemetryAlarms(AlarmEngine engine, AlarmConfiguration config) {
        this.engine = engine;
        for (AlarmDefinition d : config.definitions()) {
            if (d.rule() instanceof SeverityRule.LimitCheck check) {
                byParameter.put(check.parameter(), d);
            }
        }
        this.configuredSets = config.telemetryLimitSets();
        this.configuredActive = config.activeTelemetryLimitSet();
    }

    /** Grades one sample. Samples of parameters without a limit-check definition are ignored. */
    public void accept(TelemetrySample sample) {
        AlarmDefinition d = byParameter.get(sample.parameter());
        if (d == null) {
            return;
        }
        engine.run(() -> {
            grade(d, sample);
            return null;
        });
    }

    private void grade(AlarmDefinition d, TelemetrySample sample) {
        SeverityRule.LimitCheck rule = (SeverityRule.LimitCheck) d.rule();
        ParameterStatus st = status.computeIfAbsent(new ParameterKey(sample.parameter(), sample.origin()),
                k -> new ParameterStatus(d));
        if (sample.origin() == DataOrigin.LIVE && sample.sampledAt().plus(rule.staleAfter()).isBefore(engine.now())) {
            st.quality = Quality.STALE;
            engine.quality(d, sample.parameter(), sample.origin(), Quality.STALE);
            return;
        }
        if (st.lastSampledAt == null || sample.sampledAt().isAfter(st.lastSampledAt)) {
            st.lastSampledAt = sample.sampledAt();
        }
        st.quality = Quality.GOOD;
        ParameterLimits limits = active == null ? null : active.limits().get(sample.parameter());
        Severity severity = limits == null ? null : limits.check(sample.value(), st.checked, rule.deadband());
        st.checked = severity;
        engine.evaluate(d, sample.parameter(), sample.origin(), severity, sample.value(), Quality.GOOD);
    }

    void checkStaleness(Instant now) {
        for (Map.Entry<ParameterKey, ParameterStatus> e : status.entrySet()) {
            ParameterStatus st = e.getValue();
            if (e.getKey().origin() != DataOrigin.LIVE || st.quality == Quality.STALE || st.lastSampledAt == null) {
                continue;
            }
            SeverityRule.LimitCheck rule = (SeverityRule.LimitCheck) st.definition.rule();
            if (st.lastSampledAt.plus(rule.staleAfter()).isBefore(now)) {
                st.quality = Quality.STALE;
                engine.quality(st.definition, e.getKey().parameter(), DataOrigin.LIVE, Quality.STALE);
            }
        }
    }

    /** Quality of a parameter's data as of the last sample or tick; GOOD when nothing is known yet. */
    public Quality quality(String parameter, DataOrigin origin) {
        ParameterStatus st = status.get(new ParameterKey(parameter, origin));
        return st == null ? Quality.GOOD : st.quality;
    }

    /** Name of the limit set in force, empty when none is configured. */
    public Optional<String> activeLimitSet() {
        return Optional.ofNullable(active).map(TelemetryLimitSet::name);
    }

    public Optional<TelemetryLimitSet> limitSet(String name) {
        return Optional.ofNullable(limitSets.get(name));
    }

    /**
     * Sets the limits of one parameter in one limit set. Supervisor and above; audited with
     * the old and the new limits, and queued for the backend.
     */
    public ActionResult changeLimits(Actor actor, String limitSetName, String parameter, ParameterLimits newLimits) {
        Actor.requireText(parameter, "parameter");
        java.util.Objects.requireNonNull(newLimits, "newLimits");
        return engine.run(() -> {
            engine.checkDevice(actor);
            String subject = limitSetName + "/" + parameter;
            TelemetryLimitSet set = limitSets.get(limitSetName);
            String old = set == null ? "" : set.limitsOf(parameter).map(ParameterLimits::toString).orElse("none");
            if (!actor.role().may(AlarmPermission.CHANGE_LIMITS)) {
                return engine.refuse(null, subject, AuditAction.LIMITS_CHANGED, actor, DataOrigin.LIVE, old,
                        newLimits.toString(), "", Refusal.NOT_PERMITTED, "only a supervisor may change limits");
            }
            if (set == null) {
                return engine.refuse(null, subject, AuditAction.LIMITS_CHANGED, actor, DataOrigin.LIVE, old,
                        newLimits.toString(), "", Refusal.NO_SUCH_LIMIT_SET, "no telemetry limit set " + limitSetName);
            }
            TelemetryLimitSet updated = set.with(parameter, newLimits);
            limitSets.put(updated.name(), updated);
            if (active != null && active.name().equals(updated.name())) {
                active = updated;
            }
            engine.auditAction(null, subject, AuditAction.LIMITS_CHANGED, actor, DataOrigin.LIVE, old,
                    newLimits.toString(), "");
            engine.changedLimitSet(updated);
            engine.command(AlarmCommand.Type.CHANGE_TELEMETRY_LIMITS, null, subject, DataOrigin.LIVE, actor,
                    Map.of("limitSet", limitSetName, "parameter", parameter, "limits", newLimits.toString()));
            return ActionResult.accepted();
        });
    }

    /** Puts another limit set in force (a mode change). Supervisor and above; audited. */
    public ActionResult activateLimitSet(Actor actor, String limitSetName) {
        return engine.run(() -> {
            engine.checkDevice(actor);
            String old = active == null ? "" : active.name();
            if (!actor.role().may(AlarmPermission.CHANGE_LIMITS)) {
                return engine.refuse(null, String.valueOf(limitSetName), AuditAction.LIMIT_SET_ACTIVATED, actor,
                        DataOrigin.LIVE, old, limitSetName, "", Refusal.NOT_PERMITTED,
                        "only a supervisor may switch limit sets");
            }
            TelemetryLimitSet set = limitSets.get(limitSetName);
            if (set == null) {
                return engine.refuse(null, String.valueOf(limitSetName), AuditAction.LIMIT_SET_ACTIVATED, actor,
                        DataOrigin.LIVE, old, limitSetName, "", Refusal.NO_SUCH_LIMIT_SET,
                        "no telemetry limit set " + limitSetName);
            }
            active = set;
            engine.auditAction(null, limitSetName, AuditAction.LIMIT_SET_ACTIVATED, actor, DataOrigin.LIVE, old,
                    limitSetName, "");
            engine.activatedTelemetryLimitSet(limitSetName);
            engine.command(AlarmCommand.Type.ACTIVATE_TELEMETRY_LIMIT_SET, null, limitSetName, DataOrigin.LIVE, actor,
                    Map.of("limitSet", limitSetName));
            return ActionResult.accepted();
        });
    }

    void reload(StoredAlarms stored) {
        limitSets.clear();
        configuredSets.forEach(s -> limitSets.put(s.name(), s));
        stored.telemetryLimitSets().forEach(s -> limitSets.put(s.name(), s));
        String name = stored.activeTelemetryLimitSet() != null && limitSets.containsKey(stored.activeTelemetryLimitSet())
                ? stored.activeTelemetryLimitSet() : configuredActive;
        active = name == null ? null : limitSets.get(name);
        // the deadband memory restarts: the first sample after a restart is graded without it
        status.clear();
    }
}
