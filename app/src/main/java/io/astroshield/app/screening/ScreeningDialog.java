package io.astroshield.app.screening;

import io.astroshield.app.fx.Dialogs;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Asks what to screen: primaries (blank for all vs all), start, window, threshold. */
public final class ScreeningDialog {

    private ScreeningDialog() {
    }

    public static void show(Window owner, ScreeningViewModel vm, Instant now, Dialogs dialogs) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Screen the catalog");
        d.getDialogPane().setId("screening-dialog");
        TextField primaries = new TextField();
        primaries.setId("screening-primaries");
        primaries.setPromptText("catalog numbers, blank = all vs all");
        TextField start = new TextField(now.truncatedTo(ChronoUnit.MINUTES).toString());
        start.setId("screening-start");
        ComboBox<String> window = new ComboBox<>();
        window.setId("screening-window");
        window.getItems().setAll("6h", "24h", "3d", "7d");
        window.setValue("24h");
        TextField threshold = new TextField("5");
        threshold.setId("screening-threshold");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Primaries"), primaries);
        g.addRow(1, new Label("Start (UTC)"), start);
        g.addRow(2, new Label("Window"), window);
        g.addRow(3, new Label("Threshold (km)"), threshold);
        d.getDialogPane().setContent(g);
        ButtonType run = new ButtonType("Screen", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(run, ButtonType.CANCEL);
        d.showAndWait().filter(b -> b == run).ifPresent(b -> {
            try {
                vm.start(ScreeningViewModel.parsePrimaries(primaries.getText()), Instant.parse(start.getText().trim()),
                        window(window.getValue()), Double.parseDouble(threshold.getText().trim()));
            } catch (DateTimeParseException e) {
                dialogs.info("Screening not started", "start: '" + start.getText() + "' is not a UTC time like "
                        + now.truncatedTo(ChronoUnit.MINUTES));
            } catch (NumberFormatException e) {
                dialogs.info("Screening not started", "threshold: '" + threshold.getText() + "' is not a number");
            } catch (IllegalArgumentException | IllegalStateException e) {
                dialogs.info("Screening not started", e.getMessage());
            }
        });
    }

    static Duration window(String text) {
        String t = text.trim();
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return t.endsWith("d") ? Duration.ofDays(n) : Duration.ofHours(n);
    }
}
