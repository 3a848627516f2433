package io.astroshield.persistence;

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
 * The event queries against a brute-force answer computed in Java from all events of the window:
 * top-by-Pc merges per-hour tops, so its result must equal sorting the whole window.
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

    private List<StoredEvent> bruteForceTop(Instant from, Instant to, int limit) {
        List<StoredEvent> all = store.read(tx -> tx.conjunctionEvents().inWindow(EARLIEST, LATEST));
        return all.stream()
                .filter(e -> e.pc() != null && !e.tca().isBefore(from) && e.tca().isBefore(to))
                .sorted(Comparator.comparing(StoredEvent::pc).reversed().thenComparing(StoredEvent::tca))
                .limit(limit).toList();
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
                assertThat(top).as("window %s..%s, limit %d", w[0], w[1], limit)
                        .containsExactlyElementsOf(bruteForceTop(w[0], w[1], limit));
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
