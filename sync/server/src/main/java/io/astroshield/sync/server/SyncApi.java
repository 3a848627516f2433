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
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /sync/v1}: the change log download, the op upload and the live stream. An upload runs in one transaction
 * in which each op first claims (device id, op id) in {@code applied_op}, then re-reads the caller's role, then
 * applies its effect behind a savepoint; so an op takes effect at most once however often it is sent, and a
 * rejected op never blocks the ones after it.
 */
final class SyncApi {
    static final int MAX_OPS = 1000;
    static final int MAX_PAGE = 1000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

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
        // one transaction for the whole upload (one commit, not one per op); each op's effect sits behind its own
        // savepoint, so a rejected op leaves no trace but its REJECTED record, and a failure that is not a rejection
        // rolls back the whole upload, to be sent again: still at most one effect per op
        List<OpResult> results = Transactions.inTransaction(db, "applying " + in.ops().size() + " ops of device "
                + in.deviceId(), c -> {
            List<OpResult> answered = new ArrayList<>(in.ops().size());
            // the change-log lock first, before any row lock an op takes: two uploads touching the same
            // conjunctions in different orders would otherwise deadlock (each holding what the other waits for)
            changes.lockForAppends(c);
            // the caller's role as it is now, read in this transaction: the permission every op is checked against
            Optional<Role> role = currentRole(c, caller.username());
            for (SyncOp op : in.ops()) {
                answered.add(apply(c, ApiRoutes.requestId(ctx), caller, role, in.deviceId(), op));
            }
            return answered;
        });
        ctx.json(new UploadResponse(results));
    }

    private OpResult apply(Connection c, String requestId, Principal caller, Optional<Role> currentRole,
                           String deviceId, SyncOp op) throws SQLException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String action = "sync " + op.type() + " " + deviceId + "/" + op.opId();
        if (!claim(c, caller, deviceId, op, now)) {
            String earlier = earlierResult(c, deviceId, op.opId());
            audit.record(c, requestId, caller, action, 200, "DUPLICATE of " + earlier);
            return new OpResult(op.opId(), OpResult.Status.DUPLICATE, "already processed: " + earlier);
        }
        Savepoint beforeEffect = c.setSavepoint();
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
            audit.record(c, requestId, caller, action, 200, "APPLIED");
            c.releaseSavepoint(beforeEffect);
            return new OpResult(op.opId(), OpResult.Status.APPLIED, null);
        } catch (ApiException e) {
            c.rollback(beforeEffect);
            reject(c, deviceId, op.opId(), e.getMessage());
            audit.record(c, requestId, caller, action, e.status(), "REJECTED: " + e.getMessage());
            return new OpResult(op.opId(), OpResult.Status.REJECTED, e.getMessage());
        }
    }

    /** Records the op as applied; false when this device sent it before (a concurrent sender waits for us). */
    private static boolean claim(Connection c, Principal caller, String deviceId, SyncOp op, Instant now)
            throws SQLException {
        String sql = "INSERT INTO applied_op (device_id, op_id, username, op_type, result, processed_at) "
                + "VALUES (?, ?, ?, ?, 'APPLIED', ?) ON CONFLICT (device_id, op_id) DO NOTHING";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, deviceId);
            ps.setString(2, op.opId());
            ps.setString(3, caller.username());
            ps.setString(4, op.type());
            SpacecraftRepository.setInstant(ps, 5, now);
            return ps.executeUpdate() == 1;
        }
    }

    private static String earlierResult(Connection c, String deviceId, String opId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT result, reason FROM applied_op WHERE device_id = ? AND op_id = ?")) {
            ps.setString(1, deviceId);
            ps.setString(2, opId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String reason = rs.getString(2);
                return rs.getString(1) + (reason == null ? "" : " (" + reason + ")");
            }
        }
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
