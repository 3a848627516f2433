package io.astroshield.app.alarms;

import io.astroshield.domain.alarms.AlarmSummary;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The summary banner (unacknowledged, acknowledged, shelved, stale, latched, with the highest severity of each as
 * icon + text) and, under it, the flood banner that appears while the ISA-18.2 flood condition holds. The horn's
 * "Silence" button lives here: it stops the sound, not the alarm.
 */
public final class AlarmBanner extends VBox {

    public AlarmBanner(AlarmPaneViewModel vm, SoundCue horn, Runnable showAlarms) {
        Label unack = count("banner-unack");
        Label ack = count("banner-ack");
        Label shelved = count("banner-shelved");
        Label other = new Label();
        other.setId("banner-other");
        Button open = new Button("Alarms");
        open.setOnAction(e -> showAlarms.run());
        Button silence = new Button("Silence horn");
        silence.setId("silence-horn");
        silence.visibleProperty().bind(horn.soundingProperty());
        silence.managedProperty().bind(silence.visibleProperty());
        silence.setOnAction(e -> horn.silence());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox summary = new HBox(14, unack, ack, shelved, other, grow, silence, open);
        summary.getStyleClass().add("alarm-banner");
        summary.setAlignment(Pos.CENTER_LEFT);
        summary.setId("alarm-summary-banner");

        Label floodText = new Label("ALARM FLOOD: more alarms than an operator can handle — work by severity; "
                + "new alarms keep arriving in the list");
        HBox flood = new HBox(floodText);
        flood.getStyleClass().add("flood-banner");
        flood.setId("alarm-flood-banner");
        flood.visibleProperty().bind(vm.floodProperty());
        flood.managedProperty().bind(flood.visibleProperty());
        getChildren().setAll(summary, flood);

        vm.summaryProperty().addListener((o, a, s) -> {
            unack.setText(text("Unacknowledged", s.unacknowledged()));
            ack.setText(text("Acknowledged", s.acknowledged()));
            shelved.setText(text("Shelved", s.shelved()));
            other.setText("Stale " + s.stale() + "   Latched " + s.latched() + "   Chattering " + s.chattering());
        });
        unack.setText("Unacknowledged 0");
        ack.setText("Acknowledged 0");
        shelved.setText("Shelved 0");
    }

    private static Label count(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("banner-count");
        return l;
    }

    private static String text(String what, AlarmSummary.Count c) {
        return what + " " + c.count() + (c.highest() == null ? "" : " (" + SeverityText.of(c.highest()) + ")");
    }
}
