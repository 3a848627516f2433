package io.astroshield.app.time;

import io.astroshield.app.fx.FxThread;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;

import java.time.Instant;
import java.time.InstantSource;

/**
 * The one time frame every view follows: LIVE (the wall clock, ticking once a second) or REPLAY (a chosen instant,
 * optionally running through a range at a chosen rate). Views bind to {@link #timeProperty()}; nothing else keeps
 * its own clock. FX thread only.
 */
public final class TimeController {

    /** Live ticks and replay frames: fast enough for a smooth 3D view, slow enough to cost nothing. */
    private static final Duration FRAME = Duration.millis(250);

    private final InstantSource clock;
    private final ReadOnlyObjectWrapper<Instant> time;
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live", true);
    private final ReadOnlyDoubleWrapper rate = new ReadOnlyDoubleWrapper(this, "rate", 1.0);
    private final ReadOnlyObjectWrapper<Instant> replayStart = new ReadOnlyObjectWrapper<>(this, "replayStart");
    private final ReadOnlyObjectWrapper<Instant> replayEnd = new ReadOnlyObjectWrapper<>(this, "replayEnd");
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing", false);
    private final Timeline ticker;

    public TimeController(InstantSource clock) {
        this.clock = clock;
        this.time = new ReadOnlyObjectWrapper<>(this, "time", clock.instant());
        this.ticker = new Timeline(new KeyFrame(FRAME, e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private void tick() {
        if (live.get()) {
            time.set(clock.instant());
        } else if (playing.get()) {
            Instant next = time.get().plusMillis(Math.round(FRAME.toMillis() * rate.get()));
            if (replayEnd.get() != null && next.isAfter(replayEnd.get())) {
                next = replayEnd.get();
                playing.set(false);
            }
            time.set(next);
        }
    }

    /** Follow the wall clock. */
    public void goLive() {
        FxThread.check();
        live.set(true);
        playing.set(false);
        replayStart.set(null);
        replayEnd.set(null);
        time.set(clock.instant());
    }

    /** Stop at {@code t} (replay of one instant). */
    public void replayAt(Instant t) {
        FxThread.check();
        live.set(false);
        playing.set(false);
        replayStart.set(t);
        replayEnd.set(null);
        time.set(t);
    }

    /** Run through [start, end] at {@code rate} times real time. */
    public void replay(Instant start, Instant end, double rate) {
        FxThread.check();
        if (!end.isAfter(start) || !(rate > 0)) {
            throw new IllegalArgumentException("replay needs start < end and a positive rate");
        }
        live.set(false);
        replayStart.set(start);
        replayEnd.set(end);
        this.rate.set(rate);
        time.set(start);
        playing.set(true);
    }

    public void pause() {
        FxThread.check();
        playing.set(false);
    }

    public void resume() {
        FxThread.check();
        if (!live.get()) {
            playing.set(true);
        }
    }

    public void setRate(double r) {
        FxThread.check();
        if (!(r > 0)) {
            throw new IllegalArgumentException("rate: " + r);
        }
        rate.set(r);
    }

    public ReadOnlyObjectProperty<Instant> timeProperty() {
        return time.getReadOnlyProperty();
    }

    public Instant time() {
        return time.get();
    }

    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    public boolean isLive() {
        return live.get();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty rateProperty() {
        return rate.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> replayStartProperty() {
        return replayStart.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> replayEndProperty() {
        return replayEnd.getReadOnlyProperty();
    }

    public void stop() {
        ticker.stop();
    }
}
