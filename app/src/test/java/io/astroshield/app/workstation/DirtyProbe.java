package io.astroshield.app.workstation;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Part of the responsiveness benchmark: after each pulse's layout, before the scene is copied to the render graph,
 * finds the nodes about to be redrawn that cover a large part of the window (reading JavaFX's private dirty bits:
 * the bench runs JavaFX from the class path, so reflection reaches them). Under llvmpipe a frame costs in proportion
 * to the area redrawn, so a window-sized dirty node makes every such frame a full repaint.
 */
final class DirtyProbe {

    private static final Field DIRTY_BITS;

    static {
        try {
            DIRTY_BITS = Node.class.getDeclaredField("dirtyBits");
            DIRTY_BITS.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JavaFX's Node has no dirtyBits field here", e);
        }
    }

    private static final Field NG_DIRTY;
    private static final Field NG_ACCUMULATED;
    private static final java.lang.reflect.Method GET_PEER;

    static {
        try {
            Class<?> ng = Class.forName("com.sun.javafx.sg.prism.NGNode");
            NG_DIRTY = ng.getDeclaredField("dirty");
            NG_DIRTY.setAccessible(true);
            NG_ACCUMULATED = ng.getDeclaredField("dirtyChildrenAccumulated");
            NG_ACCUMULATED.setAccessible(true);
            GET_PEER = Class.forName("com.sun.javafx.scene.NodeHelper").getMethod("getPeer", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JavaFX's render graph is not reachable here", e);
        }
    }

    private final Map<String, Integer> renderGraph = new HashMap<>();
    private int renderProbes;
    private final Scene scene;
    private final Map<String, Integer> large = new HashMap<>();
    private final Map<String, Integer> outside = new HashMap<>();
    private int pulses;
    private int pulsesWithLarge;

    DirtyProbe(Scene scene) {
        this.scene = scene;
    }

    void start() {
        scene.addPostLayoutPulseListener(this::probe);
    }

    void stop() {
        scene.removePostLayoutPulseListener(this::probe);
    }

    private final Map<String, Double> lastMinWidth = new HashMap<>();
    private final Map<String, Integer> minWidthChanges = new HashMap<>();

    /** Which nodes' minimum widths move (a SplitPane pushes its divider to honour them, redrawing both sides). */
    private void minWidths(Node n, int depth) {
        if (depth > 14 || !(n instanceof Parent p)) {
            return;
        }
        if (n instanceof javafx.scene.layout.Region r) {
            String key = describe(n) + "@" + System.identityHashCode(n);
            double w = r.minWidth(-1);
            Double before = lastMinWidth.put(key, w);
            if (before != null && before != w) {
                minWidthChanges.merge(describe(n) + String.format(Locale.ROOT, " (now %.0f)", w), 1, Integer::sum);
            }
        }
        for (Node c : p.getChildrenUnmodifiable()) {
            minWidths(c, depth + 1);
        }
    }

    private void probe() {
        pulses++;
        minWidths(scene.getRoot(), 0);
        double area = scene.getWidth() * scene.getHeight();
        boolean any = visit(scene.getRoot(), area);
        if (any) {
            pulsesWithLarge++;
        }
    }

    private boolean visit(Node n, double windowArea) {
        if (!n.isVisible()) {
            return false;
        }
        boolean found = false;
        java.util.Set<?> bits = dirtyBits(n);
        Bounds b = n.localToScene(n.getBoundsInLocal());
        if (!bits.isEmpty() && (b.getMaxX() > scene.getWidth() + 1 || b.getMaxY() > scene.getHeight() + 1
                || b.getMinX() < -1 || b.getMinY() < -1)) {
            // a dirty node reaching out of the window changes the root's bounds: the root is redrawn whole
            outside.merge(describe(n) + String.format(Locale.ROOT, " [%.0f, %.0f]-[%.0f, %.0f]", b.getMinX(),
                    b.getMinY(), b.getMaxX(), b.getMaxY()), 1, Integer::sum);
        }
        if (!bits.isEmpty()) {
            if (b.getWidth() * b.getHeight() > 0.4 * windowArea) {
                large.merge(describe(n) + " " + bits, 1, Integer::sum);
                found = true;
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                found |= visit(c, windowArea);
            }
        }
        return found;
    }

    /**
     * At the start of a pulse the previous frame is usually still being drawn: the render graph's flags tell which
     * node made it a full-window frame (a dirty window-sized node, or a group whose dirty children passed JavaFX's
     * threshold, which then counts as dirty whole).
     */
    void probeRenderGraph() {
        renderProbes++;
        visitPeers(scene.getRoot(), scene.getWidth() * scene.getHeight());
    }

    private void visitPeers(Node n, double windowArea) {
        if (!n.isVisible()) {
            return;
        }
        try {
            Object peer = GET_PEER.invoke(null, n);
            Object flag = NG_DIRTY.get(peer);
            int accumulated = NG_ACCUMULATED.getInt(peer);
            Bounds b = n.localToScene(n.getBoundsInLocal());
            boolean large = b.getWidth() * b.getHeight() > 0.4 * windowArea;
            if (large && (!"CLEAN".equals(String.valueOf(flag)) || accumulated > 12)) {
                renderGraph.merge(describe(n) + " " + flag + " accumulated " + (accumulated > 12 ? ">12" : "<=12"),
                        1, Integer::sum);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                visitPeers(c, windowArea);
            }
        }
    }

    private static java.util.Set<?> dirtyBits(Node n) {
        try {
            return (java.util.Set<?>) DIRTY_BITS.get(n);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Node n) {
        StringBuilder b = new StringBuilder();
        for (Node x = n; x != null; x = x.getParent()) {
            b.insert(0, "/" + x.getClass().getSimpleName() + (x.getId() == null ? "" : "#" + x.getId()));
        }
        return b.toString();
    }

    String report(int top) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%d of %d pulses had a dirty node covering over 40 %% of the window; the nodes:%n", pulsesWithLarge,
                pulses));
        large.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey())));
        out.append(String.format(Locale.ROOT, "render graph at %d pulse starts, window-sized nodes dirty or with "
                + "more than 12 dirty children:%n", renderProbes));
        renderGraph.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey())));
        out.append("minimum widths that moved:\n");
        minWidthChanges.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey())));
        out.append("dirty nodes reaching out of the window:\n");
        outside.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey())));
        return out.toString();
    }
}
