package io.astroshield.sync.client;

import io.astroshield.persistence.Store;
import io.astroshield.persistence.sync.MirrorRow;
import io.astroshield.persistence.sync.OutboxOp;
import io.astroshield.persistence.sync.OutboxStatus;
import io.astroshield.persistence.sync.StoredOp;
import io.astroshield.sync.protocol.ConjunctionNote;
import io.astroshield.sync.protocol.Snapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each fault the issue names, injected between a real client and the real server; one effect per op throughout. */
class SyncFaultsIT {
    private static final Logger LOG = LoggerFactory.getLogger(SyncFaultsIT.class);
    private static SyncFixture fx;
    private static long conjunction;

    @BeforeAll
    static void start() {
        fx = new SyncFixture();
        conjunction = fx.createConjunction(fx.createSpacecraft("FAULTS", 60_000), 0.8);
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    @Test
    void aConnectionCutAfterTheServerCommittedIsRetriedAsDuplicateWithOneEffect() {
        // given: the first upload reaches the server, which commits; its answer never comes back
        FaultProxy proxy = fx.proxy();
        proxy.inject("POST", "/sync/v1/upload", FaultProxy.Fault.DROP_RESPONSE, 1);
        Store store = fx.store("cut");
        SyncClient client = fx.client(store, proxy.url(), SyncFixture.OPERATOR, SyncFixture.fastOptions(11));
        String text = "cut: note sent once, answered twice";
        store.write(tx -> client.localOps().addNote(tx, conjunction, text));
        // when
        assertThatThrownBy(client::syncOnce).isInstanceOfSatisfying(SyncException.class,
                e -> assertThat(e.kind()).isEqualTo(SyncException.Kind.TRANSIENT));
        assertThat(client.status().connected()).isFalse();
        syncUntilQuiet(client);
        // then
        assertThat(SyncClientIT.outbox(store)).singleElement().satisfies(op -> {
            assertThat(op.status()).isEqualTo(OutboxStatus.DUPLICATE);
            assertThat(op.lastError()).startsWith("already processed: APPLIED");
        });
        assertThat(notesOnServer(text)).isEqualTo(1);
        assertThat(Mirrors.of(store)).isEqualTo(fx.snapshot());
    }

    @Test
    void aRejectionWhoseAnswerWasLostStaysARejectionWithItsReasonWhenTheRetryIsADuplicate() {
        // given: a note on a conjunction the server does not know; the answer (REJECTED) never comes back
        FaultProxy proxy = fx.proxy();
        proxy.inject("POST", "/sync/v1/upload", FaultProxy.Fault.DROP_RESPONSE, 1);
        Store store = fx.store("lost-rejection");
        SyncClient client = fx.client(store, proxy.url(), SyncFixture.OPERATOR, SyncFixture.fastOptions(21));
        store.write(tx -> client.localOps().addNote(tx, 987_654_321L, "lost rejection"));
        // when
        syncUntilQuiet(client);
        // then: the server answered the retry DUPLICATE (of REJECTED); the client shows the rejection
        assertThat(SyncClientIT.outbox(store)).singleElement().satisfies(op -> {
            assertThat(op.status()).isEqualTo(OutboxStatus.REJECTED);
            assertThat(op.lastError()).startsWith("conjunction_id: is not a known conjunction");
        });
        assertThat(client.status().rejected()).isEqualTo(1);
    }

    @Test
    void fiveHundredsAndATimeoutAreRetriedWithBackoffUntilTheOpGoesThroughOnce() {
        // given: two 5xx answers, then a stalled answer (the server commits, the client times out)
        FaultProxy proxy = fx.proxy();
        proxy.inject("POST", "/sync/v1/upload", FaultProxy.Fault.SERVICE_UNAVAILABLE, 1);
        proxy.inject("POST", "/sync/v1/upload", FaultProxy.Fault.INTERNAL_ERROR, 1);
        proxy.inject("POST", "/sync/v1/upload", FaultProxy.Fault.STALL, 1);
        proxy.inject("GET", "/sync/v1/changes", FaultProxy.Fault.STALL, 1);
        proxy.stallFor(Duration.ofSeconds(3));
        Store store = fx.store("5xx");
        SyncClient client = fx.client(store, proxy.url(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(12).withCallTimeout(Duration.ofSeconds(1)));
        String text = "5xx: survives 503, 500 and a timeout";
        store.write(tx -> client.localOps().addNote(tx, conjunction, text));
        // when
        int failures = syncUntilQuiet(client);
        // then: four failed rounds (503, 500, upload timeout, download timeout), one effect
        assertThat(failures).isEqualTo(4);
        assertThat(SyncClientIT.outbox(store)).singleElement().satisfies(op -> {
            assertThat(op.status()).isEqualTo(OutboxStatus.DUPLICATE);
            assertThat(op.attempts()).isEqualTo(4);
        });
        assertThat(notesOnServer(text)).isEqualTo(1);
        assertThat(Mirrors.of(store)).isEqualTo(fx.snapshot());
    }

    @Test
    void anOpWaitingToBeRetriedHoldsBackTheOpsQueuedAfterItSoTheServerAppliesThemInOrder() {
        // given: the first upload fails with 503, so the first note waits for its retry (backoff 1 to 2 s)
        FaultProxy proxy = fx.proxy();
        proxy.inject("POST", "/sync/v1/upload", FaultProxy.Fault.SERVICE_UNAVAILABLE, 1);
        Store store = fx.store("order");
        SyncClient client = fx.client(store, proxy.url(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(20).withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(4)));
        store.write(tx -> client.localOps().addNote(tx, conjunction, "order: first"));
        assertThatThrownBy(client::syncOnce).isInstanceOf(SyncException.class);
        AtomicInteger uploads = new AtomicInteger();
        proxy.onForwarded(request -> {
            if (request.equals("POST /sync/v1/upload")) {
                uploads.incrementAndGet();
            }
        });
        // when a second note is queued and a sync runs before the first one's retry time
        store.write(tx -> client.localOps().addNote(tx, conjunction, "order: second"));
        client.syncOnce();
        // then nothing was uploaded (only the download went through), and later both go, in queue order
        assertThat(SyncClientIT.outbox(store)).extracting(StoredOp::status)
                .containsExactly(OutboxStatus.PENDING, OutboxStatus.PENDING);
        assertThat(uploads.get()).isZero();
        syncUntilQuiet(client);
        List<ConjunctionNote> mine = fx.snapshot().conjunctionNotes().stream()
                .filter(n -> n.text().startsWith("order: ")).toList();
        assertThat(mine).extracting(ConjunctionNote::text).containsExactly("order: first", "order: second");
        assertThat(mine.get(0).id()).isLessThan(mine.get(1).id());
    }

    @Test
    void anOpThatKeepsFailingIsParkedAndShownAndTheOpsAfterItStillGo() {
        // given: at most 2 attempts; the server is unavailable twice; then an op the server cannot parse
        FaultProxy proxy = fx.proxy();
        proxy.inject("POST", "/sync/v1/upload", FaultProxy.Fault.SERVICE_UNAVAILABLE, 2);
        Store store = fx.store("park");
        SyncClient client = fx.client(store, proxy.url(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(13).withMaxAttempts(2));
        store.write(tx -> client.localOps().addNote(tx, conjunction, "park: unlucky"));
        // when
        int failures = syncUntilQuiet(client);
        store.write(tx -> {
            // an op id the server's rules refuse (spaces): its answer is a 400 for the whole upload
            tx.outbox().enqueue(new OutboxOp(client.localOps().deviceId(), "not a valid op id", "conjunction.note",
                    "{\"conjunction_id\":" + conjunction + ",\"text\":\"park: malformed\"}", Instant.now()));
            return client.localOps().addNote(tx, conjunction, "park: goes through");
        });
        syncUntilQuiet(client);
        // then
        assertThat(failures).isEqualTo(2);
        List<StoredOp> ops = SyncClientIT.outbox(store);
        assertThat(ops).extracting(StoredOp::status)
                .containsExactly(OutboxStatus.PARKED, OutboxStatus.PARKED, OutboxStatus.APPLIED);
        assertThat(ops.get(0).lastError()).contains("failed 2 times").contains("503");
        assertThat(ops.get(1).lastError()).contains("not understood").contains("400");
        assertThat(client.status().parked()).isEqualTo(2);
        assertThat(client.status().pending()).isZero();
        assertThat(notesOnServer("park: unlucky")).isZero();
        assertThat(notesOnServer("park: goes through")).isEqualTo(1);
    }

    @Test
    void theServerKilledAndRestartedMidSyncLosesAndDoublesNothing() throws Exception {
        // given: 600 queued notes going up in batches of 20 through the background loop
        FaultProxy proxy = fx.proxy();
        Store store = fx.store("restart");
        SyncClient client = fx.client(store, proxy.url(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(14).withBatches(20, 50).withLiveStream(false).withMaxAttempts(1000));
        int n = 600;
        store.write(tx -> {
            for (int i = 0; i < n; i++) {
                client.localOps().addNote(tx, conjunction, "restart: note " + i);
            }
            return null;
        });
        AtomicInteger uploads = new AtomicInteger();
        Thread killer = new Thread(fx::stopServer, "kill-server");
        proxy.onForwarded(request -> {
            // stop the server while the upload is under way (after the 5th of 30 batches was answered)
            if (request.equals("POST /sync/v1/upload") && uploads.incrementAndGet() == 5) {
                killer.start();
            }
        });
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            // when
            client.start(scheduler);
            waitFor(Duration.ofSeconds(60), () -> killer.isAlive() || uploads.get() >= 5);
            killer.join(60_000);
            waitFor(Duration.ofSeconds(60), () -> !client.status().connected());
            long pendingWhileDown = client.status().pending();
            fx.start();
            waitFor(Duration.ofSeconds(120), () -> client.status().pending() == 0
                    && client.status().cursor() == fx.head());
            // then
            assertThat(pendingWhileDown).isPositive().isLessThan(n);
            assertThat(SyncClientIT.outbox(store)).extracting(StoredOp::status)
                    .allMatch(s -> s == OutboxStatus.APPLIED || s == OutboxStatus.DUPLICATE).hasSize(n);
            Map<String, Long> perText = fx.snapshot().conjunctionNotes().stream()
                    .filter(x -> x.text().startsWith("restart: "))
                    .collect(Collectors.groupingBy(ConjunctionNote::text, Collectors.counting()));
            assertThat(perText).hasSize(n).allSatisfy((text, count) -> assertThat(count).as(text).isEqualTo(1));
            assertThat(Mirrors.of(store)).isEqualTo(fx.snapshot());
        } finally {
            client.stop();
            scheduler.shutdownNow();
        }
    }

    @Test
    void anExpiredTokenMidUploadIsReplacedBySigningInAgainAndNoOpIsLostOrDoubled() {
        // given: a client signed in; 50 notes going up in batches of 10
        FaultProxy proxy = fx.proxy();
        Store store = fx.store("token");
        SyncClient client = fx.client(store, proxy.url(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(15).withBatches(10, 100));
        client.syncOnce();
        store.write(tx -> {
            for (int i = 0; i < 50; i++) {
                client.localOps().addNote(tx, conjunction, "token: note " + i);
            }
            return null;
        });
        AtomicInteger uploads = new AtomicInteger();
        proxy.onForwarded(request -> {
            if (request.equals("POST /sync/v1/upload") && uploads.incrementAndGet() == 2) {
                // after the second batch the server's time jumps past the token's one-hour lifetime
                fx.advanceServerClock(Duration.ofHours(2));
            }
        });
        // when
        SyncClient.Result r = client.syncOnce();
        // then: the third batch got 401, the client signed in again and went on within the same sync
        assertThat(r.applied()).isEqualTo(50);
        assertThat(SyncClientIT.outbox(store)).extracting(StoredOp::status).containsOnly(OutboxStatus.APPLIED);
        for (int i = 0; i < 50; i++) {
            assertThat(notesOnServer("token: note " + i)).isEqualTo(1);
        }
        assertThat(uploads.get()).isEqualTo(6); // 5 batches + the third one again
    }

    @Test
    void aClientStoppedMidPageKeepsCursorAndDataTogether() {
        // given: a client at the head of the log, then 30 changes; pages of 20; it dies after the 25th row it applies
        Store store = fx.store("mid-page");
        fx.client(store, "http://127.0.0.1:" + fx.port(), SyncFixture.OPERATOR, SyncFixture.fastOptions(19)).syncOnce();
        for (int i = 0; i < 30; i++) {
            fx.createSpacecraft("PAGE-" + i, 61_000 + i);
        }
        AtomicInteger applied = new AtomicInteger();
        SyncClient dying = fx.client(store, "http://127.0.0.1:" + fx.port(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(16).withBatches(1000, 20).withChangeHook(change -> {
                    if (applied.incrementAndGet() == 25) {
                        throw new IllegalStateException("killed mid-page");
                    }
                }));
        // when
        assertThatThrownBy(dying::syncOnce).hasMessage("killed mid-page");
        // then: exactly the first page is stored, with its cursor
        long cursor = dying.status().cursor();
        List<MirrorRow> rows = store.read(tx -> List.of(tx.syncMirror().all("spacecraft"), tx.syncMirror().all("conjunction"),
                tx.syncMirror().all("conjunction_note"), tx.syncMirror().all("conjunction_disposition")))
                .stream().flatMap(List::stream).toList();
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.changeSeq()).isLessThanOrEqualTo(cursor));
        assertThat(rows.stream().mapToLong(MirrorRow::changeSeq).max().orElseThrow()).isEqualTo(cursor);
        assertThat(rows).filteredOn(row -> row.entity().equals("spacecraft"))
                .filteredOn(row -> row.payload().contains("\"PAGE-")).hasSize(20);
        assertThat(cursor).isEqualTo(fx.head() - 10);
        // and a restarted client goes on from there to the server's state
        SyncClient restarted = fx.client(store, "http://127.0.0.1:" + fx.port(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(17).withBatches(1000, 20));
        restarted.syncOnce();
        assertThat(Mirrors.of(store)).isEqualTo(fx.snapshot());
    }

    @Test
    void aCursorOlderThanTheRetainedLogGetsASnapshotAndNoGap() {
        // given: a client in step with the server
        Store store = fx.store("retention");
        SyncClient client = fx.client(store, "http://127.0.0.1:" + fx.port(), SyncFixture.OPERATOR,
                SyncFixture.fastOptions(18));
        client.syncOnce();
        long before = client.status().cursor();
        // while it is away: changes it misses, then the server prunes its whole log, then more changes
        long missed = fx.createSpacecraft("RETENTION-MISSED", 62_001);
        int pruned = fx.server().routes().pruneChangesBefore(fx.serverClock.instant().plusSeconds(60));
        long after = fx.createSpacecraft("RETENTION-AFTER", 62_002);
        // when
        SyncClient.Result r = client.syncOnce();
        // then
        Snapshot mine = Mirrors.of(store);
        assertThat(pruned).isPositive();
        assertThat(r.downloaded()).isGreaterThan(1);
        assertThat(mine.spacecraft()).anyMatch(s -> s.id() == missed).anyMatch(s -> s.id() == after);
        assertThat(mine.cursor()).isGreaterThan(before);
        assertThat(mine).isEqualTo(fx.snapshot());
    }

    /** Syncs until a sync succeeds with nothing left pending; returns how many failed on the way. */
    private static int syncUntilQuiet(SyncClient client) {
        int failures = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                client.syncOnce();
                if (client.status().pending() == 0) {
                    return failures;
                }
            } catch (SyncException e) {
                failures++;
                LOG.info("sync failed as the test intends: {}", e.getMessage());
            }
            sleep(50);
        }
        throw new AssertionError("the client did not get quiet within 60 s: " + client.status());
    }

    private static long notesOnServer(String text) {
        return fx.snapshot().conjunctionNotes().stream().filter(n -> n.text().equals(text)).count();
    }

    static void waitFor(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            sleep(20);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
