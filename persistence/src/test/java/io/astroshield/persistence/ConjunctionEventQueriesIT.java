package io.astroshield.persistence;

import io.astroshield.persistence.jdbc.Jdbc;
import io.astroshield.persistence.screening.ConjunctionObservation;
import io.astroshield.persistence.screening.StoredEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event queries against independent answers: top-by-Pc merges per-hour tops, so its result
 * must equal one SQL sort of the whole window, and its Pc values those of the window's events
 * sorted in Java.
 */
class ConjunctionEventQueriesIT {

    private static final Instant START = Instant.parse("2026-11-22T00:00:00Z");
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    Path dataDir;

    private Store store;

    @BeforeEach
    void fill() {
        store = Store.open(dataDir, StoreOptions.defaults().withDurability(Durability.PROCESS_CRASH));
        Generated g = new Generated(11);
        List<ConjunctionObservation> obs = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            Instant tca = START.plusMillis((long) g.nextInt(10 * 86_400) * 1000 + g.nextInt(1000));
            obs.add(g.observation(1 + g.nextInt(30), 100 + g.nextInt(3000), tca));
        }
        store.write(tx -> tx.conjunctionEvents().record(obs, null, null, START));
        // a second round moves some events (new latest TCA and Pc), so superseded rows exist too
        List<ConjunctionObservation> again = new ArrayList<>();
        for (int i = 0; i < 4000; i += 7) {
            ConjunctionObservation o = obs.get(i);
            again.add(g.observation(o.primaryNorad(), o.secondaryNorad(), o.tca().plusSeconds(61)));
        }
        store.write(tx -> tx.conjunctionEvents().record(again, null, null, START.plusSeconds(3600)));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The reference: one plain SQL sort of the whole window (no per-hour merge), ties by row id. */
    private List<Long> sortedWindow(Instant from, Instant to, int limit) {
        return store.read(tx -> Jdbc.list(tx.connection(), "reference top-by-Pc", """
                SELECT event_id FROM conjunction_event_update
                WHERE is_latest AND pc IS NOT NULL AND tca >= ? AND tca < ?
                ORDER BY pc DESC, id
                FETCH FIRST ? ROWS ONLY
                """, ps -> {
                    Jdbc.setInstant(ps, 1, from);
                    Jdbc.setInstant(ps, 2, to);
                    ps.setInt(3, limit);
                }, rs -> rs.getLong(1)));
    }

    /** The same from the events of the window in Java: Pc order, ignoring how ties are broken. */
    private List<Double> pcsInWindow(Instant from, Instant to, int limit) {
        List<StoredEvent> all = store.read(tx -> tx.conjunctionEvents().inWindow(EARLIEST, LATEST));
        return all.stream()
                .filter(e -> e.pc() != null && !e.tca().isBefore(from) && e.tca().isBefore(to))
                .map(StoredEvent::pc).sorted(Comparator.reverseOrder()).limit(limit).toList();
    }

    @Test
    void topByPcInAWindowEqualsSortingTheWholeWindow() {
        Instant[][] windows = {
                {START.plus(Duration.ofHours(5)).plusSeconds(1234), START.plus(Duration.ofHours(29)).plusSeconds(1234)},
                {START.plusSeconds(59), START.plusSeconds(61 * 60)},
                {START.plus(Duration.ofDays(3)), START.plus(Duration.ofDays(3)).plusMillis(1)},
                {START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(20))},
        };
        for (Instant[] w : windows) {
            for (int limit : new int[] {1, 7, 100, 5000}) {
                List<StoredEvent> top = store.read(tx -> tx.conjunctionEvents().topByPc(w[0], w[1], limit));
                assertThat(top).extracting(StoredEvent::id).as("window %s..%s, limit %d", w[0], w[1], limit)
                        .containsExactlyElementsOf(sortedWindow(w[0], w[1], limit));
                assertThat(top).extracting(StoredEvent::pc).containsExactlyElementsOf(pcsInWindow(w[0], w[1], limit));
            }
        }
    }

    @Test
    void windowsAndPairsSeeOnlyEachEventsLatestState() {
        List<StoredEvent> all = store.read(tx -> tx.conjunctionEvents().inWindow(EARLIEST, LATEST));
        assertThat(all).hasSize((int) (long) store.read(tx -> tx.conjunctionEvents().count()));
        assertThat(all).extracting(StoredEvent::id).doesNotHaveDuplicates();
        StoredEvent moved = all.stream().filter(e -> e.updateCount() == 2).findFirst().orElseThrow();
        List<StoredEvent> pair = store.read(tx -> tx.conjunctionEvents().forPair(moved.primaryNorad(),
                moved.secondaryNorad(), moved.tca().minusSeconds(1), moved.tca().plusSeconds(1)));
        assertThat(pair).contains(moved);
        List<io.astroshield.persistence.screening.StoredUpdate> trend =
                store.read(tx -> tx.conjunctionEvents().trend(moved.id()));
        assertThat(trend).hasSize(2);
    }

    @Test
    void closingPastEventsClosesOnlyOpenEventsBeforeTheCutoff() {
        Instant cutoff = START.plus(Duration.ofDays(4));
        int closed = store.write(tx -> tx.conjunctionEvents().closePast(cutoff, cutoff));
        List<StoredEvent> all = store.read(tx -> tx.conjunctionEvents().inWindow(EARLIEST, LATEST));
        assertThat(closed).isEqualTo((int) all.stream().filter(e -> e.tca().isBefore(cutoff)).count());
        assertThat(all).allSatisfy(e -> assertThat(e.closedAt() != null).isEqualTo(e.tca().isBefore(cutoff)));
        int closedAgain = store.write(tx -> tx.conjunctionEvents().closePast(cutoff, cutoff));
        assertThat(closedAgain).isZero();
    }
}
