package io.astroshield.sync.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.sync.MirrorRow;
import io.astroshield.sync.protocol.Conjunction;
import io.astroshield.sync.protocol.ConjunctionDisposition;
import io.astroshield.sync.protocol.ConjunctionNote;
import io.astroshield.sync.protocol.Json;
import io.astroshield.sync.protocol.Snapshot;
import io.astroshield.sync.protocol.Spacecraft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** A client's downloaded tables read back as the wire records, comparable with the server's snapshot. */
final class Mirrors {
    private static final ObjectMapper JSON = Json.newMapper();

    private Mirrors() {
    }

    /** The store's copy as a snapshot at its cursor. */
    static Snapshot of(Store store) {
        return store.read(tx -> new Snapshot(
                tx.syncCursors().get(Downloader.SCOPE).map(Long::parseLong).orElse(0L),
                read(tx.syncMirror().all("spacecraft"), Spacecraft.class),
                read(tx.syncMirror().all("conjunction"), Conjunction.class),
                read(tx.syncMirror().all("conjunction_note"), ConjunctionNote.class),
                read(tx.syncMirror().all("conjunction_disposition"), ConjunctionDisposition.class)));
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
