package io.astroshield.app.time;

import io.astroshield.app.workstation.Formats;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The shared time controller's bar: LIVE or REPLAY shown as text, the time, replay controls. */
public final class TimeBar extends HBox {

    public TimeBar(TimeController time) {
        getStyleClass().add("time-bar");
        setAlignment(Pos.CENTER_LEFT);
        setId("time-bar");
        Label mode = new Label();
        mode.setId("time-mode");
        Label now = new Label();
        now.setId("time-now");
        // tabular digits: the clock's width stays the same from second to second, so its bar is not laid out again
        now.getStyleClass().add("tabular");
        now.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button live = new Button("Live");
        live.setId("time-live");
        live.setOnAction(e -> time.goLive());
        TextField at = new TextField();
        at.setId("time-replay-at");
        at.setPromptText("replay from (UTC)");
        at.setPrefColumnCount(18);
        ComboBox<String> span = new ComboBox<>();
        span.getItems().setAll("instant", "1h", "6h", "24h");
        span.setValue("instant");
        ComboBox<Double> rate = new ComboBox<>();
        rate.getItems().setAll(1.0, 10.0, 60.0, 600.0);
        rate.setValue(60.0);
        Button replay = new Button("Replay");
        replay.setId("time-replay");
        Label error = new Label();
        error.setMinWidth(0);
        replay.setOnAction(e -> {
            try {
                Instant t = Instant.parse(at.getText().trim());
                error.setText("");
                if (span.getValue().equals("instant")) {
                    time.replayAt(t);
                } else {
                    Duration d = Duration.ofHours(Long.parseLong(span.getValue().replace("h", "")));
                    time.replay(t, t.plus(d), rate.getValue());
                }
            } catch (DateTimeParseException ex) {
                error.setText("not a UTC time: " + at.getText());
            }
        });
        Button pause = new Button("Pause");
        pause.setOnAction(e -> {
            if (time.playingProperty().get()) {
                time.pause();
            } else {
                time.resume();
            }
        });
        pause.disableProperty().bind(time.liveProperty());
        getChildren().setAll(mode, now, live, at, span, rate, replay, pause, error);
        Runnable update = () -> {
            mode.setText(time.isLive() ? "● LIVE" : "⏸ REPLAY");
            mode.getStyleClass().removeAll("time-live", "time-replay");
            mode.getStyleClass().add(time.isLive() ? "time-live" : "time-replay");
            now.setText(Formats.utcSeconds(time.time()));
        };
        time.timeProperty().addListener((o, a, b) -> update.run());
        time.liveProperty().addListener((o, a, b) -> update.run());
        update.run();
    }
}
