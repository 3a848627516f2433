package io.astroshield.app.alarms;

import io.astroshield.app.fx.FxThread;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.Annunciator;
import io.astroshield.domain.alarms.Severity;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The horn: a repeating two-tone cue while a DISTRESS or worse alarm is annunciating, silenced by the operator
 * without acknowledging (the alarm stays unacknowledged). A new annunciation sounds again. The tone is generated
 * here (a WAV written once to a temporary file), so no sound asset ships.
 */
public final class SoundCue implements Annunciator {

    private static final Logger LOG = LoggerFactory.getLogger(SoundCue.class);

    private final ReadOnlyBooleanWrapper sounding = new ReadOnlyBooleanWrapper(this, "sounding");
    /**
     * Built once, off the FX thread: writing the tone and starting the media engine took the FX thread tens of
     * milliseconds at the first DISTRESS alarm, which comes with a screening's first results. Completes with null
     * where there is no audio.
     */
    private CompletableFuture<MediaPlayer> player;

    /** Called by the alarm engine (its thread) after the change is committed. */
    @Override
    public void annunciate(AlarmOccurrence occurrence, Reason reason) {
        if (!occurrence.severity().isAbove(Severity.WARNING)) {
            return;
        }
        Platform.runLater(this::start);
    }

    /** Gets the player ready in the background, so that the first alarm sounds at once. FX thread; idempotent. */
    public CompletableFuture<MediaPlayer> prepare() {
        FxThread.check();
        if (player == null) {
            player = CompletableFuture.supplyAsync(SoundCue::newPlayer, runnable -> {
                Thread t = new Thread(runnable, "astroshield-horn");
                t.setDaemon(true);
                t.start();
            });
        }
        return player;
    }

    private void start() {
        sounding.set(true);
        prepare().thenAccept(p -> Platform.runLater(() -> {
            // silenced meanwhile: stay quiet
            if (p != null && sounding.get()) {
                p.seek(javafx.util.Duration.ZERO);
                p.play();
            }
        }));
    }

    /** Stops the sound; the alarm is not acknowledged. */
    public void silence() {
        sounding.set(false);
        MediaPlayer ready = player == null ? null : player.getNow(null);
        if (ready != null) {
            ready.stop();
        }
    }

    public ReadOnlyBooleanProperty soundingProperty() {
        return sounding.getReadOnlyProperty();
    }

    private static MediaPlayer newPlayer() {
        try {
            Path wav = Files.createTempFile("astroshield-horn", ".wav");
            wav.toFile().deleteOnExit();
            Files.write(wav, twoTone());
            MediaPlayer p = new MediaPlayer(new Media(wav.toUri().toString()));
            p.setCycleCount(MediaPlayer.INDEFINITE);
            // no audio device (headless consoles, test machines): the banner still shows the horn as sounding
            p.setOnError(() -> LOG.info("no audio for the alarm cue: {}",
                    p.getError() == null ? "unknown" : p.getError().getMessage()));
            return p;
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.info("no audio for the alarm cue: {}", e.toString());
            return null;
        }
    }

    /** 0.6 s: 880 Hz then 660 Hz, 16-bit mono PCM at 22.05 kHz, then 0.4 s silence. */
    static byte[] twoTone() {
        int rate = 22_050;
        int samples = rate;
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            double t = (double) i / rate;
            double f = t < 0.3 ? 880 : 660;
            double v = t < 0.6 ? 0.4 * Math.sin(2 * Math.PI * f * t) : 0;
            pcm.putShort((short) Math.round(v * Short.MAX_VALUE));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes()).put("fmt ".getBytes())
                .putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(samples * 2);
        out.writeBytes(h.array());
        out.writeBytes(pcm.array());
        return out.toByteArray();
    }
}
