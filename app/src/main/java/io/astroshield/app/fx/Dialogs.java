package io.astroshield.app.fx;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The one dialog service: what a person sees when something fails is a short message, never a stack trace (the
 * trace goes to the log once, here).
 */
public final class Dialogs {

    private static final Logger LOG = LoggerFactory.getLogger(Dialogs.class);

    private final Window owner;
    private final FileDialogs files;

    public Dialogs(Window owner, FileDialogs files) {
        this.owner = owner;
        this.files = files;
    }

    public FileDialogs files() {
        return files;
    }

    public Window owner() {
        return owner;
    }

    /** Shows a failure of {@code what}; logs the cause. Non-blocking. */
    public void error(String what, Throwable cause) {
        LOG.warn("{} failed", what, cause);
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("AstroShield");
        alert.setHeaderText(what + " failed");
        alert.setContentText(message(cause));
        alert.show();
    }

    public void info(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("AstroShield");
        alert.setHeaderText(header);
        alert.setContentText(text);
        alert.show();
    }

    /** A list of lines (diagnostics, notes) in a scrollable, copyable box. */
    public void lines(String header, String intro, java.util.List<String> lines) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("AstroShield");
        alert.setHeaderText(header);
        TextArea area = new TextArea(String.join("\n", lines));
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("diagnostics-list");
        area.setPrefRowCount(Math.min(16, Math.max(4, lines.size())));
        alert.getDialogPane().setContent(new VBox(8, new Label(intro), area));
        alert.getDialogPane().setId("diagnostics-dialog");
        alert.show();
    }

    public boolean confirm(String header, String text) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setHeaderText(header);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == ButtonType.OK;
    }

    /** The message a person can act on: the innermost cause with a message. */
    public static String message(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c
                && (c.getMessage() == null || c instanceof java.util.concurrent.ExecutionException)) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
