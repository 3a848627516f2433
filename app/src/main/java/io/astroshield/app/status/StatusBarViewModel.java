package io.astroshield.app.status;

import io.astroshield.app.fx.Throttle;
import io.astroshield.app.workstation.ConsoleContext;
import io.astroshield.app.workstation.Formats;
import io.astroshield.app.workstation.Workstation;
import io.astroshield.domain.catalog.ElementSet;
import io.astroshield.persistence.sync.StoredOp;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The status bar's facts: connection, who is signed in and how (online, offline with the last verified
 * identity, local account), last sync, pending and parked ops, the age of the newest catalog data. Refreshed in
 * the background on every change and every few seconds; parked ops are listed in the "Sync issues" panel.
 */
public final class StatusBarViewModel {

    /** One refresh. */
    public record Status(String connection, boolean online, String identity, boolean identityOffline,
                         String lastSync, long pending, int parked, String dataAge) {
    }

    private final ConsoleContext ctx;
    private final ReadOnlyObjectWrapper<Status> status = new ReadOnlyObjectWrapper<>(this, "status");
    private final ObservableList<StoredOp> parkedOps = FXCollections.observableArrayList();
    private final Throttle<Object[]> updates;
    private volatile SyncState sync = SyncState.NOT_CONFIGURED;

    /** What the sync client last said (set by the sync integration; "no backend" until one is configured). */
    public record SyncState(boolean configured, boolean connected, Instant lastSync, String server, String error) {
        public static final SyncState NOT_CONFIGURED = new SyncState(false, false, null, null, null);
    }

    public StatusBarViewModel(ConsoleContext ctx) {
        this.ctx = ctx;
        this.updates = new Throttle<>(java.time.Duration.ofMillis(250), v -> {
            status.set((Status) v[0]);
            @SuppressWarnings("unchecked")
            List<StoredOp> parked = (List<StoredOp>) v[1];
            parkedOps.setAll(parked);
        });
        ctx.workstation().addListener(c -> {
            if (c != Workstation.Change.ALARMS && c != Workstation.Change.TELEMETRY) {
                refresh();
            }
        });
    }

    public void setSync(SyncState state) {
        this.sync = state;
        refresh();
    }

    /** From any thread: reads the store and pushes a snapshot through the throttle. */
    public void refresh() {
        Workstation ws = ctx.workstation();
        Instant now = ws.clock().instant();
        long pending = ws.store().read(tx -> tx.outbox().unsyncedCount());
        List<StoredOp> parked = ws.store().read(tx -> tx.outbox().parked());
        var identity = ws.identity();
        SyncState s = sync;
        String connection = !s.configured() ? "No backend configured (working offline)"
                : s.connected() ? "Connected to " + s.server() : "Offline: " + (s.error() == null ? s.server() : s.error());
        // epochs after now (predicted element sets) say nothing about how fresh the tracking data is
        Instant newestEpoch = ws.catalog().elementSets().stream().map(ElementSet::epoch)
                .filter(t -> !t.isAfter(now)).max(Instant::compareTo).orElse(null);
        String age = ws.catalog().size() == 0 ? "no catalog"
                : newestEpoch == null ? "catalog epochs all in the future"
                : "catalog data " + Formats.duration(Duration.between(newestEpoch, now)) + " old";
        updates.push(new Object[] {new Status(connection, s.connected(), identity.describe(), identity.offline(),
                s.lastSync() == null ? "never synced" : "last sync " + Formats.utcSeconds(s.lastSync()),
                pending, parked.size(), age), parked});
    }

    public ReadOnlyObjectProperty<Status> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<StoredOp> parkedOps() {
        return parkedOps;
    }
}
