package io.astroshield.sync.client;

import io.astroshield.persistence.Store;
import io.astroshield.sync.protocol.Snapshot;
import io.astroshield.sync.protocol.Spacecraft;
import io.astroshield.sync.protocol.TelemetryData;
import io.astroshield.sync.server.ReferenceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's telemetry (in its change log and its snapshot) in the client's downloaded copy, and the snapshot a
 * client takes after a 409 read in pages: every page followed, the change log continued from the first page's
 * cursor, so that a change made while the client paged is not lost.
 */
class SnapshotPagesIT {
    /** Samples every 100 ms of server time, from a start before any run of this test. */
    private static final ReferenceServer.Simulation TELEMETRY =
            new ReferenceServer.Simulation(11, Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(100));

    private static SyncFixture fx;
    private static long demoSpacecraft;

    @BeforeAll
    static void startServerWithTelemetryThenHoldItStill() {
        fx = new SyncFixture(TELEMETRY);
        // the demo spacecraft's 4 subsystems, at least 3 ticks: 12 samples in the change log
        SyncFaultsIT.waitFor(Duration.ofSeconds(60), () -> fx.head() >= 13);
        fx.stopSimulating();
        demoSpacecraft = fx.snapshot().spacecraft().get(0).id();
    }

    @AfterAll
    static void stopServer() throws Exception {
        fx.close();
    }

    @Test
    void aClientKeepsEveryTelemetrySampleOfTheChangeLog() {
        // given the server's telemetry: the newest sample of each subsystem in its snapshot
        Snapshot server = fx.snapshot();
        Store store = fx.store("telemetry");
        SyncClient client = fx.client(store, "http://127.0.0.1:" + fx.port(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(31).withBatches(100, 5));
        // when
        client.syncOnce();
        // then: every sample is kept (at least 3 ticks of 4 subsystems), the newest equal to the server's
        assertThat(server.telemetry()).hasSize(4);
        assertThat(Mirrors.telemetry(store)).hasSizeGreaterThanOrEqualTo(12)
                .allMatch(t -> t.spacecraftId() == demoSpacecraft)
                .extracting(TelemetryData::subsystem).containsOnly("power", "thermal", "attitude", "communications");
        assertThat(Mirrors.of(store)).isEqualTo(server);
        assertThat(client.status().newestChangeAt()).containsKey("telemetry");
    }

    @Test
    void aSnapshotAfterA409ComesInPagesAndAChangeMadeWhileItPagesIsNotLost() {
        // given a client in step with the server, with notes and a disposition on a conjunction
        long conj = fx.createConjunction(demoSpacecraft, 0.8);
        Store store = fx.store("pages");
        FaultProxy proxy = fx.proxy();
        SyncClient client = fx.client(store, proxy.url(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(32).withBatches(100, 3));
        store.write(tx -> {
            client.localOps().addNote(tx, conj, "pages: first note");
            client.localOps().addNote(tx, conj, "pages: second note");
            return client.localOps().setDisposition(tx, conj, "MONITOR", 0);
        });
        client.syncOnce();
        // while it is away: the server's whole log is pruned and more changes come
        long missed = fx.createSpacecraft("PAGES-MISSED", 63_001);
        assertThat(fx.server().routes().pruneChangesBefore(fx.serverClock.instant().plusSeconds(60))).isPositive();
        long after = fx.createSpacecraft("PAGES-AFTER", 63_002);
        // and the demo spacecraft, which the first page holds, is renamed as soon as that page has been read
        AtomicInteger snapshotPages = new AtomicInteger();
        proxy.onForwarded(request -> {
            if (request.equals("GET /sync/v1/snapshot") && snapshotPages.incrementAndGet() == 1) {
                fx.renameSpacecraft(demoSpacecraft, "DEMO RENAMED WHILE PAGING");
            }
        });
        // when
        client.syncOnce();
        // then: 3 spacecraft, 1 conjunction, 2 notes, 1 disposition and 4 newest samples: 11 in pages of 3
        Snapshot mine = Mirrors.of(store);
        Snapshot server = fx.snapshot();
        assertThat(snapshotPages.get()).isEqualTo(4);
        assertThat(mine.spacecraft()).extracting(Spacecraft::id).contains(missed, after);
        assertThat(mine.spacecraft()).filteredOn(s -> s.id() == demoSpacecraft).singleElement()
                .extracting(Spacecraft::name).isEqualTo("DEMO RENAMED WHILE PAGING");
        assertThat(mine.conjunctionNotes()).hasSize(2);
        assertThat(mine.conjunctionDispositions()).singleElement()
                .satisfies(d -> assertThat(d.disposition()).isEqualTo("MONITOR"));
        assertThat(mine.telemetry()).hasSize(4);
        assertThat(mine).isEqualTo(server);
    }
}
