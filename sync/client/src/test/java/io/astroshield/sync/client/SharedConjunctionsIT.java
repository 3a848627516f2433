package io.astroshield.sync.client;

import io.astroshield.domain.alarms.UpdateSource;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.screening.EncounterKind;
import io.astroshield.persistence.screening.StoredEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The backend's conjunctions become this console's events: real server on loopback, client with its own H2 file. */
class SharedConjunctionsIT {
    private static SyncFixture fx;
    private static final Instant TCA = Instant.parse("2026-12-03T10:00:00Z");

    @BeforeAll
    static void start() {
        fx = new SyncFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        fx.close();
    }

    /**
     * Primary on the x axis moving along +y: its radial, in-track and cross-track axes are x, y and z, so a secondary
     * 0.1, 0.2 and -0.3 km away sits 100 m radial, 200 m in-track and -300 m cross-track (miss 374.17 m); velocities
     * (0, 7.5, 0) and (0, -7.5, 0.1) km/s differ by 15000.33 m/s.
     */
    private static Map<String, Object> conjunction(long primarySpacecraft, int secondaryNorad, Instant stateEpoch,
                                                   double pc) {
        return Map.of("primary_object", Map.of("id", primarySpacecraft, "state_vector", Map.of(
                        "position", List.of(7000.0, 0.0, 0.0), "velocity", List.of(0.0, 7.5, 0.0),
                        "epoch", stateEpoch.toString())),
                "secondary_object", Map.of("name", "DEBRIS", "norad_id", secondaryNorad, "state_vector", Map.of(
                        "position", List.of(7000.1, 0.2, -0.3), "velocity", List.of(0.0, -7.5, 0.1),
                        "epoch", stateEpoch.toString())),
                "tca", TCA.toString(), "miss_distance", 0.37417, "collision_probability", pc);
    }

    @Test
    void aPublishedConjunctionBecomesAnEventWithItsRtnMissAndFeedsTheAlarmsOnce() {
        // given a spacecraft (NORAD 71001) with two conjunctions on the server: one with state vectors at TCA,
        // one whose state vectors are an hour before TCA (no RTN miss at TCA can come from them)
        long sc = fx.createSpacecraft("SHARED-1", 71_001);
        long good = fx.post("/api/v1/conjunctions", conjunction(sc, 90_001, TCA, 2e-4)).get("id").asLong();
        long early = fx.post("/api/v1/conjunctions", conjunction(sc, 90_002, TCA.minusSeconds(3600), 1e-5))
                .get("id").asLong();
        Store store = fx.store("shared-conjunctions");
        SyncClient client = fx.client(store, "http://127.0.0.1:" + fx.port(), SyncFixture.VIEWER,
                SyncFixture.fastOptions(7));
        client.syncOnce();

        // when
        SharedConjunctions.Applied applied = SharedConjunctions.apply(store, Instant.parse("2026-12-01T00:00:00Z"));

        // then the first is an event of 71001 / 90001 with the published miss, Pc and the RTN worked out above (1 mm)
        assertThat(applied.updates()).singleElement().satisfies(u -> {
            assertThat(u.primaryId()).isEqualTo(71_001);
            assertThat(u.secondaryId()).isEqualTo(90_001);
            assertThat(u.pc()).isEqualTo(2e-4);
            assertThat(u.source()).isEqualTo(UpdateSource.CDM);
            assertThat(u.reference()).startsWith("backend conjunction " + good);
        });
        List<StoredEvent> events = store.read(tx -> tx.conjunctionEvents().forPair(71_001, 90_001,
                TCA.minusSeconds(60), TCA.plusSeconds(60)));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.tca()).isEqualTo(TCA);
            assertThat(e.missDistanceM()).isCloseTo(374.17, within(1e-9));
            assertThat(e.relativeSpeedMps()).isCloseTo(Math.sqrt(15_000.0 * 15_000.0 + 100.0 * 100.0), within(1e-6));
            assertThat(e.pc()).isEqualTo(2e-4);
            assertThat(e.pcMethod()).isEqualTo(SharedConjunctions.PC_METHOD);
            assertThat(e.encounter()).isEqualTo(EncounterKind.SHORT);
            assertThat(e.latest().radialM()).isCloseTo(100.0, within(1e-3));
            assertThat(e.latest().inTrackM()).isCloseTo(200.0, within(1e-3));
            assertThat(e.latest().crossTrackM()).isCloseTo(-300.0, within(1e-3));
        });
        // and the other is skipped with the reason
        assertThat(applied.skipped()).singleElement().asString()
                .startsWith("conjunction " + early + ": no state vectors of both objects at TCA");

        // when the client syncs again and the pass runs again: nothing new
        client.syncOnce();
        assertThat(SharedConjunctions.apply(store, Instant.parse("2026-12-01T00:01:00Z")).updates()).isEmpty();

        // when a newer assessment of the same event is published: one more update of the same event
        fx.post("/api/v1/conjunctions", conjunction(sc, 90_001, TCA, 5e-4));
        client.syncOnce();
        assertThat(SharedConjunctions.apply(store, Instant.parse("2026-12-01T00:02:00Z")).updates())
                .singleElement().satisfies(u -> assertThat(u.pc()).isEqualTo(5e-4));
        List<StoredEvent> after = store.read(tx -> tx.conjunctionEvents().forPair(71_001, 90_001,
                TCA.minusSeconds(60), TCA.plusSeconds(60)));
        assertThat(after).singleElement().satisfies(e -> {
                    assertThat(e.updateCount()).isEqualTo(2);
                    assertThat(e.pc()).isEqualTo(5e-4);
                });
    }
}
