package io.astroshield.app.workstation;

import io.astroshield.app.alarms.AlarmBanner;
import io.astroshield.app.alarms.AlarmPaneView;
import io.astroshield.app.alarms.AlarmPaneViewModel;
import io.astroshield.app.alarms.SoundCue;
import io.astroshield.app.conjunctions.ConjunctionTableView;
import io.astroshield.app.conjunctions.ConjunctionTableViewModel;
import io.astroshield.app.conjunctions.EventDetailView;
import io.astroshield.app.conjunctions.EventDetailViewModel;
import io.astroshield.app.conjunctions.EventReport;
import io.astroshield.app.conjunctions.EventRow;
import io.astroshield.app.demo.DemoScenario;
import io.astroshield.app.dock.DockArea;
import io.astroshield.app.fx.BackgroundTasks;
import io.astroshield.app.fx.Dialogs;
import io.astroshield.app.fx.FileDialogs;
import io.astroshield.app.fx.Theme;
import io.astroshield.app.groundtrack.GroundTrackView;
import io.astroshield.app.groundtrack.GroundTrackViewModel;
import io.astroshield.app.orbitview.OrbitView;
import io.astroshield.app.orbitview.OrbitViewModel;
import io.astroshield.app.screening.ScreeningDialog;
import io.astroshield.app.screening.ScreeningViewModel;
import io.astroshield.app.status.StatusBarView;
import io.astroshield.app.status.StatusBarViewModel;
import io.astroshield.app.telemetry.TelemetryFeed;
import io.astroshield.app.telemetry.TelemetryView;
import io.astroshield.app.telemetry.TelemetryViewModel;
import io.astroshield.app.time.TimeBar;
import io.astroshield.app.time.TimeController;
import io.astroshield.domain.input.Diagnostic;
import io.astroshield.persistence.screening.StoredEvent;
import io.astroshield.persistence.workspace.LayoutRow;
import io.astroshield.persistence.workspace.SettingScope;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The workstation window: menus and shortcuts over one command list, the time bar, the alarm banners, the docked
 * panes, the status bar; first-run choices on an empty store; drag and drop import; console lock.
 */
public final class MainWindow {

    public static final String PANE_CONJUNCTIONS = "conjunctions";
    public static final String PANE_EVENT = "event";
    public static final String PANE_ALARMS = "alarms";
    public static final String PANE_TELEMETRY = "telemetry";
    private static final String THEME_KEY = "ui.theme";
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    /** About a quarter of a second at 60 Hz. */
    private static final int WARM_UP_AFTER_FRAMES = 15;

    private final Stage stage;
    private final Workstation ws;
    private final ConsoleContext ctx;
    private final SoundCue horn;
    private final DockArea dock;
    private final ConjunctionTableViewModel tableVm;
    private final EventDetailViewModel detailVm;
    private final AlarmPaneViewModel alarmVm;
    private final StatusBarViewModel statusVm;
    private final ScreeningViewModel screeningVm;
    private final AlarmPaneView alarmView;
    private final EventDetailView detailView;
    private final ConjunctionTableView tableView;
    private final StatusBarView statusView;
    private final TelemetryFeed telemetryFeed;
    private final TelemetryViewModel telemetryVm;
    private final StackPane center = new StackPane();
    private final VBox firstRun;
    private final List<Command> commands = new ArrayList<>();
    private final Scene scene;
    private Theme theme;
    private Node lockScreen;
    private Timeline statusTicker;
    private final SyncService sync;

    public MainWindow(Stage stage, Workstation ws, SoundCue horn, FileDialogs files) {
        this.stage = stage;
        this.ws = ws;
        this.horn = horn;
        BackgroundTasks tasks = new BackgroundTasks();
        TimeController time = new TimeController(ws.clock());
        this.ctx = new ConsoleContext(ws, tasks, time, new Selection(), new Dialogs(stage, files));
        this.theme = ws.store().read(tx -> tx.settings().get(SettingScope.LOCAL, THEME_KEY))
                .map(s -> Theme.valueOf(s.value())).orElse(Theme.DARK);
        this.dock = new DockArea(stage, () -> theme);

        tableVm = new ConjunctionTableViewModel(ctx);
        detailVm = new EventDetailViewModel(ctx);
        alarmVm = new AlarmPaneViewModel(ctx);
        statusVm = new StatusBarViewModel(ctx);
        sync = new SyncService(ws);
        sync.addListener(s -> statusVm.setSync(new StatusBarViewModel.SyncState(true, s.connected(), s.lastSync(),
                sync.server().orElse(""), s.lastError())));
        screeningVm = new ScreeningViewModel(ctx, tableVm);
        tableView = new ConjunctionTableView(tableVm);
        detailView = new EventDetailView(detailVm);
        alarmView = new AlarmPaneView(alarmVm);
        statusView = new StatusBarView(statusVm, tasks);

        dock.add(PANE_CONJUNCTIONS, "Conjunctions", tableView, DockArea.Side.LEFT);
        dock.add(PANE_ALARMS, "Alarms", alarmView, DockArea.Side.LEFT);
        dock.add(PANE_EVENT, "Event detail", detailView, DockArea.Side.RIGHT);
        dock.add("orbit3d", "3D orbits", new OrbitView(new OrbitViewModel(ctx)).node(), DockArea.Side.RIGHT);
        dock.add("groundtrack", "Ground track", new GroundTrackView(new GroundTrackViewModel(ctx)).node(), DockArea.Side.RIGHT);
        telemetryFeed = new TelemetryFeed(ws);
        telemetryVm = new TelemetryViewModel(ctx, telemetryFeed);
        dock.add(PANE_TELEMETRY, "Telemetry", new TelemetryView(telemetryVm), DockArea.Side.RIGHT);
        telemetryFeed.start();

        firstRun = firstRunView();
        center.getChildren().setAll(dock.node(), firstRun);
        BorderPane root = new BorderPane(center);
        root.setId("main-window");
        // A child wider than the window (the time bar, a long status message) changes the root's bounds, and JavaFX
        // redraws a region whose bounds change whole: each status update became a full-window frame, 50-100 ms of
        // llvmpipe (docs/benchmarks.md, responsiveness). Clipped to the window, the root's bounds stay put.
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(root.widthProperty());
        clip.heightProperty().bind(root.heightProperty());
        root.setClip(clip);
        defineCommands();
        root.setTop(new VBox(menuBar(), new TimeBar(time), new AlarmBanner(alarmVm, horn, () -> dock.show(PANE_ALARMS))));
        root.setBottom(statusView);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1400, screen.getWidth()), Math.min(860, screen.getHeight()));
        theme.apply(scene);
        for (Command c : commands) {
            if (c.shortcut() != null) {
                scene.getAccelerators().put(c.shortcut(), c.action());
            }
        }
        enableDragAndDrop();
        stage.setScene(scene);
        stage.setTitle("AstroShield");
        warmUpOnceShown();

        ws.addListener(c -> {
            if (c == Workstation.Change.CATALOG || c == Workstation.Change.EVENTS) {
                javafx.application.Platform.runLater(this::updateFirstRun);
            }
        });
        updateFirstRun();
        // the status bar's ages move with the clock even when nothing changes
        statusTicker = new Timeline(new KeyFrame(Duration.seconds(5),
                e -> tasks.runUnlisted("Status", p -> {
                    statusVm.refresh();
                    return null;
                })));
        statusTicker.setCycleCount(Timeline.INDEFINITE);
        statusTicker.play();
        tasks.runUnlisted("Status", p -> {
            statusVm.refresh();
            alarmVm.requestRefresh();
            return null;
        });
        tableVm.reload();
        // reconnect with what `astroshield sync` or an earlier sign-in left in the settings (password file only)
        tasks.run("Connecting to the backend", p -> sync.connectFromSettings())
                .onFailure(e -> statusVm.setSync(new StatusBarViewModel.SyncState(true, false, null,
                        sync.rememberedServer().orElse(""), Dialogs.message(e))));
    }

    /**
     * A few frames after the window first shows (start-up's own frames out, nothing streaming yet): the horn's player
     * is built in the background and the conjunction table creates its row cells, so that a screening's first rows
     * and first DISTRESS alarm do not cost the FX thread a stall.
     */
    private void warmUpOnceShown() {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
            @Override
            public void handle(WindowEvent shown) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                new AnimationTimer() {
                    private int frames;

                    @Override
                    public void handle(long now) {
                        if (++frames < WARM_UP_AFTER_FRAMES) {
                            return;
                        }
                        stop();
                        horn.prepare();
                        long t0 = System.nanoTime();
                        tableView.prepareCells();
                        LOG.debug("conjunction table cells prepared in {} ms", (System.nanoTime() - t0) / 1_000_000);
                    }
                }.start();
            }
        });
    }

    // ---------------------------------------------------------------- commands

    private void defineCommands() {
        add("import", "Import catalog, OEM or CDM files…", shortcut(KeyCode.O), this::importWithChooser);
        add("demo", "Open demo", null, this::openDemo);
        add("screen", "Run a screening…", shortcut(KeyCode.R),
                () -> ScreeningDialog.show(stage, screeningVm, ctx.time().time(), ctx.dialogs()));
        add("screen.cancel", "Cancel the screening", null, screeningVm::cancel);
        add("export.csv", "Export the conjunction table as CSV…", shortcut(KeyCode.E), this::exportCsv);
        add("export.cdm", "Export the selected event as CDM…", null, this::exportCdm);
        add("export.pdf", "Export the selected event as a one-page PDF report…", null, this::exportPdf);
        add("export.png", "Save the focused pane as PNG…", null, this::exportPng);
        add("alarm.ack", "Acknowledge the selected alarm…", shortcut(KeyCode.K), alarmView::acknowledge);
        add("alarm.shelve", "Shelve the selected alarm…", null, alarmView::shelve);
        add("alarm.assign", "Assign the selected alarm…", null, alarmView::assign);
        add("alarm.silence", "Silence the horn (does not acknowledge)", new KeyCodeCombination(KeyCode.M,
                KeyCombination.SHORTCUT_DOWN), horn::silence);
        for (Theme t : Theme.values()) {
            add("theme." + t.name().toLowerCase(Locale.ROOT), "Theme: " + t.label(), null, () -> setTheme(t));
        }
        add("layout.save", "Save layout as…", null, this::saveLayoutAsked);
        add("layout.restore", "Restore layout…", null, this::restoreLayoutAsked);
        add("pane.detach", "Detach the focused pane into a window", new KeyCodeCombination(KeyCode.D,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> dock.focusedPane().ifPresent(dock::detach));
        add("show.conjunctions", "Show conjunctions", new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
                () -> dock.show(PANE_CONJUNCTIONS));
        add("show.alarms", "Show alarms", new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                () -> dock.show(PANE_ALARMS));
        add("show.event", "Show event detail", new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
                () -> dock.show(PANE_EVENT));
        add("show.telemetry", "Show spacecraft telemetry", new KeyCodeCombination(KeyCode.DIGIT4,
                KeyCombination.SHORTCUT_DOWN), () -> dock.show(PANE_TELEMETRY));
        add("session.signin", "Sign in to the backend…", null, this::signIn);
        add("session.signout", "Disconnect from the backend (work offline)", null, () -> tasks().run("Disconnecting",
                p -> {
                    sync.disconnect();
                    statusVm.setSync(new StatusBarViewModel.SyncState(true, false, null,
                            sync.rememberedServer().orElse(""), "disconnected by the user"));
                    return null;
                }));
        add("sync.issues", "Show sync issues (parked ops)", null, statusView::showSyncIssues);
        add("lock", "Lock the console", shortcut(KeyCode.L), this::lock);
        add("palette", "Command palette", new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), () -> CommandPalette.show(stage, commands));
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }

    private void add(String id, String title, KeyCombination shortcut, Runnable action) {
        // behind the lock, menus, shortcuts and the palette do nothing
        commands.add(new Command(id, title, shortcut, () -> {
            if (lockScreen == null) {
                action.run();
            }
        }));
    }

    /** Runs a command by id (menus, palette, tests). */
    public void run(String id) {
        commands.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no command " + id)).action().run();
    }

    public List<Command> commands() {
        return List.copyOf(commands);
    }

    private MenuBar menuBar() {
        MenuBar bar = new MenuBar(
                menu("File", "import", "demo", "export.csv", "export.cdm", "export.pdf", "export.png"),
                menu("Screening", "screen", "screen.cancel"),
                menu("Alarms", "alarm.ack", "alarm.shelve", "alarm.assign", "alarm.silence"),
                menu("View", "show.conjunctions", "show.alarms", "show.event", "pane.detach", "layout.save",
                        "layout.restore", "theme.dark", "theme.light", "theme.high_contrast", "palette"),
                menu("Session", "session.signin", "session.signout", "sync.issues", "lock"));
        bar.setId("menu-bar");
        return bar;
    }

    private Menu menu(String title, String... ids) {
        Menu m = new Menu(title);
        for (String id : ids) {
            Command c = commands.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            MenuItem item = new MenuItem(c.title());
            item.setId("menu-" + id);
            item.setAccelerator(c.shortcut());
            item.setOnAction(e -> c.action().run());
            m.getItems().add(item);
        }
        return m;
    }

    // ---------------------------------------------------------------- first run, demo, import

    private VBox firstRunView() {
        Label title = new Label("The store is empty");
        title.getStyleClass().add("title-label");
        Label text = new Label("Import a catalog (TLE/3LE, OMM, GP) and CDMs, or open the demo: a synthetic "
                + "catalog with planted close approaches, their CDM history and a simulated spacecraft. No network "
                + "needed.");
        text.setWrapText(true);
        text.setMaxWidth(560);
        Button importButton = new Button("Import catalog…");
        importButton.setId("first-run-import");
        importButton.setOnAction(e -> importWithChooser());
        Button demo = new Button("Open demo");
        demo.setId("first-run-demo");
        demo.setDefaultButton(true);
        demo.setOnAction(e -> openDemo());
        javafx.scene.layout.HBox buttons = new javafx.scene.layout.HBox(12, importButton, demo);
        buttons.setAlignment(Pos.CENTER);
        VBox box = new VBox(16, title, text, buttons);
        box.getStyleClass().add("first-run");
        box.setAlignment(Pos.CENTER);
        box.setId("first-run");
        box.setStyle("-fx-background-color: -color-bg-default;");
        return box;
    }

    private void updateFirstRun() {
        boolean empty = ws.catalog().size() == 0 && tableVm.allRows().isEmpty();
        firstRun.setVisible(empty);
        firstRun.setManaged(empty);
    }

    public void openDemo() {
        firstRun.setVisible(false);
        ctx.tasks().run("Opening the demo", p -> DemoScenario.load(ws, DemoScenario.DEFAULT_OBJECTS, p))
                .onSuccess(r -> {
                    tableVm.reload();
                    dock.show(PANE_CONJUNCTIONS);
                })
                .onFailure(e -> {
                    updateFirstRun();
                    ctx.dialogs().error("Opening the demo", e);
                });
    }

    private void importWithChooser() {
        List<Path> files = ctx.dialogs().files().chooseFilesToOpen(stage, "Import catalogs, ephemerides, CDMs",
                List.of(new FileChooser.ExtensionFilter("Catalogs, OEM, CDM",
                                "*.tle", "*.3le", "*.txt", "*.omm", "*.xml", "*.json", "*.csv", "*.oem", "*.cdm", "*.kvn"),
                        new FileChooser.ExtensionFilter("All files", "*.*")));
        if (!files.isEmpty()) {
            importFiles(files);
        }
    }

    /** Imports in the background; bad records are listed, good ones kept. */
    public void importFiles(List<Path> files) {
        ctx.tasks().run("Importing " + files.size() + " file(s)", p -> ws.importFiles(files))
                .onSuccess(report -> {
                    tableVm.reload();
                    List<String> lines = new ArrayList<>();
                    report.files().forEach(f -> lines.add(f.summary()));
                    for (Diagnostic d : report.diagnostics()) {
                        lines.add(d.toString());
                    }
                    if (!report.diagnostics().isEmpty()) {
                        ctx.dialogs().lines("Imported with problems", report.records() + " records stored; "
                                + report.diagnostics().size() + " records or fields were skipped or repaired:", lines);
                    }
                })
                .onFailure(e -> ctx.dialogs().error("Import", e));
    }

    private void enableDragAndDrop() {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                importFiles(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    // ---------------------------------------------------------------- export

    private void exportCsv() {
        List<EventRow> rows = List.copyOf(tableView.table().getItems());
        ctx.dialogs().files().chooseFileToSave(stage, "Export conjunctions", "conjunctions.csv",
                        List.of(new FileChooser.ExtensionFilter("CSV", "*.csv")))
                .ifPresent(file -> ctx.tasks().run("Exporting CSV", p -> {
                            ConjunctionTableViewModel.writeCsv(rows, file);
                            return file;
                        })
                        .onFailure(e -> ctx.dialogs().error("Export CSV", e)));
    }

    private void exportCdm() {
        StoredEvent e = ctx.selection().event();
        if (e == null) {
            ctx.dialogs().info("No event selected", "Select a conjunction in the table first.");
            return;
        }
        String name = e.primaryNorad() + "_" + e.secondaryNorad() + "_"
                + Formats.utcMillis(e.tca()).replace(":", "").replace("-", "") + ".cdm";
        ctx.dialogs().files().chooseFileToSave(stage, "Export event as CDM", name,
                        List.of(new FileChooser.ExtensionFilter("CCSDS CDM (KVN)", "*.cdm")))
                .ifPresent(file -> ctx.tasks().run("Exporting CDM", p -> {
                            Files.writeString(file, ws.cdmText(e), StandardCharsets.US_ASCII);
                            return file;
                        })
                        .onFailure(ex -> ctx.dialogs().error("Export CDM", ex)));
    }

    private void exportPdf() {
        EventDetailViewModel.Details d = detailVm.detailsProperty().get();
        if (d == null) {
            ctx.dialogs().info("No event selected", "Select a conjunction in the table first.");
            return;
        }
        // the charts are drawn by the FX thread: snapshot them here, write the file in the background
        java.awt.image.BufferedImage charts = detailView.charts().getChildren().isEmpty() ? null
                : SwingFXUtils.fromFXImage(detailView.charts().snapshot(null, null), null);
        String name = d.event().primaryNorad() + "_" + d.event().secondaryNorad() + "_report.pdf";
        ctx.dialogs().files().chooseFileToSave(stage, "Export event report", name,
                        List.of(new FileChooser.ExtensionFilter("PDF", "*.pdf")))
                .ifPresent(file -> ctx.tasks().run("Writing the report", p -> {
                            EventReport.write(file, d, ws.catalog(), ws.identity().describe(), ws.clock().instant(),
                                    charts);
                            return file;
                        })
                        .onFailure(e -> ctx.dialogs().error("Export PDF", e)));
    }

    private void exportPng() {
        String paneId = dock.focusedPane().orElse(PANE_CONJUNCTIONS);
        Node node = dock.window(paneId).map(s -> (Node) s.getScene().getRoot()).orElse(center);
        WritableImage image = node.snapshot(null, null);
        ctx.dialogs().files().chooseFileToSave(stage, "Save view as PNG", paneId + ".png",
                        List.of(new FileChooser.ExtensionFilter("PNG", "*.png")))
                .ifPresent(file -> ctx.tasks().run("Saving PNG", p -> {
                            writePng(image, file);
                            return file;
                        })
                        .onFailure(e -> ctx.dialogs().error("Save PNG", e)));
    }

    /** A snapshot as PNG (any thread). */
    public static void writePng(WritableImage image, Path file) {
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- theme, layouts, lock

    public void setTheme(Theme t) {
        theme = t;
        t.apply(scene);
        dock.restyle(t);
        ctx.tasks().run("Saving theme", p -> ws.store().write(tx ->
                tx.settings().put(SettingScope.LOCAL, THEME_KEY, t.name(), ws.clock().instant())));
    }

    public Theme theme() {
        return theme;
    }

    private String layoutKey(String name) {
        return ws.identity().user() + ":" + name;
    }

    /** Saves where every pane is (and the theme) for the person at the console under {@code name}. */
    public void saveLayout(String name) {
        Properties p = dock.layout();
        p.setProperty("theme", theme.name());
        StringWriter text = new StringWriter();
        try {
            p.store(text, "AstroShield layout");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int monitors = Integer.parseInt(p.getProperty("monitors"));
        LayoutRow row = new LayoutRow(layoutKey(name), monitors, text.toString(), ws.clock().instant());
        ctx.tasks().run("Saving layout", pr -> {
            ws.store().write(tx -> {
                tx.layouts().save(row);
                return null;
            });
            return null;
        }).onFailure(e -> ctx.dialogs().error("Saving the layout", e));
    }

    /** Restores a layout saved by the same person. */
    public void restoreLayout(String name) {
        ctx.tasks().run("Loading layout", p -> ws.store().read(tx -> tx.layouts().find(layoutKey(name))))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        ctx.dialogs().info("No such layout", "No layout named '" + name + "' for "
                                + ws.identity().user());
                        return;
                    }
                    Properties p = new Properties();
                    try {
                        p.load(new StringReader(found.get().layoutJson()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    Optional.ofNullable(p.getProperty("theme")).map(Theme::valueOf).ifPresent(this::setTheme);
                    dock.apply(p);
                })
                .onFailure(e -> ctx.dialogs().error("Restoring the layout", e));
    }

    private void saveLayoutAsked() {
        TextInputDialog d = new TextInputDialog("default");
        d.initOwner(stage);
        d.setHeaderText("Save the layout as");
        d.showAndWait().filter(s -> !s.isBlank()).ifPresent(this::saveLayout);
    }

    private void restoreLayoutAsked() {
        TextInputDialog d = new TextInputDialog("default");
        d.initOwner(stage);
        d.setHeaderText("Restore the layout named");
        d.showAndWait().filter(s -> !s.isBlank()).ifPresent(this::restoreLayout);
    }

    /**
     * Covers the console until the same person unlocks it. Alarms keep being evaluated and the horn keeps sounding
     * behind the lock; only input is blocked. A user who signed in to the backend unlocks with that password (checked
     * against a local verifier, so also offline); the local account, which has no password, with its user name.
     */
    public void lock() {
        if (lockScreen != null) {
            return;
        }
        String user = ws.identity().user();
        ConsoleLock.Mode mode = ws.consoleLock().mode(user);
        Label who = new Label("Locked by " + ws.identity().describe());
        PasswordField answer = new PasswordField();
        answer.setPromptText(mode == ConsoleLock.Mode.PASSWORD ? "password of " + user
                : "user name (local account: no password known)");
        answer.setId("unlock-answer");
        answer.setMaxWidth(260);
        Label error = new Label();
        error.setId("unlock-error");
        Button unlock = new Button("Unlock");
        unlock.setId("unlock");
        unlock.setDefaultButton(true);
        unlock.setOnAction(e -> {
            char[] typed = answer.getText().toCharArray();
            answer.clear();
            unlock.setDisable(true);
            error.setText("checking…");
            tasks().runUnlisted("Unlock", p -> {
                try {
                    return ws.consoleLock().attempt(user, typed);
                } finally {
                    java.util.Arrays.fill(typed, '\0');
                }
            }).onSuccess(verdict -> {
                unlock.setDisable(false);
                if (verdict instanceof ConsoleLock.Verdict.Unlocked) {
                    center.getChildren().remove(lockScreen);
                    lockScreen = null;
                    blockInput(false);
                } else if (verdict instanceof ConsoleLock.Verdict.Refused r) {
                    error.setText(r.reason());
                } else if (verdict instanceof ConsoleLock.Verdict.Wait w) {
                    error.setText("too many wrong attempts: try again in " + Formats.duration(w.remaining()));
                }
                answer.requestFocus();
            }).onFailure(t -> {
                unlock.setDisable(false);
                error.setText("cannot check: " + t.getMessage());
            });
        });
        VBox box = new VBox(12, new Label("Console locked"), who, answer, unlock, error);
        box.getStyleClass().add("lock-screen");
        box.setAlignment(Pos.CENTER);
        box.setId("lock-screen");
        box.setStyle("-fx-background-color: -color-bg-default;");
        lockScreen = box;
        center.getChildren().add(box);
        blockInput(true);
        answer.requestFocus();
    }

    /** The lock screen covers the panes; the menus and the detached windows stay visible but take no input. */
    private void blockInput(boolean blocked) {
        BorderPane root = (BorderPane) scene.getRoot();
        root.getTop().setDisable(blocked);
        root.getBottom().setDisable(blocked);
        dock.blockInput(blocked);
    }

    private BackgroundTasks tasks() {
        return ctx.tasks();
    }

    /** Asks for server, user and password (and, for a private CA, its certificate), then signs in. */
    private void signIn() {
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> d = new javafx.scene.control.Dialog<>();
        d.initOwner(stage);
        d.setTitle("Sign in");
        d.getDialogPane().setId("signin-dialog");
        javafx.scene.control.TextField url = new javafx.scene.control.TextField(
                sync.rememberedServer().orElse("http://localhost:8000"));
        url.setId("signin-url");
        javafx.scene.control.TextField user = new javafx.scene.control.TextField(
                sync.rememberedUser().orElse(ws.identity().user()));
        user.setId("signin-user");
        PasswordField password = new PasswordField();
        password.setId("signin-password");
        javafx.scene.control.TextField trust = new javafx.scene.control.TextField();
        trust.setPromptText("optional: PEM or key store of a private CA");
        javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Server"), url);
        g.addRow(1, new Label("User"), user);
        g.addRow(2, new Label("Password"), password);
        g.addRow(3, new Label("Trusted certificate"), trust);
        d.getDialogPane().setContent(g);
        javafx.scene.control.ButtonType ok = new javafx.scene.control.ButtonType("Sign in",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().setAll(ok, javafx.scene.control.ButtonType.CANCEL);
        d.showAndWait().filter(b -> b == ok).ifPresent(b -> {
            char[] secret = password.getText().toCharArray();
            password.clear();
            Path trustFile = trust.getText().isBlank() ? null : Path.of(trust.getText().trim());
            String server = url.getText().trim();
            String name = user.getText().trim();
            tasks().run("Signing in to " + server, p -> sync.connect(server, name, secret, trustFile))
                    .onSuccess(s -> tasks().runUnlisted("Status", q -> {
                        statusVm.refresh();
                        return null;
                    }))
                    .onFailure(e -> ctx.dialogs().error("Sign-in", e));
        });
    }

    /** Stops the window's clocks and background threads (the application is stopping). */
    public void close() {
        sync.close();
        statusTicker.stop();
        telemetryFeed.close();
        telemetryVm.dispose();
        ctx.time().stop();
        ctx.tasks().close();
    }

    // ---------------------------------------------------------------- for views added by other features and tests

    public ConsoleContext context() {
        return ctx;
    }

    public DockArea dock() {
        return dock;
    }

    public Scene scene() {
        return scene;
    }

    public EventDetailView eventDetailView() {
        return detailView;
    }

    public ConjunctionTableViewModel conjunctions() {
        return tableVm;
    }

    public AlarmPaneViewModel alarms() {
        return alarmVm;
    }

    public StatusBarViewModel status() {
        return statusVm;
    }

    public ScreeningViewModel screening() {
        return screeningVm;
    }
}
