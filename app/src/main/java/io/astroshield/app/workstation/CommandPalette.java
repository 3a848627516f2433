package io.astroshield.app.workstation;

import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;

/** Ctrl+Shift+P: type part of a command's name, Enter runs it. Every action of the window is here. */
public final class CommandPalette {

    private CommandPalette() {
    }

    public static Stage show(Window owner, List<Command> commands) {
        TextField query = new TextField();
        query.setId("palette-query");
        query.setPromptText("Type a command");
        FilteredList<Command> items = new FilteredList<>(FXCollections.observableArrayList(commands));
        ListView<Command> list = new ListView<>(items);
        list.setId("palette-list");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Command c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.title() + (c.shortcut() == null ? "" : "    " + c.shortcutText()));
            }
        });
        query.textProperty().addListener((o, a, b) -> {
            String t = b.toLowerCase(Locale.ROOT);
            items.setPredicate(c -> c.title().toLowerCase(Locale.ROOT).contains(t));
            list.getSelectionModel().selectFirst();
        });
        list.getSelectionModel().selectFirst();
        VBox box = new VBox(4, query, list);
        Stage stage = new Stage(StageStyle.UTILITY);
        stage.initOwner(owner);
        stage.setTitle("Command palette");
        Scene scene = new Scene(box, 520, 360);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
        Runnable run = () -> {
            Command c = list.getSelectionModel().getSelectedItem();
            stage.close();
            if (c != null) {
                c.action().run();
            }
        };
        query.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.getSelectionModel().selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                list.getSelectionModel().selectPrevious();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                run.run();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                run.run();
            }
        });
        stage.show();
        query.requestFocus();
        return stage;
    }
}
