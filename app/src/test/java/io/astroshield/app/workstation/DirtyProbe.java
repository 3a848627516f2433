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

    private void probe() {
        pulses++;
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
        out.append("dirty nodes reaching out of the window:\n");
        outside.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> out.append(String.format(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey())));
        return out.toString();
    }
}
