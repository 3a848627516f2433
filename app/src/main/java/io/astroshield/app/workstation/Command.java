package io.astroshield.app.workstation;

import javafx.scene.input.KeyCombination;

/** One action of the window: the palette lists them all, menus and shortcuts run the same ones. */
public record Command(String id, String title, KeyCombination shortcut, Runnable action) {

    public String shortcutText() {
        return shortcut == null ? "" : shortcut.getDisplayText();
    }
}
