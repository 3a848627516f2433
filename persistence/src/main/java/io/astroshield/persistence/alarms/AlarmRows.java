package io.astroshield.persistence.alarms;

import io.astroshield.domain.alarms.Acknowledgement;
import io.astroshield.domain.alarms.AlarmCommand;
import io.astroshield.domain.alarms.AlarmKey;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.AlarmSource;
import io.astroshield.domain.alarms.AuditAction;
import io.astroshield.domain.alarms.AuditEvent;
import io.astroshield.domain.alarms.ConjunctionLimitSet;
import io.astroshield.domain.alarms.ConjunctionRule;
import io.astroshield.domain.alarms.ConjunctionTrack;
import io.astroshield.domain.alarms.ConjunctionTrendPoint;
import io.astroshield.domain.alarms.Disposition;
import io.astroshield.domain.alarms.ParameterLimits;
import io.astroshield.domain.alarms.Quality;
import io.astroshield.domain.alarms.Refusal;
import io.astroshield.domain.alarms.Role;
import io.astroshield.domain.alarms.Severity;
import io.astroshield.domain.alarms.Shelving;
import io.astroshield.domain.alarms.TelemetryLimitSet;
import io.astroshield.domain.alarms.UpdateSource;
import io.astroshield.persistence.DataOrigin;
import io.astroshield.persistence.sync.OutboxOp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The domain alarm engine's records to the store's row types and back: the one place where the
 * two meet for alarms (as {@link io.astroshield.persistence.mapping.DomainRows} is for the rest;
 * kept next to {@link H2AlarmStore}, its only user, so the packages do not depend on each other). The store's own vocabulary differs in three places: the cleared state is
 * {@code CLEARED} (domain {@code NORMAL}), offline analysis is {@code OFFLINE}, and roles are
 * lower case, with {@value AuditEventRow#ENGINE_ROLE} for the engine's own transitions.
 */
final class AlarmRows {

    /** Outbox op ids of alarm commands are {@code alarm-<op id>}, apart from other kinds of op of the same device. */
    static final String OP_ID_PREFIX = "alarm-";
    /** Outbox op types of alarm commands are {@code ALARM_<command type>}. */
    static final String OP_TYPE_PREFIX = "ALARM_";

    private AlarmRows() {
    }

    // ---- occurrences

    static EngineOccurrenceRow row(AlarmOccurrence o) {
        Acknowledgement a = o.acknowledgement();
        Shelving s = o.shelving();
        return new EngineOccurrenceRow(o.id(), o.key().definitionId(), o.key().subject(), origin(o.key().origin()),
                o.source().name(), o.latching(), state(o.state()), o.conditionActive(), severity(o.severity()),
                severity(o.mostSevere()), o.triggerValue(), o.currentValue(), o.mostSevereValue(), o.triggeredAt(),
                o.updatedAt(), o.clearedAt(),
                a == null ? null : a.user(), a == null ? null : role(a.role()), a == null ? null : a.at(),
                a == null ? null : severity(a.severity()), a == null ? null : a.comment(),
                s == null ? null : s.user(), s == null ? null : role(s.role()), s == null ? null : s.reason(),
                s == null ? null : s.since(), s == null ? null : s.until(), o.quality().name(), o.chattering(),
                o.assignee());
    }

    static AlarmOccurrence occurrence(EngineOccurrenceRow r) {
        Acknowledgement a = r.acknowledgedBy() == null ? null : new Acknowledgement(r.acknowledgedBy(),
                role(r.acknowledgedRole()), r.acknowledgedAt(), severity(r.ackedSeverity()), r.acknowledgedComment());
        Shelving s = r.shelvedBy() == null ? null : new Shelving(r.shelvedBy(), role(r.shelvedRole()),
                r.shelveReason(), r.shelvedSince(), r.shelvedUntil());
        return new AlarmOccurrence(r.uuid(), new AlarmKey(r.definitionKey(), r.subject(), origin(r.origin())),
                AlarmSource.valueOf(r.source()), r.latching(), state(r.state()), r.conditionActive(),
                severity(r.severity()), severity(r.mostSevere()), r.triggerValue(), r.currentValue(),
                r.mostSevereValue(), r.raisedAt(), r.updatedAt(), r.clearedAt(), a, s, Quality.valueOf(r.quality()),
                r.chattering(), r.assignee());
    }

    // ---- audit

    static AuditEventRow row(AuditEvent e) {
        return new AuditEventRow(e.sequence(), e.deviceId(), e.deviceTime(), e.serverTime(), e.occurrenceId(),
                e.subject(), e.action().name(), e.user(), e.role() == null ? AuditEventRow.ENGINE_ROLE : role(e.role()),
                origin(e.origin()), e.oldValue(), e.newValue(), e.comment(),
                e.refusal() == null ? null : e.refusal().name(), e.actorOffline(), e.actorDevice());
    }

    static AuditEvent event(AuditEventRow r) {
        return new AuditEvent(r.sequence(), r.deviceId(), r.deviceTime(), r.serverTime(), r.occurrenceUuid(),
                r.subject(), AuditAction.valueOf(r.action()), r.actor(),
                AuditEventRow.ENGINE_ROLE.equals(r.actorRole()) ? null : role(r.actorRole()), origin(r.origin()),
                r.oldValue(), r.newValue(), r.comment(), r.refusal() == null ? null : Refusal.valueOf(r.refusal()),
                r.actorOffline(), r.actorDevice());
    }

    // ---- conjunction tracks and trend

    static ConjunctionTrackRow row(ConjunctionTrack t) {
        return new ConjunctionTrackRow(t.eventId(), t.primaryId(), t.secondaryId(), origin(t.origin()), t.firstTca(),
                t.latestTca(), t.limitSetName(), t.disposition().name(), t.lastPc(), t.lastMissDistanceM(),
                severity(t.alarmSeverity()), t.updatesWithoutSeverity(), t.updateCount(), t.closed());
    }

    static ConjunctionTrack track(ConjunctionTrackRow r) {
        return new ConjunctionTrack(r.eventId(), r.primaryNorad(), r.secondaryNorad(), origin(r.origin()),
                r.firstTca(), r.latestTca(), r.limitSetName(), Disposition.valueOf(r.disposition()), r.lastPc(),
                r.lastMissDistanceM(), severity(r.alarmSeverity()), r.updatesWithoutSeverity(), r.updateCount(),
                r.closed());
    }

    static TrendPointRow row(ConjunctionTrendPoint p) {
        return new TrendPointRow(p.eventId(), p.receivedAt(), p.source().name(), p.reference(), p.tca(),
                p.missDistanceM(), p.pc(), p.timeToTcaS(), severity(p.severity()));
    }

    static ConjunctionTrendPoint trendPoint(TrendPointRow r) {
        return new ConjunctionTrendPoint(r.eventId(), r.receivedAt(), UpdateSource.valueOf(r.updateSource()),
                r.reference(), r.tca(), r.missDistanceM(), r.pc(), r.timeToTcaS(), severity(r.severity()));
    }

    // ---- limit sets

    static TelemetryLimitSetRow row(TelemetryLimitSet set) {
        List<TelemetryLimitSetRow.Limits> limits = new ArrayList<>();
        set.limits().forEach((parameter, l) -> limits.add(new TelemetryLimitSetRow.Limits(parameter,
                absentAsNull(l.redLow()), absentAsNull(l.yellowLow()), absentAsNull(l.yellowHigh()),
                absentAsNull(l.redHigh()))));
        return new TelemetryLimitSetRow(set.name(), limits);
    }

    static TelemetryLimitSet limitSet(TelemetryLimitSetRow row) {
        Map<String, ParameterLimits> limits = new TreeMap<>();
        for (TelemetryLimitSetRow.Limits l : row.limits()) {
            limits.put(l.parameter(), new ParameterLimits(nullAsAbsent(l.redLow()), nullAsAbsent(l.yellowLow()),
                    nullAsAbsent(l.yellowHigh()), nullAsAbsent(l.redHigh())));
        }
        return new TelemetryLimitSet(row.name(), limits);
    }

    static ConjunctionLimitSetRow row(ConjunctionLimitSet set) {
        Duration grace = set.graceAfterTca();
        return new ConjunctionLimitSetRow(set.name(), set.clearAfterUpdates(), grace.getSeconds(), grace.getNano(),
                set.rules().stream().map(r -> new ConjunctionLimitSetRow.Rule(severity(r.severity()),
                        r.pcCondition().name(), r.pcAtLeast(), infiniteAsNull(r.missAtMostM()),
                        infiniteAsNull(r.timeToTcaAtMostS()))).toList());
    }

    static ConjunctionLimitSet limitSet(ConjunctionLimitSetRow row) {
        return new ConjunctionLimitSet(row.name(), row.rules().stream().map(r -> new ConjunctionRule(
                        severity(r.severity()), ConjunctionRule.PcCondition.valueOf(r.pcCondition()), r.pcAtLeast(),
                        nullAsInfinite(r.missAtMostM()), nullAsInfinite(r.timeToTcaAtMostS()))).toList(),
                row.clearAfterUpdates(), Duration.ofSeconds(row.graceAfterTcaS(), row.graceAfterTcaNanos()));
    }

    // ---- outbox

    /**
     * An alarm command as a sync outbox op: op id {@code alarm-<opId>}, type {@code ALARM_<type>}, and
     * the command as a JSON object with the fields of {@link AlarmCommand} (times in ISO-8601 UTC,
     * arguments as an object with keys in alphabetical order, an absent occurrence id as null), e.g.
     * <pre>{"type":"ACKNOWLEDGE","deviceId":"console-1","opId":1,"occurrenceId":"…","subject":"…",
     * "user":"olga","role":"OPERATOR","deviceTime":"2026-11-22T08:00:01Z","arguments":{"comment":"seen"}}</pre>
     */
    static OutboxOp outboxOp(AlarmCommand command) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", command.type().name());
        json.put("deviceId", command.deviceId());
        json.put("opId", command.opId());
        json.put("occurrenceId", command.occurrenceId() == null ? null : command.occurrenceId().toString());
        json.put("subject", command.subject());
        json.put("user", command.user());
        json.put("role", command.role().name());
        json.put("deviceTime", command.deviceTime().toString());
        json.put("arguments", new TreeMap<>(command.arguments()));
        return new OutboxOp(command.deviceId(), OP_ID_PREFIX + command.opId(), OP_TYPE_PREFIX + command.type().name(),
                Json.write(json), command.deviceTime());
    }

    // ---- vocabulary

    static DataOrigin origin(io.astroshield.domain.alarms.DataOrigin o) {
        return switch (o) {
            case LIVE -> DataOrigin.LIVE;
            case REPLAY -> DataOrigin.REPLAY;
            case OFFLINE_ANALYSIS -> DataOrigin.OFFLINE;
        };
    }

    static io.astroshield.domain.alarms.DataOrigin origin(DataOrigin o) {
        return switch (o) {
            case LIVE -> io.astroshield.domain.alarms.DataOrigin.LIVE;
            case REPLAY -> io.astroshield.domain.alarms.DataOrigin.REPLAY;
            case OFFLINE -> io.astroshield.domain.alarms.DataOrigin.OFFLINE_ANALYSIS;
        };
    }

    private static AlarmState state(io.astroshield.domain.alarms.AlarmState s) {
        return switch (s) {
            case NORMAL -> AlarmState.CLEARED;
            case UNACK_ACTIVE -> AlarmState.UNACK_ACTIVE;
            case ACK_ACTIVE -> AlarmState.ACK_ACTIVE;
            case UNACK_RTN -> AlarmState.UNACK_RTN;
        };
    }

    private static io.astroshield.domain.alarms.AlarmState state(AlarmState s) {
        return switch (s) {
            case CLEARED -> io.astroshield.domain.alarms.AlarmState.NORMAL;
            case UNACK_ACTIVE -> io.astroshield.domain.alarms.AlarmState.UNACK_ACTIVE;
            case ACK_ACTIVE -> io.astroshield.domain.alarms.AlarmState.ACK_ACTIVE;
            case UNACK_RTN -> io.astroshield.domain.alarms.AlarmState.UNACK_RTN;
        };
    }

    private static AlarmSeverity severity(Severity s) {
        return s == null ? null : AlarmSeverity.valueOf(s.name());
    }

    private static Severity severity(AlarmSeverity s) {
        return s == null ? null : Severity.valueOf(s.name());
    }

    private static String role(Role r) {
        return r.name().toLowerCase(Locale.ROOT);
    }

    private static Role role(String r) {
        return Role.valueOf(r.toUpperCase(Locale.ROOT));
    }

    private static Double absentAsNull(double limit) {
        return Double.isNaN(limit) ? null : limit;
    }

    private static double nullAsAbsent(Double limit) {
        return limit == null ? Double.NaN : limit;
    }

    private static Double infiniteAsNull(double bound) {
        return bound == Double.POSITIVE_INFINITY ? null : bound;
    }

    private static double nullAsInfinite(Double bound) {
        return bound == null ? Double.POSITIVE_INFINITY : bound;
    }

    /** Just enough JSON for outbox payloads: objects, strings, whole numbers and null. */
    static final class Json {
        private Json() {
        }

        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String s) {
                string(s, out);
            } else if (value instanceof Long || value instanceof Integer) {
                out.append(value);
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string((String) e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out);
                }
                out.append('}');
            } else {
                throw new IllegalArgumentException("not written as JSON: " + value.getClass());
            }
        }

        private static void string(String s, StringBuilder out) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                switch (ch) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (ch < 0x20) {
                            out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                        } else {
                            out.append(ch);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
