package io.astroshield.sync.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.sync.OutboxStatus;
import io.astroshield.persistence.sync.StoredOp;
import io.astroshield.sync.protocol.OpResult;
import io.astroshield.sync.protocol.SyncOp;
import io.astroshield.sync.protocol.UploadRequest;
import io.astroshield.sync.protocol.UploadResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the outbox: the leading pending ops in sequence order, in batches, and records each op's answer. A
 * transient failure of a sent request reschedules the whole batch to one later time (so that per-device order
 * holds) and parks the ops that have now failed {@code maxAttempts} times (being offline, when nothing was sent,
 * counts against no op: the loop just tries again later); an answer not understood is retried op by op, and an
 * op that alone still gets one is parked with the reason. REJECTED answers are final and never hold up the rest.
 */
final class Uploader {
    private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);
    /** How the server words a DUPLICATE whose first processing was a rejection: "...: REJECTED (reason)". */
    private static final String EARLIER_REJECTION = "already processed: REJECTED";

    /** What one {@link #push()} did; {@code nextDue} is when the first op still waiting may go, or null. */
    record Outcome(int applied, int duplicate, int rejected, int parked, Instant nextDue) {
    }

    private final Store store;
    private final ServerApi api;
    private final ObjectMapper json;
    private final Backoff backoff;
    private final Clock clock;
    private final int batchSize;
    private final int maxAttempts;

    Uploader(Store store, ServerApi api, ObjectMapper json, Backoff backoff, Clock clock, int batchSize,
             int maxAttempts) {
        this.store = store;
        this.api = api;
        this.json = json;
        this.backoff = backoff;
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
    }

    /** Sends every op whose time has come; throws the first transient or rate-limit failure after recording it. */
    Outcome push() {
        int[] counts = new int[4];
        while (true) {
            Instant now = clock.instant();
            List<StoredOp> pending = store.read(tx -> tx.outbox().pending(batchSize));
            List<StoredOp> batch = leadingDue(pending, now);
            if (batch.isEmpty()) {
                Instant nextDue = pending.isEmpty() ? null : pending.get(0).nextAttemptAt();
                return new Outcome(counts[0], counts[1], counts[2], counts[3], nextDue);
            }
            send(batch, counts);
        }
    }

    private void send(List<StoredOp> batch, int[] counts) {
        UploadResponse answer;
        try {
            answer = api.upload(request(batch));
        } catch (SyncException e) {
            switch (e.kind()) {
                case TRANSIENT -> {
                    if (e.requestSent()) {
                        counts[3] += retryLater(batch, e.getMessage());
                    }
                    throw e;
                }
                case NOT_UNDERSTOOD -> {
                    if (batch.size() == 1) {
                        park(batch.get(0), "answer not understood: " + e.getMessage());
                        counts[3]++;
                    } else {
                        // find the op the server objects to: each alone
                        for (StoredOp op : batch) {
                            send(List.of(op), counts);
                        }
                    }
                    return;
                }
                default -> throw e;
            }
        }
        record(batch, answer, counts);
    }

    private void record(List<StoredOp> batch, UploadResponse answer, int[] counts) {
        Map<String, OpResult> byOpId = new HashMap<>();
        for (OpResult r : answer.results()) {
            if (r != null && r.opId() != null) {
                byOpId.put(r.opId(), r);
            }
        }
        Instant at = clock.instant();
        store.write(tx -> {
            for (StoredOp op : batch) {
                OpResult r = byOpId.get(op.op().opId());
                if (r == null || r.status() == null) {
                    tx.outbox().park(op.seq(), "the server's answer has no result for this op");
                    counts[3]++;
                    continue;
                }
                OutboxStatus status = OutboxStatus.valueOf(r.status().name());
                String reason = r.reason();
                if (status == OutboxStatus.DUPLICATE && reason != null && reason.startsWith(EARLIER_REJECTION)) {
                    // the first answer, lost on the way, was a rejection: it stays visible as one
                    status = OutboxStatus.REJECTED;
                    reason = rejectionReason(reason);
                }
                tx.outbox().resolve(op.seq(), status, reason, at);
                counts[status == OutboxStatus.APPLIED ? 0 : status == OutboxStatus.DUPLICATE ? 1 : 2]++;
                if (status == OutboxStatus.REJECTED) {
                    LOG.info("sync op {} ({}) rejected by the server: {}", op.op().opId(), op.op().opType(), reason);
                }
            }
            return null;
        });
    }

    private static String rejectionReason(String duplicateReason) {
        String rest = duplicateReason.substring(EARLIER_REJECTION.length()).strip();
        return rest.startsWith("(") && rest.endsWith(")") ? rest.substring(1, rest.length() - 1) : rest;
    }

    /** Reschedules the batch to one common time; returns how many ops were parked for failing too often. */
    private int retryLater(List<StoredOp> batch, String error) {
        int worst = batch.stream().mapToInt(StoredOp::attempts).max().orElse(0) + 1;
        Instant next = clock.instant().plus(backoff.after(worst));
        return store.write(tx -> {
            int parked = 0;
            for (StoredOp op : batch) {
                if (op.attempts() + 1 >= maxAttempts) {
                    tx.outbox().park(op.seq(), "failed " + (op.attempts() + 1) + " times, last: " + error);
                    parked++;
                } else {
                    tx.outbox().retryLater(op.seq(), error, next);
                }
            }
            return parked;
        });
    }

    private void park(StoredOp op, String reason) {
        LOG.warn("sync op {} ({}) parked: {}", op.op().opId(), op.op().opType(), reason);
        store.write(tx -> {
            tx.outbox().park(op.seq(), reason);
            return null;
        });
    }

    /** The leading ops of one device whose retry time has come; stops at the first that must wait. */
    private static List<StoredOp> leadingDue(List<StoredOp> pending, Instant now) {
        List<StoredOp> due = new ArrayList<>();
        for (StoredOp op : pending) {
            boolean waiting = op.nextAttemptAt() != null && op.nextAttemptAt().isAfter(now);
            if (waiting || (!due.isEmpty() && !due.get(0).op().deviceId().equals(op.op().deviceId()))) {
                break;
            }
            due.add(op);
        }
        return due;
    }

    private UploadRequest request(List<StoredOp> batch) {
        List<SyncOp> ops = new ArrayList<>(batch.size());
        for (StoredOp op : batch) {
            JsonNode payload;
            try {
                payload = json.readTree(op.op().payload());
            } catch (JsonProcessingException e) {
                // an unreadable payload goes as text: the server rejects it and says why
                payload = json.getNodeFactory().textNode(op.op().payload());
            }
            ops.add(new SyncOp(op.op().opId(), op.op().opType(), payload));
        }
        return new UploadRequest(batch.get(0).op().deviceId(), ops);
    }
}
