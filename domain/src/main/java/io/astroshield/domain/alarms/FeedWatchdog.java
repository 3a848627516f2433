package io.astroshield.domain.alarms;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watchdog alarms: a feed (telemetry, sync, screening schedule) that does not deliver within
 * its expected period raises its {@link SeverityRule.FeedSilence} definition's alarm on the
 * next {@link AlarmEngine#tick()}, and returns to normal on the first tick after it delivers
 * again. The value of the alarm is the silence in seconds.
 *
 * <p>The evaluator watches itself as the feed {@link #EVALUATOR}: each tick delivers it. A
 * stalled engine cannot raise an alarm while stalled, so the gap is raised on the first
 * tick after it resumes (and returns to normal on the next timely tick, leaving UNACK_RTN
 * for the operator to see); while it is stalled, another thread (the UI's refresh timer)
 * sees it through {@link #silentFeeds}.
 *
 * <p>{@link #delivered} and {@link #silentFeeds} are thread-safe, so feeds stamp their own
 * deliveries from their own threads.
 */
public final class FeedWatchdog {

    /** Feed name of the engine's own tick. */
    public static final String EVALUATOR = "evaluator";

    private final AlarmEngine engine;
    private final InstantSource clock;
    private final Map<String, AlarmDefinition> byFeed = new LinkedHashMap<>();
    private final ConcurrentHashMap<String, Instant> lastDelivery = new ConcurrentHashMap<>();

    FeedWatchdog(AlarmEngine engine, InstantSource clock, List<AlarmDefinition> definitions, Instant start) {
        this.engine = engine;
        this.clock = clock;
        for (AlarmDefinition d : definitions) {
            if (d.rule() instanceof SeverityRule.FeedSilence silence) {
                byFeed.put(silence.feed(), d);
                // a feed that never delivers is silent from the engine's start
                lastDelivery.put(silence.feed(), start);
            }
        }
    }

    /** Records that {@code feed} delivered now. Thread-safe. */
    public void delivered(String feed) {
        if (!byFeed.containsKey(feed)) {
            throw new IllegalArgumentException("no watchdog for feed " + feed);
        }
        lastDelivery.put(feed, clock.instant());
    }

    public Optional<Instant> lastDelivery(String feed) {
        return Optional.ofNullable(lastDelivery.get(feed));
    }

    /** Feeds silent for longer than their expected period at {@code now}. Thread-safe. */
    public List<String> silentFeeds(Instant now) {
        List<String> silent = new ArrayList<>();
        for (Map.Entry<String, AlarmDefinition> e : byFeed.entrySet()) {
            if (silent(e.getValue(), lastDelivery.get(e.getKey()), now)) {
                silent.add(e.getKey());
            }
        }
        return silent;
    }

    void tick(Instant now) {
        for (Map.Entry<String, AlarmDefinition> e : byFeed.entrySet()) {
            String feed = e.getKey();
            AlarmDefinition d = e.getValue();
            Instant last = lastDelivery.get(feed);
            double silenceS = Duration.between(last, now).toNanos() / 1e9;
            if (silent(d, last, now)) {
                engine.evaluate(d, feed, DataOrigin.LIVE, ((SeverityRule.FeedSilence) d.rule()).severity(), silenceS,
                        Quality.GOOD);
            } else {
                engine.evaluate(d, feed, DataOrigin.LIVE, null, silenceS, Quality.GOOD);
            }
            if (feed.equals(EVALUATOR)) {
                lastDelivery.put(EVALUATOR, now);
            }
        }
    }

    private static boolean silent(AlarmDefinition d, Instant last, Instant now) {
        return now.isAfter(last.plus(((SeverityRule.FeedSilence) d.rule()).expectedPeriod()));
    }
}
