package io.astroshield.sync.client;

import io.astroshield.persistence.Store;
import io.astroshield.persistence.sync.OutboxStatus;
import io.astroshield.persistence.sync.StoredOp;
import io.astroshield.sync.protocol.ConjunctionDisposition;
import io.astroshield.sync.protocol.ConjunctionNote;
import io.astroshield.sync.protocol.Snapshot;
import io.astroshield.sync.protocol.SpacecraftCreate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against the real server: read-your-writes, the op types' rules, permissions, status. */
class SyncClientIT {
    private static SyncFixture fx;

    @BeforeAll
    static void start() {
        fx = new SyncFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void aQueuedNoteIsUploadedOnceAndComesBackInTheDownloadedCopy() {
        // given a conjunction on the server and a client that has not synced yet
        long sc = fx.createSpacecraft("RYW-1", 70_001);
        long conj = fx.createConjunction(sc, 1.5);
        Store store = fx.store("ryw");
        SyncClient client = fx.client(store, "http://127.0.0.1:" + fx.port(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(1));
        String opId = store.write(tx -> client.localOps().addNote(tx, conj, "ryw: watch the Pc trend"));
        // when
        SyncClient.Result r = client.syncOnce();
        // then: the op was applied and the note is in the local copy, by the signed-in user
        assertThat(r.applied()).isEqualTo(1);
        assertThat(outbox(store)).singleElement().satisfies(op -> {
            assertThat(op.op().opId()).isEqualTo(opId);
            assertThat(op.status()).isEqualTo(OutboxStatus.APPLIED);
        });
        List<ConjunctionNote> notes = Mirrors.of(store).conjunctionNotes().stream()
                .filter(n -> n.conjunctionId() == conj).toList();
        assertThat(notes).singleElement().satisfies(n -> {
            assertThat(n.text()).isEqualTo("ryw: watch the Pc trend");
            assertThat(n.author()).isEqualTo(SyncFixture.OPERATOR);
        });
        assertThat(Mirrors.of(store)).isEqualTo(fx.snapshot());
        SyncStatus s = client.status();
        assertThat(s.connected()).isTrue();
        assertThat(s.user()).isEqualTo(SyncFixture.OPERATOR);
        assertThat(s.role()).isEqualTo("operator");
        assertThat(s.pending()).isZero();
        assertThat(s.lastSync()).isNotNull();
        assertThat(s.newestChangeAt()).containsKeys("spacecraft", "conjunction", "conjunction_note");
    }

    @Test
    void aDispositionSetFromAStaleVersionIsRejectedAndDoesNotBlockTheOpsAfterIt() {
        // given two consoles that both saw no disposition on the conjunction
        long sc = fx.createSpacecraft("DISP-1", 70_011);
        long conj = fx.createConjunction(sc, 0.4);
        Store a = fx.store("disp-a");
        Store b = fx.store("disp-b");
        SyncClient ca = fx.client(a, "http://127.0.0.1:" + fx.port(), SyncFixture.OPERATOR, SyncFixture.fastOptions(2));
        SyncClient cb = fx.client(b, "http://127.0.0.1:" + fx.port(), SyncFixture.OPERATOR, SyncFixture.fastOptions(3));
        a.write(tx -> ca.localOps().setDisposition(tx, conj, "MITIGATE", 0));
        b.write(tx -> {
            cb.localOps().setDisposition(tx, conj, "NO_ACTION", 0);
            return cb.localOps().addNote(tx, conj, "disp: b's note after its stale disposition");
        });
        // when a syncs first, then b
        ca.syncOnce();
        SyncClient.Result rb = cb.syncOnce();
        // then b's disposition is refused as stale, visibly, and its note behind it went through
        assertThat(rb.rejected()).isEqualTo(1);
        assertThat(rb.applied()).isEqualTo(1);
        List<StoredOp> bOps = outbox(b);
        assertThat(bOps.get(0).status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(bOps.get(0).lastError()).contains("stale version");
        assertThat(bOps.get(1).status()).isEqualTo(OutboxStatus.APPLIED);
        assertThat(cb.status().rejected()).isEqualTo(1);
        ConjunctionDisposition d = Mirrors.of(b).conjunctionDispositions().stream()
                .filter(x -> x.conjunctionId() == conj).findFirst().orElseThrow();
        assertThat(d.disposition()).isEqualTo("MITIGATE");
        assertThat(d.version()).isEqualTo(1);
        // and b can set it once it has seen version 1
        b.write(tx -> cb.localOps().setDisposition(tx, conj, "CLOSED", d.version()));
        assertThat(cb.syncOnce().applied()).isEqualTo(1);
        ca.syncOnce();
        assertThat(Mirrors.of(a).conjunctionDispositions()).filteredOn(x -> x.conjunctionId() == conj)
                .singleElement().satisfies(x -> {
                    assertThat(x.disposition()).isEqualTo("CLOSED");
                    assertThat(x.version()).isEqualTo(2);
                });
    }

    @Test
    void aViewersOpsAreRejectedAtApplyTimeAndTheViewerStillDownloads() {
        // given
        long sc = fx.createSpacecraft("VIEW-1", 70_021);
        long conj = fx.createConjunction(sc, 2.0);
        Store store = fx.store("viewer");
        SyncClient client = fx.client(store, "http://127.0.0.1:" + fx.port(), SyncFixture.VIEWER,
                SyncFixture.fastOptions(4));
        store.write(tx -> {
            client.localOps().addNote(tx, conj, "viewer: may not write");
            return client.localOps().createSpacecraft(tx, new SpacecraftCreate("VIEW-2", 70_022, "active", "LEO",
                    null, null, null));
        });
        // when
        SyncClient.Result r = client.syncOnce();
        // then
        assertThat(r.rejected()).isEqualTo(2);
        assertThat(outbox(store)).allSatisfy(op -> {
            assertThat(op.status()).isEqualTo(OutboxStatus.REJECTED);
            assertThat(op.lastError()).contains("viewer");
        });
        Snapshot server = fx.snapshot();
        assertThat(server.spacecraft()).noneMatch(s -> s.noradId() == 70_022);
        assertThat(server.conjunctionNotes()).noneMatch(n -> n.text().startsWith("viewer:"));
        assertThat(Mirrors.of(store)).isEqualTo(server);
        assertThat(client.status().role()).isEqualTo("viewer");
    }

    @Test
    void aNoteOnAConjunctionTheServerDoesNotKnowIsRejectedAndLeavesNoTrace() {
        // given
        Store store = fx.store("unknown-conjunction");
        SyncClient client = fx.client(store, "http://127.0.0.1:" + fx.port(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(6));
        store.write(tx -> client.localOps().addNote(tx, 987_654_321L, "unknown: nobody reads this"));
        // when
        SyncClient.Result r = client.syncOnce();
        // then
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(outbox(store)).singleElement()
                .satisfies(op -> assertThat(op.lastError()).contains("conjunction_id").contains("not a known conjunction"));
        assertThat(fx.snapshot().conjunctionNotes()).noneMatch(n -> n.text().startsWith("unknown:"));
    }

    @Test
    void aWrongPasswordIsReportedAsUnauthorizedAndNothingIsMarkedSent() {
        // given
        Store store = fx.store("wrong-password");
        SyncClient client = new SyncClient(store, "http://127.0.0.1:" + fx.port(),
                new Credentials(SyncFixture.OPERATOR, "not the password"::toCharArray), SyncFixture.fastOptions(5));
        store.write(tx -> client.localOps().addNote(tx, 1, "never sent"));
        // when / then
        try (client) {
            assertThatThrownBy(client::syncOnce).isInstanceOfSatisfying(SyncException.class,
                    e -> assertThat(e.kind()).isEqualTo(SyncException.Kind.UNAUTHORIZED));
            assertThat(client.status().pending()).isEqualTo(1);
            assertThat(client.status().lastError()).doesNotContain("not the password");
        }
    }

    static List<StoredOp> outbox(Store store) {
        return store.read(tx -> tx.outbox().all());
    }
}
