package io.astroshield.sync.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.Tx;
import io.astroshield.persistence.sync.OutboxOp;
import io.astroshield.persistence.workspace.SettingScope;
import io.astroshield.sync.protocol.ConjunctionCreate;
import io.astroshield.sync.protocol.ConjunctionNoteCreate;
import io.astroshield.sync.protocol.DispositionSet;
import io.astroshield.sync.protocol.Json;
import io.astroshield.sync.protocol.SpacecraftCreate;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Queues local changes for the server. Each method writes the outbox row through the caller's {@link Tx}, so it
 * commits or rolls back together with whatever local change the caller makes in the same transaction. Op ids are
 * random UUIDs (never reused); the device id is this store's, made once and kept in its LOCAL settings.
 */
public final class LocalOps {
    /** LOCAL setting holding this store's device id. */
    public static final String DEVICE_ID_SETTING = "sync.device_id";

    private final String deviceId;
    private final ObjectMapper json = Json.newMapper();
    private final Clock clock;

    private LocalOps(String deviceId, Clock clock) {
        this.deviceId = deviceId;
        this.clock = clock;
    }

    /** The ops of {@code store}'s device, creating its device id on first use. */
    public static LocalOps of(Store store, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        String id = store.write(tx -> tx.settings().get(SettingScope.LOCAL, DEVICE_ID_SETTING)
                .map(s -> s.value())
                .orElseGet(() -> {
                    String fresh = "ws-" + UUID.randomUUID();
                    tx.settings().put(SettingScope.LOCAL, DEVICE_ID_SETTING, fresh, clock.instant());
                    return fresh;
                }));
        return new LocalOps(id, clock);
    }

    public String deviceId() {
        return deviceId;
    }

    /** Queues {@code spacecraft.create}; returns the op id. */
    public String createSpacecraft(Tx tx, SpacecraftCreate spacecraft) {
        return enqueue(tx, "spacecraft.create", spacecraft);
    }

    /** Queues {@code conjunction.create}; returns the op id. */
    public String createConjunction(Tx tx, ConjunctionCreate conjunction) {
        return enqueue(tx, "conjunction.create", conjunction);
    }

    /** Queues {@code conjunction.note}: appends {@code text} to the server's conjunction; returns the op id. */
    public String addNote(Tx tx, long conjunctionId, String text) {
        return enqueue(tx, "conjunction.note", new ConjunctionNoteCreate(conjunctionId, text));
    }

    /**
     * Queues {@code conjunction.disposition}; the server refuses it as a stale version unless the disposition is
     * still at {@code seenVersion} (0 when none was set) when the op arrives. Returns the op id.
     */
    public String setDisposition(Tx tx, long conjunctionId, String disposition, long seenVersion) {
        return enqueue(tx, "conjunction.disposition", new DispositionSet(conjunctionId, disposition, seenVersion));
    }

    /** Queues an op of any type with its payload (written as JSON); returns the op id. */
    public String enqueue(Tx tx, String type, Object payload) {
        String opId = UUID.randomUUID().toString();
        try {
            tx.outbox().enqueue(new OutboxOp(deviceId, opId, type, json.writeValueAsString(payload),
                    clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the " + type + " payload as JSON", e);
        }
        return opId;
    }
}
