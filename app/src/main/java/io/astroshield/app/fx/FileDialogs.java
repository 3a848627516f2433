package io.astroshield.app.fx;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The native file choosers. An interface because a native dialog is the one part of the window a UI test cannot
 * drive: tests answer it with a chosen path, everything after the choice is the real code.
 */
public interface FileDialogs {

    List<Path> chooseFilesToOpen(Window owner, String title, List<FileChooser.ExtensionFilter> filters);

    Optional<Path> chooseFileToSave(Window owner, String title, String initialName,
                                    List<FileChooser.ExtensionFilter> filters);

    /** The platform's native dialogs. */
    FileDialogs NATIVE = new FileDialogs() {
        @Override
        public List<Path> chooseFilesToOpen(Window owner, String title, List<FileChooser.ExtensionFilter> filters) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.getExtensionFilters().setAll(filters);
            List<File> files = chooser.showOpenMultipleDialog(owner);
            return files == null ? List.of() : files.stream().map(File::toPath).toList();
        }

        @Override
        public Optional<Path> chooseFileToSave(Window owner, String title, String initialName,
                                               List<FileChooser.ExtensionFilter> filters) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(initialName);
            chooser.getExtensionFilters().setAll(filters);
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        }
    };
}
