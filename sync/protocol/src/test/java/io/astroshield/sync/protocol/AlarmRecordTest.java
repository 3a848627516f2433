package io.astroshield.sync.protocol;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How consoles' occurrences meet in shared alarm records: the rule the server and the consoles both apply. */
class AlarmRecordTest {
    private static final Instant T = Instant.parse("2026-11-22T09:00:00Z");

    private static AlarmRecord telemetry(long id, int startMin, int lastActionMin, Integer resetMin) {
        AlarmRecord.Stamp reset = resetMin == null ? null
                : new AlarmRecord.Stamp("sam", "supervisor", "c-3", at(resetMin), at(resetMin));
        return new AlarmRecord(id, "tm.BATT", "BATT_V", null, null, null, at(startMin), at(lastActionMin), 1,
                null, null, null, null, null, null, null, null, null, reset);
    }

    private static AlarmRecord conjunction(long id, Instant tca, Integer resetMin) {
        AlarmRecord.Stamp reset = resetMin == null ? null
                : new AlarmRecord.Stamp("sam", "supervisor", "c-3", at(resetMin), at(resetMin));
        return new AlarmRecord(id, "conjunction", "LIVE:1x2@" + tca, 1, 2, tca, at(0), at(5), 1, null, null, null,
                null, null, null, null, null, null, reset);
    }

    private static Instant at(int minutes) {
        return T.plusSeconds(60L * minutes);
    }

    @Test
    void aTelemetryOccurrenceBelongsToTheEpisodeItTriggeredInAndATriggerAfterTheLastActionIsANewEpisode() {
        // given an episode from 0 to 5 min (acknowledged at 5) and one from 20 to 25 min
        List<AlarmRecord> sameKey = List.of(telemetry(1, 0, 5, null), telemetry(2, 20, 25, null));
        // then
        assertThat(AlarmRecord.episodeFor(sameKey, at(0))).map(AlarmRecord::id).contains(1L);
        assertThat(AlarmRecord.episodeFor(sameKey, at(21))).map(AlarmRecord::id).contains(2L);
        // another console's occurrence of the second episode that triggered a little before the first console's
        assertThat(AlarmRecord.episodeFor(sameKey, at(19))).map(AlarmRecord::id).contains(2L);
        assertThat(AlarmRecord.episodeFor(sameKey, at(30))).isEmpty();
    }

    @Test
    void aResetRecordCoversWhatTriggeredUpToTheResetOnly() {
        List<AlarmRecord> sameKey = List.of(telemetry(1, 0, 10, 10));
        assertThat(AlarmRecord.episodeFor(sameKey, at(3))).map(AlarmRecord::id).contains(1L);
        assertThat(AlarmRecord.episodeFor(sameKey, at(11))).isEmpty();
    }

    @Test
    void aConjunctionRecordIsOnePerEventWhateverThePairsOrderWithinFiveMinutesOfTheLatestTca() {
        // given
        Instant tca = Instant.parse("2026-11-23T12:00:00Z");
        AlarmRecord open = conjunction(1, tca, null);
        // then: the window of DESIGN.md, 5 minutes either side, inclusive
        assertThat(open.sameEvent("conjunction", 2, 1, tca.plusSeconds(300))).isTrue();
        assertThat(open.sameEvent("conjunction", 1, 2, tca.minusSeconds(300))).isTrue();
        assertThat(open.sameEvent("conjunction", 1, 2, tca.plusSeconds(301))).isFalse();
        assertThat(open.sameEvent("conjunction", 1, 3, tca)).isFalse();
        // an open event covers whenever its occurrence triggered (one occurrence per event)
        assertThat(AlarmRecord.episodeFor(List.of(open), at(600))).contains(open);
        // after a reset, a later trigger in the same event is a new record
        assertThat(AlarmRecord.episodeFor(List.of(conjunction(2, tca, 10)), at(11))).isEmpty();
    }
}
