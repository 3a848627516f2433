package io.astroshield.app.workstation;

import io.astroshield.app.fx.FileDialogs;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Answers the native file choosers, which a UI test cannot drive, with the paths the test queued; everything after
 * the choice is the window's real code.
 */
final class ScriptedFileDialogs implements FileDialogs {

    private final Deque<List<Path>> opens = new ArrayDeque<>();
    private final Deque<Path> saves = new ArrayDeque<>();

    void willOpen(List<Path> files) {
        opens.add(files);
    }

    void willSaveTo(Path file) {
        saves.add(file);
    }

    @Override
    public List<Path> chooseFilesToOpen(Window owner, String title, List<FileChooser.ExtensionFilter> filters) {
        return opens.isEmpty() ? List.of() : opens.poll();
    }

    @Override
    public Optional<Path> chooseFileToSave(Window owner, String title, String initialName,
                                           List<FileChooser.ExtensionFilter> filters) {
        return Optional.ofNullable(saves.poll());
    }
}
