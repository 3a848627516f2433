package io.astroshield.sync.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.astroshield.sync.protocol.AlarmRecord;
import io.astroshield.sync.protocol.SyncOp;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's alarm state machine (DESIGN.md, sync: alarm actions travel as commands the server accepts or
 * rejects; issue 5: consoles see the same alarm state). It applies the {@code ALARM_<type>} ops the consoles' alarm
 * engines queue (acknowledge, shelve, unshelve, reset, assign) to shared records ({@link AlarmRecord}, table
 * {@code shared_alarm}), with the ISA-18.2 rules it can check without the alarm data: an acknowledgement is
 * irreversible and a second one of the same or a lower severity is refused, naming who acknowledged and when (a
 * higher severity takes a new one); a shelve needs a reason and a duration from the menu, an unlimited one a
 * supervisor; a reset takes a supervisor (or an admin). Permissions come from the role the server holds for the
 * caller at apply time, never from the role the op carries. Each applied op writes the record, a change-log entry
 * (entity {@code alarm}) and an audit record naming user, role, device, device time (server time is the audit
 * record's own), all in the upload's transaction, next to the op's dedup record.
 *
 * <p>A refusal is an {@link ApiException}: {@link SyncApi} rolls the op's effect back and answers REJECTED.
 */
final class AlarmWorkflow {
    static final String ENTITY = "alarm";
    static final String OP_PREFIX = "ALARM_";
    private static final Set<String> TYPES = Set.of("ACKNOWLEDGE", "SHELVE", "UNSHELVE", "RESET", "ASSIGN");
    /** The alarm severities, lowest first (domain {@code Severity}). */
    private static final List<String> SEVERITIES = List.of("WATCH", "WARNING", "DISTRESS", "CRITICAL", "SEVERE");
    /** The shelve menu (domain {@code ShelveDuration}); null: until unshelved. */
    private static final Map<String, Duration> SHELVE_DURATIONS = Map.of(
            "FIVE_MINUTES", Duration.ofMinutes(5), "FIFTEEN_MINUTES", Duration.ofMinutes(15),
            "ONE_HOUR", Duration.ofHours(1), "FOUR_HOURS", Duration.ofHours(4), "EIGHT_HOURS", Duration.ofHours(8));
    private static final String UNLIMITED = "UNLIMITED";
    private static final int MAX_TEXT = 4000;

    private final SharedAlarmRepository records;
    private final ChangeLog changes;
    private final AuditLog audit;

    AlarmWorkflow(SharedAlarmRepository records, ChangeLog changes, AuditLog audit) {
        this.records = records;
        this.changes = changes;
        this.audit = audit;
    }

    /** True for the op types this state machine applies. */
    static boolean handles(String opType) {
        return opType.startsWith(OP_PREFIX) && TYPES.contains(opType.substring(OP_PREFIX.length()));
    }

    /** What a console's op says, checked: the alarm's key, the trigger and the action with its device time. */
    private record Command(String type, String definition, String subject, boolean conjunction, Integer primary,
                           Integer secondary, Instant tca, Instant triggeredAt, String severity, Instant deviceTime,
                           JsonNode arguments) {
        String key() {
            return conjunction ? AlarmRecord.conjunctionKey(definition, primary, secondary)
                    : AlarmRecord.telemetryKey(definition, subject);
        }
    }

    /** Applies one op of a type {@link #handles} takes; throws {@link ApiException} to reject it. */
    AlarmRecord apply(Connection c, String requestId, Principal caller, Role role, String deviceId, SyncOp op,
                      Instant now) throws SQLException {
        Command cmd = command(op);
        List<AlarmRecord> sameKey = cmd.conjunction() ? records.lockByEvent(c, cmd.key(), cmd.tca())
                : records.lockByKey(c, cmd.key());
        Optional<AlarmRecord> current = AlarmRecord.episodeFor(sameKey, cmd.triggeredAt());
        AlarmRecord.Stamp by = new AlarmRecord.Stamp(caller.username(), role.wireName(), deviceId, cmd.deviceTime(), now);
        AlarmRecord base = current.orElseGet(() -> fresh(c, cmd));
        if (base.reset() != null) {
            throw conflict("the alarm was reset by " + who(base.reset()));
        }
        AlarmRecord next = switch (cmd.type()) {
            case "ACKNOWLEDGE" -> acknowledge(base, cmd, by, text(cmd, "comment"));
            case "SHELVE" -> shelve(base, cmd, by, role);
            case "UNSHELVE" -> unshelve(base, cmd, by);
            case "RESET" -> reset(base, by, role);
            case "ASSIGN" -> assign(base, by, text(cmd, "assignee"));
            default -> throw ApiException.badField("type", "unknown op type " + op.type());
        };
        next = advance(next, cmd);
        records.save(c, next, now);
        changes.appendUpsert(c, ENTITY, next.id(), next, now);
        audit.record(c, requestId, caller, "alarm " + cmd.type() + " " + next.key() + " #" + next.id(), 200,
                "device " + deviceId + ", device time " + cmd.deviceTime() + ", version " + next.version());
        return next;
    }

    private static AlarmRecord acknowledge(AlarmRecord r, Command cmd, AlarmRecord.Stamp by, String comment) {
        if (r.acknowledged() != null && !above(cmd.severity(), r.ackSeverity())) {
            throw conflict("already acknowledged by " + who(r.acknowledged()) + " at " + r.ackSeverity()
                    + "; only a higher severity needs a new acknowledgement");
        }
        return new AlarmRecord(r.id(), r.definitionId(), r.subject(), r.primaryId(), r.secondaryId(), r.latestTca(),
                r.episodeStart(), r.lastActionAt(), r.version(), by, cmd.severity(), comment, r.shelved(),
                r.shelveReason(), r.shelvedUntil(), r.unshelved(), r.assigned(), r.assignee(), r.reset());
    }

    private static AlarmRecord shelve(AlarmRecord r, Command cmd, AlarmRecord.Stamp by, Role role) {
        String reason = text(cmd, "reason");
        Params.require(reason != null && !reason.isBlank(), "arguments.reason", "shelving needs a reason");
        String duration = text(cmd, "duration");
        Params.require(duration != null && (duration.equals(UNLIMITED) || SHELVE_DURATIONS.containsKey(duration)),
                "arguments.duration", "must be one of " + String.join(", ", SHELVE_DURATIONS.keySet()) + ", "
                        + UNLIMITED);
        if (duration.equals(UNLIMITED) && !supervisor(role)) {
            throw ApiException.forbidden("only a supervisor may shelve without time limit; the role here is "
                    + role.wireName());
        }
        Instant until = duration.equals(UNLIMITED) ? null : cmd.deviceTime().plus(SHELVE_DURATIONS.get(duration));
        return new AlarmRecord(r.id(), r.definitionId(), r.subject(), r.primaryId(), r.secondaryId(), r.latestTca(),
                r.episodeStart(), r.lastActionAt(), r.version(), r.acknowledged(), r.ackSeverity(), r.ackComment(),
                by, reason.strip(), until, r.unshelved(), r.assigned(), r.assignee(), r.reset());
    }

    private static AlarmRecord unshelve(AlarmRecord r, Command cmd, AlarmRecord.Stamp by) {
        if (r.shelved() == null) {
            throw conflict(r.unshelved() == null ? "not shelved" : "not shelved: unshelved by " + who(r.unshelved()));
        }
        // an unshelve by hand acknowledges what was unacknowledged (DESIGN.md): the console says whether it did
        boolean acknowledges = "true".equals(text(cmd, "acknowledges"))
                && (r.acknowledged() == null || above(cmd.severity(), r.ackSeverity()));
        return new AlarmRecord(r.id(), r.definitionId(), r.subject(), r.primaryId(), r.secondaryId(), r.latestTca(),
                r.episodeStart(), r.lastActionAt(), r.version(), acknowledges ? by : r.acknowledged(),
                acknowledges ? cmd.severity() : r.ackSeverity(), acknowledges ? "unshelved" : r.ackComment(),
                null, null, null, by, r.assigned(), r.assignee(), r.reset());
    }

    private static AlarmRecord reset(AlarmRecord r, AlarmRecord.Stamp by, Role role) {
        if (!supervisor(role)) {
            throw ApiException.forbidden("only a supervisor may reset an alarm; the role here is " + role.wireName());
        }
        return new AlarmRecord(r.id(), r.definitionId(), r.subject(), r.primaryId(), r.secondaryId(), r.latestTca(),
                r.episodeStart(), r.lastActionAt(), r.version(), r.acknowledged(), r.ackSeverity(), r.ackComment(),
                null, null, null, r.unshelved(), r.assigned(), r.assignee(), by);
    }

    private static AlarmRecord assign(AlarmRecord r, AlarmRecord.Stamp by, String assignee) {
        Params.require(assignee == null || assignee.length() <= 128, "arguments.assignee", "at most 128 characters");
        String who = assignee == null || assignee.isBlank() ? null : assignee.strip();
        return new AlarmRecord(r.id(), r.definitionId(), r.subject(), r.primaryId(), r.secondaryId(), r.latestTca(),
                r.episodeStart(), r.lastActionAt(), r.version(), r.acknowledged(), r.ackSeverity(), r.ackComment(),
                r.shelved(), r.shelveReason(), r.shelvedUntil(), r.unshelved(), by, who, r.reset());
    }

    /** One more version; the episode reaches back to the earliest trigger, the TCA is the newest action's. */
    private static AlarmRecord advance(AlarmRecord r, Command cmd) {
        boolean newest = !cmd.deviceTime().isBefore(r.lastActionAt());
        Instant start = cmd.triggeredAt().isBefore(r.episodeStart()) ? cmd.triggeredAt() : r.episodeStart();
        return new AlarmRecord(r.id(), r.definitionId(), r.subject(), r.primaryId(), r.secondaryId(),
                cmd.conjunction() && newest ? cmd.tca() : r.latestTca(), start,
                newest ? cmd.deviceTime() : r.lastActionAt(), r.version() + 1, r.acknowledged(), r.ackSeverity(),
                r.ackComment(), r.shelved(), r.shelveReason(), r.shelvedUntil(), r.unshelved(), r.assigned(),
                r.assignee(), r.reset());
    }

    /** A record for a new episode (version 0 until the action is applied to it). */
    private AlarmRecord fresh(Connection c, Command cmd) {
        long id;
        try {
            id = records.nextId(c);
        } catch (SQLException e) {
            throw new DatabaseException("allocating a shared alarm id", e);
        }
        return new AlarmRecord(id, cmd.definition(), cmd.subject(), cmd.primary(), cmd.secondary(), cmd.tca(),
                cmd.triggeredAt(), cmd.deviceTime(), 0, null, null, null, null, null, null, null, null, null, null);
    }

    private static Command command(SyncOp op) {
        JsonNode p = op.payload();
        Params.require(p != null && p.isObject(), "payload", "must be a JSON object");
        String type = op.type().substring(OP_PREFIX.length());
        Params.require(type.equals(p.path("type").asText()), "payload.type", "must be " + type);
        JsonNode args = p.path("arguments");
        Params.require(args.isObject(), "payload.arguments", "must be a JSON object");
        String definition = required(args, "definition");
        String subject = required(args, "key");
        String severity = required(args, "severity");
        Params.require(SEVERITIES.contains(severity), "arguments.severity", "must be one of " + SEVERITIES);
        Instant triggeredAt = instant("arguments.triggeredAt", args.path("triggeredAt"));
        Instant deviceTime = instant("payload.deviceTime", p.path("deviceTime"));
        boolean conjunction = "CONJUNCTION".equals(args.path("source").asText());
        Integer primary = null;
        Integer secondary = null;
        Instant tca = null;
        if (conjunction) {
            // a console sends the pair and TCA while it follows the event; after TCA + grace it no longer can
            Params.require(args.hasNonNull("primary") && args.hasNonNull("secondary") && args.hasNonNull("tca"),
                    "arguments.tca", "a conjunction alarm's op needs its pair and TCA (the event is no longer followed)");
            primary = integer(args, "primary");
            secondary = integer(args, "secondary");
            tca = instant("arguments.tca", args.path("tca"));
        }
        return new Command(type, definition, subject, conjunction, primary, secondary, tca, triggeredAt, severity,
                deviceTime, args);
    }

    private static String required(JsonNode args, String name) {
        JsonNode v = args.path(name);
        Params.require(v.isTextual() && !v.asText().isBlank() && v.asText().length() <= 200, "arguments." + name,
                "is required (1 to 200 characters)");
        return v.asText();
    }

    private static Integer integer(JsonNode args, String name) {
        try {
            return Integer.valueOf(args.path(name).asText());
        } catch (NumberFormatException e) {
            throw ApiException.badField("arguments." + name, "must be a whole number");
        }
    }

    private static Instant instant(String field, JsonNode v) {
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw ApiException.badField(field, "must be an ISO-8601 instant");
        }
    }

    private static String text(Command cmd, String name) {
        JsonNode v = cmd.arguments().path(name);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        Params.require(v.isTextual() && v.asText().length() <= MAX_TEXT, "arguments." + name,
                "must be text of at most " + MAX_TEXT + " characters");
        return v.asText();
    }

    private static boolean above(String severity, String than) {
        return SEVERITIES.indexOf(severity) > SEVERITIES.indexOf(than);
    }

    private static boolean supervisor(Role role) {
        return role == Role.SUPERVISOR || role == Role.ADMIN;
    }

    /** "olga (operator) on console-2 at 2026-11-22T10:00:00Z": who did an action, and when on their device. */
    private static String who(AlarmRecord.Stamp s) {
        return s.user() + " (" + s.role() + ") on " + s.device() + " at " + s.deviceTime();
    }

    private static ApiException conflict(String message) {
        return new ApiException(409, "CONFLICT", message, Map.of());
    }
}
