package io.astroshield.app.orbitview;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AmbientLight;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.PerspectiveCamera;
import javafx.scene.PointLight;
import javafx.scene.SceneAntialiasing;
import javafx.scene.SubScene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.PhongMaterial;
import javafx.scene.shape.CullFace;
import javafx.scene.shape.MeshView;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Sphere;
import javafx.scene.shape.TriangleMesh;
import javafx.scene.transform.Rotate;
import javafx.scene.transform.Translate;
import org.fxyz3d.geometry.Point3D;
import org.fxyz3d.shapes.composites.PolyLine3D;

import java.util.ArrayList;
import java.util.List;

/**
 * The 3D orbit view: the Earth (the project's own texture), the catalog as one point mesh, the selected orbits and
 * the selected event's miss vector. Mouse: drag to orbit, right/middle drag (or shift-drag) to pan, wheel to zoom.
 * Keys: arrows orbit, shift+arrows pan, +/- zoom, R or Home resets, F switches ECI/Earth-fixed. Draws only what
 * {@link OrbitViewModel} computed; nothing here propagates.
 */
public final class OrbitView {

    public static final String STYLE_CLASS = "orbit-view";
    /** Vertical field of view, degrees. */
    static final double FIELD_OF_VIEW_DEG = 30.0;
    /** Camera distance from the Earth's centre at reset, scene units: LEO to MEO in view. */
    static final double HOME_DISTANCE = 75.0;
    static final double HOME_YAW = -25.0;
    static final double HOME_PITCH = -20.0;
    private static final double MIN_DISTANCE = 7.5;
    private static final double MAX_DISTANCE = 400.0;
    private static final Color BACKGROUND = Color.web("#05070d");
    private static final Color ORBIT = Color.web("#ffe066");
    private static final Color PRIMARY = Color.web("#ff4d4d");
    private static final Color SECONDARY = Color.web("#ffffff");

    private final OrbitViewModel vm;
    private final StackPane root = new StackPane();
    private final SubScene subScene;
    private final Group world = new Group();
    private final Group overlay = new Group();
    private final Rotate earthSpin = new Rotate(0, new javafx.geometry.Point3D(0, -1, 0));
    private final MeshView points = new MeshView();
    private final Rotate yaw = new Rotate(HOME_YAW, Rotate.Y_AXIS);
    private final Rotate pitch = new Rotate(HOME_PITCH, Rotate.X_AXIS);
    private final Translate pan = new Translate();
    private final Translate distance = new Translate(0, 0, -HOME_DISTANCE);
    private final Label caption = new Label();
    private final PhongMaterial earthMaterial = new PhongMaterial(Color.WHITE);
    private TriangleMesh mesh;
    private double lastX;
    private double lastY;

    public OrbitView(OrbitViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add(STYLE_CLASS);
        root.setId("orbit3d");

        Sphere earth = new Sphere(SceneAxes.EARTH_RADIUS, 96);
        earth.setMaterial(earthMaterial);
        // the sphere's texture seam sits on its -z side: turn it so that longitude 0 faces +x (scene axes)
        earth.getTransforms().add(new Rotate(-90, Rotate.Y_AXIS));
        Group earthGroup = new Group(earth);
        earthGroup.getTransforms().add(earthSpin);

        PhongMaterial palette = new PhongMaterial(Color.WHITE);
        palette.setDiffuseMap(PointCloud.palette());
        points.setMaterial(palette);
        points.setCullFace(CullFace.NONE);

        PerspectiveCamera camera = new PerspectiveCamera(true);
        camera.setFieldOfView(FIELD_OF_VIEW_DEG);
        camera.setNearClip(0.05);
        camera.setFarClip(2000);
        PointLight headlight = new PointLight(Color.gray(0.85));
        headlight.getScope().add(earthGroup);
        Group rig = new Group(camera, headlight);
        rig.getTransforms().addAll(yaw, pitch, pan, distance);
        AmbientLight earthAmbient = new AmbientLight(Color.gray(0.25));
        earthAmbient.getScope().add(earthGroup);
        // points, orbits and markers are flat colour: full ambient light, no shading
        AmbientLight flat = new AmbientLight(Color.WHITE);
        flat.getScope().addAll(points, overlay);

        world.getChildren().addAll(earthGroup, points, overlay, rig, earthAmbient, flat);
        subScene = new SubScene(world, 800, 600, true, SceneAntialiasing.DISABLED);
        subScene.setFill(BACKGROUND);
        subScene.setCamera(camera);
        Pane holder = new Pane(subScene);
        holder.setMinSize(0, 0);
        subScene.widthProperty().bind(holder.widthProperty());
        subScene.heightProperty().bind(holder.heightProperty());

        caption.setId("orbit3d-caption");
        caption.setTextFill(Color.web("#dfe8f2"));
        Label status = new Label();
        status.setTextFill(Color.web("#ff9a8a"));
        status.textProperty().bind(vm.statusProperty());
        ToggleButton earthFixed = new ToggleButton("Earth-fixed");
        earthFixed.setId("orbit3d-frame");
        earthFixed.setTooltip(new Tooltip("Show Earth-fixed axes (F); off: inertial TEME axes with the Earth turning"));
        earthFixed.setSelected(vm.frameProperty().get() == OrbitViewModel.Frame.ECEF);
        earthFixed.selectedProperty().addListener((o, a, b) ->
                vm.frameProperty().set(b ? OrbitViewModel.Frame.ECEF : OrbitViewModel.Frame.ECI));
        vm.frameProperty().addListener((o, a, b) -> earthFixed.setSelected(b == OrbitViewModel.Frame.ECEF));
        Button reset = new Button("Reset view");
        reset.setId("orbit3d-reset");
        reset.setTooltip(new Tooltip("Camera back to the start (R)"));
        reset.setOnAction(e -> resetCamera());
        HBox tools = new HBox(6, earthFixed, reset, legend());
        tools.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, tools, caption, status);
        top.setPadding(new Insets(6));
        top.setPickOnBounds(false);
        StackPane.setAlignment(top, Pos.TOP_LEFT);
        top.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        root.getChildren().addAll(holder, top);

        subScene.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            lastX = e.getSceneX();
            lastY = e.getSceneY();
            subScene.requestFocus();
        });
        subScene.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::drag);
        subScene.addEventHandler(ScrollEvent.SCROLL, e -> zoomBy(Math.exp(-e.getDeltaY() * 0.0025)));
        subScene.setFocusTraversable(true);
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::key);

        vm.sceneProperty().addListener((o, a, b) -> show(b));
        if (vm.sceneProperty().get() != null) {
            show(vm.sceneProperty().get());
        }
        EarthTexture.shared().thenAcceptAsync(earthMaterial::setDiffuseMap, Platform::runLater);
    }

    public Node node() {
        return root;
    }

    /** True once the Earth's texture is drawn and attached. */
    boolean textured() {
        return earthMaterial.getDiffuseMap() != null;
    }

    public OrbitViewModel viewModel() {
        return vm;
    }

    private static Node legend() {
        HBox box = new HBox(8);
        box.setAlignment(Pos.CENTER_LEFT);
        String[] names = {"payload", "rocket body", "debris", "unknown"};
        for (int i = 0; i < names.length; i++) {
            Rectangle swatch = new Rectangle(9, 9, PointCloud.COLOURS[i]);
            Label l = new Label(names[i], swatch);
            l.setTextFill(Color.web("#c8d4e0"));
            box.getChildren().add(l);
        }
        return box;
    }

    private void show(OrbitViewModel.Scene s) {
        if (s == null) {
            return;
        }
        if (s.newMesh() != null) {
            mesh = s.newMesh();
            points.setMesh(mesh);
        }
        if (mesh != null && mesh.getPoints().size() == s.pointVertices().length) {
            mesh.getPoints().set(0, s.pointVertices(), 0, s.pointVertices().length);
        }
        earthSpin.setAngle(s.earthRotationDeg());
        caption.setText(s.caption());
        List<Node> nodes = new ArrayList<>();
        for (float[] orbit : s.orbits()) {
            nodes.add(line(orbit, 0.05f, ORBIT));
        }
        for (float[] m : s.markers()) {
            nodes.add(ball(m, 0.12, ORBIT));
        }
        OrbitViewModel.TcaGeometry tca = s.tca();
        if (tca != null) {
            nodes.add(ball(tca.primary(), 0.1, PRIMARY));
            nodes.add(ball(tca.secondary(), 0.08, SECONDARY));
            float[] vector = new float[6];
            System.arraycopy(tca.primary(), 0, vector, 0, 3);
            System.arraycopy(tca.secondary(), 0, vector, 3, 3);
            nodes.add(line(vector, 0.05f, PRIMARY));
        }
        overlay.getChildren().setAll(nodes);
    }

    private static Node line(float[] xyz, float width, Color colour) {
        List<Point3D> pts = new ArrayList<>(xyz.length / 3);
        for (int k = 0; k + 2 < xyz.length; k += 3) {
            pts.add(new Point3D(xyz[k], xyz[k + 1], xyz[k + 2]));
        }
        return new PolyLine3D(pts, width, colour, PolyLine3D.LineType.TRIANGLE);
    }

    private static Node ball(float[] at, double radius, Color colour) {
        Sphere s = new Sphere(radius, 12);
        s.setMaterial(new PhongMaterial(colour));
        s.setTranslateX(at[0]);
        s.setTranslateY(at[1]);
        s.setTranslateZ(at[2]);
        return s;
    }

    // ------------------------------------------------------------------ camera

    private void drag(MouseEvent e) {
        double dx = e.getSceneX() - lastX;
        double dy = e.getSceneY() - lastY;
        lastX = e.getSceneX();
        lastY = e.getSceneY();
        if (e.getButton() == MouseButton.PRIMARY && !e.isShiftDown()) {
            orbitBy(dx * 0.3, -dy * 0.3);
        } else {
            panBy(dx, dy);
        }
    }

    private void key(KeyEvent e) {
        double step = 5.0;
        switch (e.getCode()) {
            case LEFT -> { if (e.isShiftDown()) panBy(-20, 0); else orbitBy(-step, 0); }
            case RIGHT -> { if (e.isShiftDown()) panBy(20, 0); else orbitBy(step, 0); }
            case UP -> { if (e.isShiftDown()) panBy(0, -20); else orbitBy(0, step); }
            case DOWN -> { if (e.isShiftDown()) panBy(0, 20); else orbitBy(0, -step); }
            case PLUS, ADD, EQUALS, PAGE_UP -> zoomBy(1 / 1.15);
            case MINUS, SUBTRACT, PAGE_DOWN -> zoomBy(1.15);
            case R, HOME -> resetCamera();
            case F -> vm.frameProperty().set(vm.frameProperty().get() == OrbitViewModel.Frame.ECI
                    ? OrbitViewModel.Frame.ECEF : OrbitViewModel.Frame.ECI);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Turns the camera about the Earth: yaw about the pole, pitch towards it (degrees). */
    public void orbitBy(double yawDeg, double pitchDeg) {
        yaw.setAngle(yaw.getAngle() + yawDeg);
        pitch.setAngle(Math.max(-89, Math.min(89, pitch.getAngle() - pitchDeg)));
    }

    /** Moves the camera closer ({@code factor} below 1) or further away. */
    public void zoomBy(double factor) {
        double d = Math.max(MIN_DISTANCE, Math.min(MAX_DISTANCE, -distance.getZ() * factor));
        distance.setZ(-d);
    }

    /** Slides the view sideways by screen pixels. */
    public void panBy(double dxPx, double dyPx) {
        double unitsPerPx = 2 * -distance.getZ() * Math.tan(Math.toRadians(FIELD_OF_VIEW_DEG / 2))
                / Math.max(1, subScene.getHeight());
        pan.setX(pan.getX() - dxPx * unitsPerPx);
        pan.setY(pan.getY() - dyPx * unitsPerPx);
    }

    public void resetCamera() {
        yaw.setAngle(HOME_YAW);
        pitch.setAngle(HOME_PITCH);
        pan.setX(0);
        pan.setY(0);
        distance.setZ(-HOME_DISTANCE);
    }

    /** The Earth's disc radius on screen, pixels, for the camera as it is (not panned). */
    public double earthRadiusPx() {
        double d = -distance.getZ();
        double r = SceneAxes.EARTH_RADIUS;
        return r / Math.sqrt(d * d - r * r) / Math.tan(Math.toRadians(FIELD_OF_VIEW_DEG / 2))
                * subScene.getHeight() / 2;
    }

    /** The 3D scene as it is drawn now, without the controls over it (FX thread). */
    public WritableImage snapshot() {
        return subScene.snapshot(null, null);
    }

    /** The whole pane: the scene with its controls and caption (FX thread). */
    public WritableImage snapshotWithControls() {
        return root.snapshot(null, null);
    }
}
