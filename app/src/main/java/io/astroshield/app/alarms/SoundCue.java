package io.astroshield.app.alarms;

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

/**
 * The horn: a repeating two-tone cue while a DISTRESS or worse alarm is annunciating, silenced by the operator
 * without acknowledging (the alarm stays unacknowledged). A new annunciation sounds again. The tone is generated
 * here (a WAV written once to a temporary file), so no sound asset ships.
 */
public final class SoundCue implements Annunciator {

    private static final Logger LOG = LoggerFactory.getLogger(SoundCue.class);

    private final ReadOnlyBooleanWrapper sounding = new ReadOnlyBooleanWrapper(this, "sounding");
    private MediaPlayer player;
    private boolean audioUnavailable;

    /** Called by the alarm engine (its thread) after the change is committed. */
    @Override
    public void annunciate(AlarmOccurrence occurrence, Reason reason) {
        if (!occurrence.severity().isAbove(Severity.WARNING)) {
            return;
        }
        Platform.runLater(this::start);
    }

    private void start() {
        sounding.set(true);
        MediaPlayer p = player();
        if (p != null) {
            p.seek(javafx.util.Duration.ZERO);
            p.play();
        }
    }

    /** Stops the sound; the alarm is not acknowledged. */
    public void silence() {
        sounding.set(false);
        if (player != null) {
            player.stop();
        }
    }

    public ReadOnlyBooleanProperty soundingProperty() {
        return sounding.getReadOnlyProperty();
    }

    private MediaPlayer player() {
        if (player != null || audioUnavailable) {
            return player;
        }
        try {
            Path wav = Files.createTempFile("astroshield-horn", ".wav");
            wav.toFile().deleteOnExit();
            Files.write(wav, twoTone());
            MediaPlayer p = new MediaPlayer(new Media(wav.toUri().toString()));
            p.setCycleCount(MediaPlayer.INDEFINITE);
            // no audio device (headless consoles, test machines): the banner still shows the horn as sounding
            p.setOnError(() -> {
                audioUnavailable = true;
                player = null;
                LOG.info("no audio for the alarm cue: {}", p.getError() == null ? "unknown" : p.getError().getMessage());
            });
            player = p;
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            audioUnavailable = true;
            LOG.info("no audio for the alarm cue: {}", e.toString());
        }
        return player;
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
