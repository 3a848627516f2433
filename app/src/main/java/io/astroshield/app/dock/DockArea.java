package io.astroshield.app.dock;

import io.astroshield.app.fx.FxThread;
import io.astroshield.app.fx.Theme;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Docked panes in two tab groups side by side; any pane can be detached into its own window (on any monitor) and
 * docks back when that window closes. {@link #layout()} and {@link #apply(Properties)} save and restore where
 * everything is, including the monitor of each detached window.
 */
public final class DockArea {

    public enum Side { LEFT, RIGHT }

    private record Pane(String id, String title, Node content, Tab tab) {
    }

    private final SplitPane split = new SplitPane();
    private final TabPane left = new TabPane();
    private final TabPane right = new TabPane();
    private final Map<String, Pane> panes = new LinkedHashMap<>();
    private final Map<String, Stage> detached = new LinkedHashMap<>();
    private final Window owner;
    private final Supplier<Theme> theme;

    public DockArea(Window owner, Supplier<Theme> theme) {
        this.owner = owner;
        this.theme = theme;
        split.setOrientation(Orientation.HORIZONTAL);
        split.getItems().setAll(left, right);
        split.setDividerPositions(0.55);
        left.setId("dock-left");
        right.setId("dock-right");
        for (TabPane p : List.of(left, right)) {
            p.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        }
    }

    public Node node() {
        return split;
    }

    public void add(String id, String title, Node content, Side side) {
        FxThread.check();
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + id);
        MenuItem detach = new MenuItem("Detach into a window");
        detach.setOnAction(e -> detach(id));
        tab.setContextMenu(new ContextMenu(detach));
        panes.put(id, new Pane(id, title, content, tab));
        (side == Side.LEFT ? left : right).getTabs().add(tab);
    }

    /** Brings a pane to the front, docked or detached. */
    public void show(String id) {
        Stage window = detached.get(id);
        if (window != null) {
            window.toFront();
            return;
        }
        Pane p = pane(id);
        TabPane group = p.tab().getTabPane();
        if (group != null) {
            group.getSelectionModel().select(p.tab());
        }
        p.content().requestFocus();
    }

    /** The id of the selected tab of the group that has focus, else of the left group. */
    public Optional<String> focusedPane() {
        for (TabPane group : List.of(left, right)) {
            Tab t = group.getSelectionModel().getSelectedItem();
            if (t != null && group.getScene() != null && group.getScene().getFocusOwner() != null
                    && isInside(group.getScene().getFocusOwner(), group)) {
                return Optional.of(t.getId().substring(4));
            }
        }
        Tab t = left.getSelectionModel().getSelectedItem();
        return t == null ? Optional.empty() : Optional.of(t.getId().substring(4));
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x == ancestor) {
                return true;
            }
        }
        return false;
    }

    public boolean isDetached(String id) {
        return detached.containsKey(id);
    }

    public Optional<Stage> window(String id) {
        return Optional.ofNullable(detached.get(id));
    }

    public void detach(String id) {
        detach(id, null);
    }

    private void detach(String id, Rectangle2D bounds) {
        FxThread.check();
        if (detached.containsKey(id)) {
            return;
        }
        Pane p = pane(id);
        TabPane group = p.tab().getTabPane();
        if (group != null) {
            group.getTabs().remove(p.tab());
        }
        p.tab().setContent(null);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("AstroShield — " + p.title());
        Scene scene = new Scene(new BorderPane(p.content()), 900, 600);
        theme.get().decorate(scene);
        stage.setScene(scene);
        if (bounds != null) {
            stage.setX(bounds.getMinX());
            stage.setY(bounds.getMinY());
            stage.setWidth(bounds.getWidth());
            stage.setHeight(bounds.getHeight());
        }
        stage.setOnHidden(e -> dock(id));
        detached.put(id, stage);
        stage.show();
    }

    /** Blocks (or gives back) input in the detached windows; they stay visible, as the main window does when locked. */
    public void blockInput(boolean blocked) {
        FxThread.check();
        detached.values().forEach(stage -> stage.getScene().getRoot().setDisable(blocked));
    }

    /** Docks a detached pane back (closing its window). */
    public void dock(String id) {
        FxThread.check();
        Stage stage = detached.remove(id);
        if (stage == null) {
            return;
        }
        stage.setOnHidden(null);
        ((BorderPane) stage.getScene().getRoot()).setCenter(null);
        stage.hide();
        Pane p = pane(id);
        p.tab().setContent(p.content());
        TabPane target = right.getTabs().size() < left.getTabs().size() ? right : left;
        target.getTabs().add(p.tab());
        target.getSelectionModel().select(p.tab());
    }

    /** Applies the theme's project stylesheets to detached windows after a theme switch. */
    public void restyle(Theme t) {
        detached.values().forEach(s -> t.decorate(s.getScene()));
    }

    private Pane pane(String id) {
        Pane p = panes.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no pane " + id);
        }
        return p;
    }

    public List<String> paneIds() {
        return List.copyOf(panes.keySet());
    }

    // ---------------------------------------------------------------- layouts

    /** Where everything is, as properties (stored per user and name). */
    public Properties layout() {
        Properties p = new Properties();
        p.setProperty("divider", Double.toString(split.getDividerPositions()[0]));
        for (TabPane group : List.of(left, right)) {
            String side = group == left ? "LEFT" : "RIGHT";
            List<Tab> tabs = group.getTabs();
            for (int i = 0; i < tabs.size(); i++) {
                String id = tabs.get(i).getId().substring(4);
                p.setProperty("pane." + id, side + "," + i);
            }
            Tab selected = group.getSelectionModel().getSelectedItem();
            if (selected != null) {
                p.setProperty("selected." + side, selected.getId().substring(4));
            }
        }
        for (Map.Entry<String, Stage> e : detached.entrySet()) {
            Stage s = e.getValue();
            p.setProperty("pane." + e.getKey(), String.format(Locale.ROOT, "WINDOW,%.0f,%.0f,%.0f,%.0f",
                    s.getX(), s.getY(), s.getWidth(), s.getHeight()));
        }
        p.setProperty("monitors", Integer.toString(Screen.getScreens().size()));
        return p;
    }

    /** Restores a saved layout. A window saved on a monitor that is gone opens on the primary one. */
    public void apply(Properties p) {
        FxThread.check();
        for (String id : List.copyOf(detached.keySet())) {
            dock(id);
        }
        List<String[]> placements = new ArrayList<>();
        for (String id : panes.keySet()) {
            String v = p.getProperty("pane." + id);
            if (v != null) {
                placements.add(new String[] {id, v});
            }
        }
        placements.sort((a, b) -> a[1].compareTo(b[1]));
        for (String[] pl : placements) {
            String id = pl[0];
            String[] parts = pl[1].split(",");
            Tab tab = pane(id).tab();
            if (tab.getTabPane() != null) {
                tab.getTabPane().getTabs().remove(tab);
            }
            if (parts[0].equals("WINDOW")) {
                (right.getTabs().isEmpty() ? right : left).getTabs().add(tab);
                Rectangle2D bounds = new Rectangle2D(Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                        Double.parseDouble(parts[3]), Double.parseDouble(parts[4]));
                if (Screen.getScreensForRectangle(bounds).isEmpty()) {
                    Rectangle2D primary = Screen.getPrimary().getVisualBounds();
                    bounds = new Rectangle2D(primary.getMinX() + 40, primary.getMinY() + 40,
                            Math.min(bounds.getWidth(), primary.getWidth() - 80),
                            Math.min(bounds.getHeight(), primary.getHeight() - 80));
                }
                detach(id, bounds);
            } else {
                TabPane group = parts[0].equals("LEFT") ? left : right;
                int index = Math.min(Integer.parseInt(parts[1]), group.getTabs().size());
                group.getTabs().add(index, tab);
            }
        }
        for (TabPane group : List.of(left, right)) {
            String sel = p.getProperty("selected." + (group == left ? "LEFT" : "RIGHT"));
            if (sel != null && panes.containsKey(sel) && group.getTabs().contains(pane(sel).tab())) {
                group.getSelectionModel().select(pane(sel).tab());
            }
        }
        String divider = p.getProperty("divider");
        if (divider != null) {
            split.setDividerPositions(Double.parseDouble(divider));
        }
    }
}
