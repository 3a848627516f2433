package io.astroshield.sync.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.sync.protocol.ConjunctionCreate;
import io.astroshield.sync.protocol.ConjunctionNoteCreate;
import io.astroshield.sync.protocol.DispositionSet;
import io.astroshield.sync.protocol.OpResult;
import io.astroshield.sync.protocol.SpacecraftCreate;
import io.astroshield.sync.protocol.SyncOp;
import io.astroshield.sync.protocol.UploadRequest;
import io.astroshield.sync.protocol.UploadResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /sync/v1}: the change log download, the op upload and the live stream. An upload runs in one transaction
 * that first claims every (device id, op id) in {@code applied_op} and re-reads the caller's role, then applies
 * each claimed op's effect, rolling back what a rejected op did; so an op takes effect at most once however often
 * it is sent, and a rejected op never blocks the ones after it. The change-log entries and audit records of the
 * upload are written at its end, each kind in one statement (a 1000-op upload made 6,000 round trips before).
 */
final class SyncApi {
    static final int MAX_OPS = 1000;
    static final int MAX_PAGE = 1000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /**
     * Op types whose handlers refuse (with {@link ApiException}) only before their first write, so a rejected op
     * of these types has left nothing to undo and needs no savepoint (two round trips fewer per op). Any other
     * type is applied behind a savepoint, so that a refusal part-way leaves no trace.
     */
    private static final Set<String> REFUSED_BEFORE_ANY_WRITE = Set.of("spacecraft.create", "conjunction.create",
            "conjunction.note", "conjunction.disposition");

    private final DataSource db;
    private final ReferenceDataWrites writes;
    private final ChangeLog changes;
    private final ConjunctionWorkflow workflow;
    private final AlarmWorkflow alarms;
    private final ChangeStream stream;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    SyncApi(DataSource db, ReferenceDataWrites writes, ConjunctionWorkflow workflow, ChangeLog changes, AuditLog audit,
            ObjectMapper json, Clock clock) {
        this.audit = audit;
        this.db = db;
        this.writes = writes;
        this.changes = changes;
        this.workflow = workflow;
        this.alarms = new AlarmWorkflow(new SharedAlarmRepository(json), changes, audit);
        this.stream = new ChangeStream(db, changes);
        this.json = json;
        this.clock = clock;
    }

    void changes(Context ctx) {
        long cursor = Params.longQuery(ctx, "cursor", 0, 0, Long.MAX_VALUE);
        int limit = Params.intQuery(ctx, "limit", 500, 1, MAX_PAGE);
        ctx.json(changes.page(cursor, limit));
    }

    /** The live stream of the change log's head (server-sent events). */
    Handler stream() {
        return stream.handler();
    }

    void upload(Context ctx) {
        Principal caller = ApiRoutes.principal(ctx)
                .orElseThrow(() -> ApiException.unauthorized("A bearer token is required"));
        UploadRequest in = Params.body(ctx, json, UploadRequest.class);
        Params.require(in.deviceId() != null && ID.matcher(in.deviceId()).matches(), "device_id",
                "is required: 1 to 100 of A-Z a-z 0-9 . _ : -");
        Params.require(in.ops() != null, "ops", "is required");
        Params.require(in.ops().size() <= MAX_OPS, "ops", "at most " + MAX_OPS + " per upload");
        for (int i = 0; i < in.ops().size(); i++) {
            SyncOp op = in.ops().get(i);
            Params.require(op != null, "ops[" + i + "]", "must be an object");
            Params.require(op.opId() != null && ID.matcher(op.opId()).matches(), "ops[" + i + "].op_id",
                    "is required: 1 to 100 of A-Z a-z 0-9 . _ : -");
            Params.require(op.type() != null && !op.type().isBlank() && op.type().length() <= 60,
                    "ops[" + i + "].type", "is required (at most 60 characters)");
        }
        // one transaction for the whole upload (one commit, not one per op); a failure that is not a rejection
        // rolls back the whole upload, to be sent again: still at most one effect per op
        List<OpResult> results = Transactions.inTransaction(db, "applying " + in.ops().size() + " ops of device "
                + in.deviceId(), c -> {
            // the change-log lock first, before any row lock an op takes: two uploads touching the same
            // conjunctions in different orders would otherwise deadlock (each holding what the other waits for)
            changes.lockForAppends(c);
            // the caller's role as it is now, read in this transaction: the permission every op is checked against
            Optional<Role> role = currentRole(c, caller.username());
            Instant claimedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Set<String> claimed = claim(c, caller, in.deviceId(), in.ops(), claimedAt);
            Map<String, String> earlier = earlierResults(c, in.deviceId(), in.ops(), claimed);
            List<AuditLog.Entry> audited = new ArrayList<>(in.ops().size());
            List<OpResult> answered = new ArrayList<>(in.ops().size());
            // the change-log entries and audit records of all ops go in at the end, each in one statement
            try (ChangeLog.DeferredAppends appends = changes.deferAppends(c)) {
                for (SyncOp op : in.ops()) {
                    String action = "sync " + op.type() + " " + in.deviceId() + "/" + op.opId();
                    if (claimed.remove(op.opId())) {
                        OpResult result = apply(c, appends, audited, ApiRoutes.requestId(ctx), action, caller, role,
                                in.deviceId(), op);
                        // a later copy of this op id in the same upload is a duplicate of this result
                        earlier.put(op.opId(), result.status() == OpResult.Status.APPLIED ? "APPLIED"
                                : "REJECTED (" + result.reason() + ")");
                        answered.add(result);
                    } else {
                        String was = earlier.get(op.opId());
                        audited.add(audit.entry(ApiRoutes.requestId(ctx), caller, action, 200, "DUPLICATE of " + was));
                        answered.add(new OpResult(op.opId(), OpResult.Status.DUPLICATE, "already processed: " + was));
                    }
                }
                appends.flush();
            }
            audit.recordAll(c, audited);
            return answered;
        });
        ctx.json(new UploadResponse(results));
    }

    private OpResult apply(Connection c, ChangeLog.DeferredAppends appends, List<AuditLog.Entry> audited,
                           String requestId, String action, Principal caller, Optional<Role> currentRole,
                           String deviceId, SyncOp op) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Savepoint beforeEffect = REFUSED_BEFORE_ANY_WRITE.contains(op.type()) ? null : c.setSavepoint();
        int appendsBefore = appends.size();
        try {
            Role role = currentRole
                    .orElseThrow(() -> ApiException.forbidden("the account or key no longer exists"));
            if (!Access.EDIT_REFERENCE_DATA.allows(role)) {
                throw ApiException.forbidden("role " + role.wireName() + " may not apply " + op.type());
            }
            switch (op.type()) {
                case "spacecraft.create" -> writes.createSpacecraft(c, payload(op, SpacecraftCreate.class), now);
                case "conjunction.create" ->
                        writes.createConjunction(c, payload(op, ConjunctionCreate.class), now);
                case "conjunction.note" ->
                        workflow.addNote(c, payload(op, ConjunctionNoteCreate.class), caller.username(), now);
                case "conjunction.disposition" ->
                        workflow.setDisposition(c, payload(op, DispositionSet.class), caller.username(), now);
                default -> {
                    if (!AlarmWorkflow.handles(op.type())) {
                        throw ApiException.badField("type", "unknown op type " + op.type());
                    }
                    alarms.apply(c, requestId, caller, role, deviceId, op, now);
                }
            }
            if (beforeEffect != null) {
                c.releaseSavepoint(beforeEffect);
            }
            audited.add(audit.entry(requestId, caller, action, 200, "APPLIED"));
            return new OpResult(op.opId(), OpResult.Status.APPLIED, null);
        } catch (ApiException e) {
            if (beforeEffect != null) {
                c.rollback(beforeEffect);
            }
            appends.discardFrom(appendsBefore);
            reject(c, deviceId, op.opId(), e.getMessage());
            audited.add(audit.entry(requestId, caller, action, e.status(), "REJECTED: " + e.getMessage()));
            return new OpResult(op.opId(), OpResult.Status.REJECTED, e.getMessage());
        }
    }

    /**
     * Records every op of the upload as applied, in one statement; returns the op ids this upload claimed (each
     * once), the others having been sent before. A concurrent sender of the same op makes this wait for its
     * commit, then finds its record.
     */
    private static Set<String> claim(Connection c, Principal caller, String deviceId, List<SyncOp> ops,
                                     Instant now) throws SQLException {
        String sql = "INSERT INTO applied_op (device_id, op_id, username, op_type, result, processed_at) "
                + "SELECT ?, o.op_id, ?, o.op_type, 'APPLIED', ? "
                + "FROM unnest(?::varchar[], ?::varchar[]) WITH ORDINALITY AS o(op_id, op_type, ord) ORDER BY o.ord "
                + "ON CONFLICT (device_id, op_id) DO NOTHING RETURNING op_id";
        Set<String> claimed = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, deviceId);
            ps.setString(2, caller.username());
            SpacecraftRepository.setInstant(ps, 3, now);
            ps.setArray(4, c.createArrayOf("varchar", ops.stream().map(SyncOp::opId).toArray()));
            ps.setArray(5, c.createArrayOf("varchar", ops.stream().map(SyncOp::type).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getString(1));
                }
            }
        }
        return claimed;
    }

    /** "RESULT" or "RESULT (reason)" of every op of {@code ops} processed before this upload, by op id. */
    private static Map<String, String> earlierResults(Connection c, String deviceId, List<SyncOp> ops,
                                                      Set<String> claimed) throws SQLException {
        Map<String, String> earlier = new HashMap<>();
        Object[] sentBefore = ops.stream().map(SyncOp::opId).filter(id -> !claimed.contains(id)).distinct()
                .toArray();
        if (sentBefore.length == 0) {
            return earlier;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT op_id, result, reason FROM applied_op WHERE device_id = ? AND op_id = ANY(?::varchar[])")) {
            ps.setString(1, deviceId);
            ps.setArray(2, c.createArrayOf("varchar", sentBefore));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String reason = rs.getString(3);
                    earlier.put(rs.getString(1), rs.getString(2) + (reason == null ? "" : " (" + reason + ")"));
                }
            }
        }
        return earlier;
    }

    private static void reject(Connection c, String deviceId, String opId, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE applied_op SET result = 'REJECTED', reason = ? WHERE device_id = ? AND op_id = ?")) {
            ps.setString(1, reason);
            ps.setString(2, deviceId);
            ps.setString(3, opId);
            ps.executeUpdate();
        }
    }

    /** The caller's role as it is now: a user's from {@code app_user}, a service key's from {@code api_key}. */
    private static Optional<Role> currentRole(Connection c, String username) throws SQLException {
        boolean service = username.startsWith(ApiKeyStore.PRINCIPAL_PREFIX);
        String sql = service ? "SELECT role FROM api_key WHERE name = ? AND revoked_at IS NULL"
                : "SELECT role FROM app_user WHERE username = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, service ? username.substring(ApiKeyStore.PRINCIPAL_PREFIX.length()) : username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Role.fromWireName(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private <T> T payload(SyncOp op, Class<T> type) {
        if (op.payload() == null || !op.payload().isObject()) {
            throw ApiException.badField("payload", "must be a JSON object");
        }
        try {
            return json.treeToValue(op.payload(), type);
        } catch (JsonProcessingException e) {
            throw ApiException.badField("payload", "does not match " + op.type());
        }
    }
}
