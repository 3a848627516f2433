package io.astroshield.app.telemetry;

import io.astroshield.app.workstation.Workstation;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.AlarmState;
import io.astroshield.domain.alarms.Annunciator;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.Severity;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.persistence.StoreOptions;
import io.astroshield.persistence.telemetry.LimitSetRow;
import io.astroshield.persistence.telemetry.TelemetrySampleRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryFeedTest {

    /** 06:00Z is a multiple of 6 h since the epoch: the demo's attitude-error spike starts here (DemoSpacecraft). */
    private static final Instant SPIKE = Instant.parse("2026-11-22T06:00:00Z");

    @TempDir
    Path dir;

    private final List<Workstation> opened = new ArrayList<>();

    private Workstation open(Path data, MovableClock clock) {
        Workstation ws = Workstation.open(data, StoreOptions.defaults(), ReferenceData.builtIn(), clock,
                Annunciator.SILENT);
        opened.add(ws);
        return ws;
    }

    @AfterEach
    void close() {
        opened.forEach(Workstation::close);
    }

    @Test
    void demoInstallStoresTwoHoursOfTheSameValuesInEveryStore() {
        // given two stores and the same install time
        Instant now = Instant.parse("2026-11-22T05:30:00.400Z");
        Workstation a = open(dir.resolve("a"), new MovableClock(now));
        Workstation b = open(dir.resolve("b"), new MovableClock(now));

        // when
        TelemetryFeed.installDemo(a.store(), now);
        TelemetryFeed.installDemo(b.store(), now);

        // then: 7200 whole seconds before 05:30:00 per parameter, equal to the model and to each other
        for (DemoSpacecraft.Parameter p : DemoSpacecraft.PARAMETERS) {
            List<TelemetrySampleRow> inA = new TelemetryFeed(a).history(p, now.minus(Duration.ofHours(3)), now);
            List<TelemetrySampleRow> inB = new TelemetryFeed(b).history(p, now.minus(Duration.ofHours(3)), now);
            assertThat(inA).hasSize(7200);
            assertThat(inA.get(0).sampleTime()).isEqualTo(Instant.parse("2026-11-22T03:30:00Z"));
            assertThat(inA.get(7199).sampleTime()).isEqualTo(Instant.parse("2026-11-22T05:29:59Z"));
            for (int i = 0; i < inA.size(); i++) {
                assertThat(inA.get(i).value()).isEqualTo(DemoSpacecraft.value(p, inA.get(i).sampleTime()))
                        .isEqualTo(inB.get(i).value());
            }
        }
    }

    @Test
    void demoInstallTwiceKeepsOneLimitSetPerParameter() {
        Instant now = Instant.parse("2026-11-22T05:30:00Z");
        Workstation ws = open(dir, new MovableClock(now));

        TelemetryFeed.installDemo(ws.store(), now);

        ws.reloadAlarmConfiguration();
        TelemetryFeed.installDemo(ws.store(), now.plusSeconds(60));
        ws.reloadAlarmConfiguration();

        List<LimitSetRow> history = ws.store().read(tx -> tx.telemetry().limitHistory(DemoSpacecraft.SPACECRAFT_ID,
                "BATT_V"));
        assertThat(history).hasSize(1);
        assertThat(new TelemetryFeed(ws).storedLimits(DemoSpacecraft.BATTERY_VOLTAGE, now))
                .contains(DemoSpacecraft.BATTERY_VOLTAGE.limits());
    }

    @Test
    void feedSamplesNothingBeforeTheDemoSpacecraftExists() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-22T05:30:00Z"));
        TelemetryFeed feed = new TelemetryFeed(open(dir, clock));

        assertThat(feed.tick()).isEmpty();
    }

    @Test
    void eachSecondIsSampledStoredAndDeliveredOnce() {
        // given the demo installed at 05:30:00 and a listener
        MovableClock clock = new MovableClock(Instant.parse("2026-11-22T05:30:00Z"));
        Workstation ws = open(dir, clock);
        TelemetryFeed.installDemo(ws.store(), clock.instant());
        ws.reloadAlarmConfiguration();
        TelemetryFeed feed = new TelemetryFeed(ws);
        List<TelemetryFeed.Tick> heard = new ArrayList<>();
        feed.addListener(heard::add);

        // when the clock moves 3.7 s and the feed steps twice
        clock.advance(Duration.ofMillis(3_700));
        TelemetryFeed.Tick tick = feed.tick().orElseThrow();
        boolean again = feed.tick().isPresent();

        // then the seconds 05:30:00 .. 05:30:03 were sampled once each, stored, heard, and not again
        assertThat(again).isFalse();
        assertThat(heard).containsExactly(tick);
        assertThat(tick.samples()).hasSize(4 * DemoSpacecraft.PARAMETERS.size());
        assertThat(tick.readings()).hasSize(DemoSpacecraft.PARAMETERS.size())
                .allMatch(r -> r.sampledAt().equals(Instant.parse("2026-11-22T05:30:03Z")));
        List<TelemetrySampleRow> stored = feed.history(DemoSpacecraft.LINK_MARGIN,
                Instant.parse("2026-11-22T05:29:58Z"), Instant.parse("2026-11-22T05:31:00Z"));
        assertThat(stored).extracting(TelemetrySampleRow::sampleTime).containsExactly(
                Instant.parse("2026-11-22T05:29:58Z"), Instant.parse("2026-11-22T05:29:59Z"),
                Instant.parse("2026-11-22T05:30:00Z"), Instant.parse("2026-11-22T05:30:01Z"),
                Instant.parse("2026-11-22T05:30:02Z"), Instant.parse("2026-11-22T05:30:03Z"));
        Optional<Instant> delivered = ws.alarms(e -> e.watchdog().lastDelivery(DemoSpacecraft.FEED));
        assertThat(delivered).contains(clock.instant());
    }

    @Test
    void attitudeSpikeRaisesAnUnacknowledgedWarning() {
        // given the demo at the start of the 6-hourly momentum dump
        MovableClock clock = new MovableClock(SPIKE);
        Workstation ws = open(dir, clock);
        TelemetryFeed.installDemo(ws.store(), clock.instant());
        ws.reloadAlarmConfiguration();
        TelemetryFeed feed = new TelemetryFeed(ws);
        feed.tick();

        // when the dump peaks 120 s in: 0.03 + 0.7 deg, above the 0.5 deg yellow limit, below the 1.0 deg red one
        clock.advance(Duration.ofSeconds(120));
        TelemetryFeed.Tick tick = feed.tick().orElseThrow();

        // then the reading and the engine's live occurrence say WARNING, unacknowledged
        TelemetryFeed.Reading att = tick.readings().stream()
                .filter(r -> r.parameter() == DemoSpacecraft.ATTITUDE_ERROR).findFirst().orElseThrow();
        assertThat(att.value()).isBetween(0.5, 1.0);
        assertThat(att.severity()).isEqualTo(Severity.WARNING);
        assertThat(att.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        List<AlarmOccurrence> open = ws.alarms(e -> e.openOccurrences());
        assertThat(open.stream()
                .filter(o -> o.key().subject().equals("ATT_ERR") && o.key().origin() == DataOrigin.LIVE))
                .singleElement().satisfies(o -> assertThat(o.severity()).isEqualTo(Severity.WARNING));
    }

    @Test
    void aRestartFillsTheGapFromTheModelAndASuspendedFeedLosesItsSeconds() {
        // given a store whose last sample is from 05:30:00 and a feed started ten minutes later
        MovableClock clock = new MovableClock(Instant.parse("2026-11-22T05:30:00Z"));
        Workstation ws = open(dir, clock);
        TelemetryFeed.installDemo(ws.store(), clock.instant());
        ws.reloadAlarmConfiguration();
        clock.advance(Duration.ofMinutes(10));
        TelemetryFeed feed = new TelemetryFeed(ws);

        // when it steps, is suspended for 20 s, resumes and steps again
        TelemetryFeed.Tick filled = feed.tick().orElseThrow();
        feed.suspend();
        clock.advance(Duration.ofSeconds(20));
        assertThat(feed.tick()).isEmpty();
        feed.resume();
        clock.advance(Duration.ofSeconds(1));
        TelemetryFeed.Tick after = feed.tick().orElseThrow();

        // then the gap's 601 seconds (05:30:00 .. 05:40:00) were filled; the 19 silent seconds before the resume
        // at 05:40:20 stay missing; sampling goes on from the resume's second
        assertThat(filled.samples()).hasSize(601 * DemoSpacecraft.PARAMETERS.size());
        assertThat(after.samples()).extracting(s -> s.sampledAt()).containsOnly(
                Instant.parse("2026-11-22T05:40:20Z"), Instant.parse("2026-11-22T05:40:21Z"));
        Instant lossStart = Instant.parse("2026-11-22T05:40:01Z");
        assertThat(feed.history(DemoSpacecraft.BATTERY_VOLTAGE, lossStart, lossStart.plusSeconds(19))).isEmpty();
    }
}
