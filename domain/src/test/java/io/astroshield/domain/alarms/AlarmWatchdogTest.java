package io.astroshield.domain.alarms;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.astroshield.domain.alarms.AlarmFixtures.DEVICE;
import static io.astroshield.domain.alarms.AlarmFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Watchdog alarms on feeds that stop delivering, the evaluator included. */
class AlarmWatchdogTest {

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryAlarmStore store = new InMemoryAlarmStore();

    private AlarmEngine engine(AlarmDefinition... watchdogs) {
        AlarmConfiguration.Builder b = AlarmConfiguration.builder(DEVICE);
        for (AlarmDefinition d : watchdogs) {
            b.define(d);
        }
        return AlarmEngine.start(b.build(), clock, store);
    }

    private void at(double secondsAfterT0) {
        clock.advanceSeconds(secondsAfterT0 - (clock.instant().toEpochMilli() - T0.toEpochMilli()) / 1e3);
    }

    @Test
    void stoppedFeedRaisesWatchdog() {
        // given a telemetry feed expected at least every 10 s
        AlarmEngine engine = engine(AlarmDefinition.watchdog("wd.tm", "telemetry", Duration.ofSeconds(10), Severity.DISTRESS));
        AlarmKey key = new AlarmKey("wd.tm", "telemetry", DataOrigin.LIVE);
        at(1);
        engine.watchdog().delivered("telemetry");
        at(5);
        engine.tick();
        at(11);
        engine.tick();
        assertThat(engine.occurrence(key)).as("silent for exactly 10 s is still on time").isEmpty();

        // when it stays silent past its period
        at(12);
        engine.tick();

        // then the watchdog alarm is raised, valued with the silence in seconds
        AlarmOccurrence raised = engine.occurrence(key).orElseThrow();
        assertThat(raised.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(raised.severity()).isEqualTo(Severity.DISTRESS);
        assertThat(raised.source()).isEqualTo(AlarmSource.WATCHDOG);
        assertThat(raised.triggerValue()).isCloseTo(11.0, within(1e-9));
        assertThat(engine.watchdog().silentFeeds(clock.instant())).containsExactly("telemetry");

        // when it delivers again, the next tick returns the alarm to normal (unacknowledged)
        at(13);
        engine.watchdog().delivered("telemetry");
        at(14);
        engine.tick();
        assertThat(engine.occurrence(key).orElseThrow().state()).isEqualTo(AlarmState.UNACK_RTN);
        assertThat(engine.watchdog().silentFeeds(clock.instant())).isEmpty();
    }

    @Test
    void feedThatNeverDeliversIsSilentFromTheEngineStart() {
        AlarmEngine engine = engine(AlarmDefinition.watchdog("wd.sync", "sync", Duration.ofMinutes(5), Severity.WARNING));
        at(301);
        engine.tick();
        assertThat(engine.occurrence(new AlarmKey("wd.sync", "sync", DataOrigin.LIVE))).isPresent();
    }

    @Test
    void stalledEvaluatorRaisesItsOwnWatchdogWhenItResumes() {
        // given the evaluator expected to tick at least every 5 s
        AlarmEngine engine = engine(AlarmDefinition.watchdog("wd.eval", FeedWatchdog.EVALUATOR, Duration.ofSeconds(5),
                Severity.CRITICAL));
        AlarmKey key = new AlarmKey("wd.eval", FeedWatchdog.EVALUATOR, DataOrigin.LIVE);
        for (int s = 1; s <= 3; s++) {
            at(s);
            engine.tick();
        }
        assertThat(engine.openOccurrences()).isEmpty();

        // while it is stalled another thread (the UI timer) sees it silent without ticking it
        at(10);
        assertThat(engine.watchdog().silentFeeds(clock.instant())).containsExactly(FeedWatchdog.EVALUATOR);

        // when it resumes after 17 s, its first tick raises the gap
        at(20);
        engine.tick();
        AlarmOccurrence gap = engine.occurrence(key).orElseThrow();
        assertThat(gap.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(gap.triggerValue()).isCloseTo(17.0, within(1e-9));

        // and the next timely tick returns it to normal, left for the operator to acknowledge
        at(21);
        engine.tick();
        assertThat(engine.occurrence(key).orElseThrow().state()).isEqualTo(AlarmState.UNACK_RTN);
    }

    @Test
    void deliveryOfAnUnknownFeedIsAProgrammingError() {
        AlarmEngine engine = engine(AlarmDefinition.watchdog("wd.tm", "telemetry", Duration.ofSeconds(10), Severity.DISTRESS));
        assertThatThrownBy(() -> engine.watchdog().delivered("telemtry")).isInstanceOf(IllegalArgumentException.class);
    }
}
