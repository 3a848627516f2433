package io.astroshield.sync.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.sync.MirrorRow;
import io.astroshield.sync.protocol.AlarmRecord;
import io.astroshield.sync.protocol.Conjunction;
import io.astroshield.sync.protocol.ConjunctionDisposition;
import io.astroshield.sync.protocol.ConjunctionNote;
import io.astroshield.sync.protocol.Json;
import io.astroshield.sync.protocol.Snapshot;
import io.astroshield.sync.protocol.Spacecraft;
import io.astroshield.sync.protocol.TelemetryData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/** A client's downloaded tables read back as the wire records, comparable with the server's snapshot. */
final class Mirrors {
    private static final ObjectMapper JSON = Json.newMapper();

    private Mirrors() {
    }

    /**
     * The store's copy as a snapshot at its cursor; of the telemetry, like the server's snapshot, the newest sample
     * of each spacecraft's subsystems.
     */
    static Snapshot of(Store store) {
        return store.read(tx -> new Snapshot(
                tx.syncCursors().get(Downloader.SCOPE).map(Long::parseLong).orElse(0L),
                read(tx.syncMirror().all("spacecraft"), Spacecraft.class),
                read(tx.syncMirror().all("conjunction"), Conjunction.class),
                newestPerSubsystem(read(tx.syncMirror().all("telemetry"), TelemetryData.class)),
                read(tx.syncMirror().all("conjunction_note"), ConjunctionNote.class),
                read(tx.syncMirror().all("conjunction_disposition"), ConjunctionDisposition.class),
                read(tx.syncMirror().all(SharedAlarms.ENTITY), AlarmRecord.class), null));
    }

    /** Every telemetry sample the store holds, by id. */
    static List<TelemetryData> telemetry(Store store) {
        return store.read(tx -> read(tx.syncMirror().all("telemetry"), TelemetryData.class));
    }

    private static List<TelemetryData> newestPerSubsystem(List<TelemetryData> samples) {
        return samples.stream()
                .collect(Collectors.toMap(t -> t.spacecraftId() + "/" + t.subsystem(), t -> t,
                        BinaryOperator.maxBy(Comparator.comparing(TelemetryData::timestamp))))
                .values().stream().sorted(Comparator.comparingLong(TelemetryData::id)).toList();
    }

    private static <T> List<T> read(List<MirrorRow> rows, Class<T> type) {
        return rows.stream().map(r -> {
            try {
                return JSON.readValue(r.payload(), type);
            } catch (IOException e) {
                throw new UncheckedIOException("mirror row " + r.entity() + " " + r.entityId(), e);
            }
        }).toList();
    }
}
