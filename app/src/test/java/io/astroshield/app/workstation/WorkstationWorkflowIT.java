package io.astroshield.app.workstation;

import io.astroshield.app.alarms.SoundCue;
import io.astroshield.app.conjunctions.EventRow;
import io.astroshield.app.fx.Theme;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.AuditAction;
import io.astroshield.domain.cdm.CdmReader;
import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main workflows of a console shift, driven through the real window on a real H2 file (headless Monocle):
 * open the demo, select an event, acknowledge and shelve its alarm and see the audit, export CSV and CDM, switch
 * theme, save and restore a layout, import a file with bad records, see the pending count while offline, and
 * use the window while a screening runs.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WorkstationWorkflowIT {

    @TempDir
    static Path dir;

    private static Workstation workstation;
    private static MainWindow window;
    private static final ScriptedFileDialogs FILES = new ScriptedFileDialogs();

    @Start
    void start(Stage stage) {
        if (workstation == null) {
            workstation = WindowFixture.openWorkstation(dir.resolve("data"));
        }
        if (window == null) {
            window = new MainWindow(stage, workstation, new SoundCue(), FILES);
        }
        stage.show();
    }

    @AfterAll
    static void close() {
        WindowFixture.close(window, workstation);
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(3, TimeUnit.MINUTES, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private void openDemoIfNeeded(FxRobot robot) throws Exception {
        if (workstation.catalog().size() == 0) {
            robot.clickOn("#first-run-demo");
        }
        waitUntil("the demo's events are in the table", () -> window.conjunctions().allRows().stream()
                .filter(r -> !r.provisional()).count() >= 6 && !window.alarms().allAlarms().isEmpty()
                && window.context().tasks().running().isEmpty());
    }

    @Test
    @Order(1)
    void emptyStoreOffersImportAndDemoAndTheDemoFillsTableAndAlarms(FxRobot robot) throws Exception {
        // given an empty store: the first-run choices are shown
        assertThat(robot.lookup("#first-run").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        assertThat(robot.lookup("#first-run-import").tryQuery()).isPresent();

        // when
        openDemoIfNeeded(robot);

        // then: the six planted encounters (DemoScenario.PLANTS, misses 150 m .. 4 km) are among the events,
        // each with its CDM history (3 CDMs + the screening: 4 updates)
        List<EventRow> rows = fx(() -> List.copyOf(window.conjunctions().allRows()));
        assertThat(rows.stream().filter(r -> r.event().updateCount() >= 4).count()).isGreaterThanOrEqualTo(5);
        assertThat(rows).allMatch(r -> r.missM() <= 5_000.0);
        assertThat(robot.lookup("#first-run").queryAs(javafx.scene.Node.class).isVisible()).isFalse();
    }

    @Test
    @Order(2)
    void selectingAnEventShowsItsDetail(FxRobot robot) throws Exception {
        openDemoIfNeeded(robot);
        TableView<EventRow> table = robot.lookup("#conjunction-table").queryTableView();
        // when
        robot.interact(() -> table.getSelectionModel().select(0));
        EventRow row = fx(() -> table.getSelectionModel().getSelectedItem());

        // then: the detail pane shows the event's TCA to the millisecond and its miss distance
        waitUntil("the detail shows the event", () -> robot.lookup("#event-tca").tryQuery().isPresent()
                && ((Label) robot.lookup("#event-tca").query()).getText().equals(Formats.utcMillis(row.tca())));
        assertThat(((Label) robot.lookup("#event-miss-distance").query()).getText())
                .isEqualTo(Formats.km(row.missM()));
    }

    @Test
    @Order(3)
    void acknowledgingAndShelvingAnAlarmIsAuditedWithUserRoleAndDevice(FxRobot robot) throws Exception {
        openDemoIfNeeded(robot);
        robot.interact(() -> window.dock().show(MainWindow.PANE_ALARMS));
        TableView<AlarmOccurrence> alarms = robot.lookup("#alarm-table").queryTableView();
        waitUntil("an unacknowledged alarm", () -> alarms.getItems().stream().anyMatch(a -> !a.acknowledged()));
        AlarmOccurrence target = fx(() -> alarms.getItems().stream().filter(a -> !a.acknowledged()).findFirst()
                .orElseThrow());

        // when: acknowledge with a comment through the dialog
        robot.interact(() -> alarms.getSelectionModel().select(target));
        robot.clickOn("#alarm-ack");
        robot.clickOn("#ack-comment").write("seen, tracking");
        robot.clickOn("Acknowledge");

        // then: the engine holds it acknowledged, and its history names who did it
        waitUntil("acknowledged", () -> workstation.alarms(e -> e.occurrence(target.id())).map(AlarmOccurrence::acknowledged).orElse(false));
        waitUntil("audit shows the acknowledgement", () -> window.alarms().history().stream()
                .anyMatch(e -> e.action() == AuditAction.ACKNOWLEDGED && e.comment().equals("seen, tracking")
                        && e.user().equals(workstation.identity().user())
                        && e.role() == workstation.identity().role()
                        && e.deviceId().equals(workstation.deviceId())));

        // when: shelve it for an hour with a reason
        robot.clickOn("#alarm-shelve");
        robot.clickOn("#shelve-reason").write("maneuver screening in progress");
        robot.clickOn("Shelve");

        // then
        waitUntil("shelved", () -> workstation.alarms(e -> e.occurrence(target.id())).map(AlarmOccurrence::shelved).orElse(false));
        waitUntil("audit shows the shelve", () -> window.alarms().history().stream()
                .anyMatch(e -> e.action() == AuditAction.SHELVED && e.comment().equals("maneuver screening in progress")));
    }

    @Test
    @Order(4)
    void tableExportsAsCsvAndTheSelectedEventAsACdmThatReadsBack(FxRobot robot) throws Exception {
        openDemoIfNeeded(robot);
        TableView<EventRow> table = robot.lookup("#conjunction-table").queryTableView();
        int shown = fx(() -> table.getItems().size());
        Path csv = dir.resolve("events.csv");
        Path cdm = dir.resolve("event.cdm");

        // when
        FILES.willSaveTo(csv);
        robot.interact(() -> window.run("export.csv"));
        robot.interact(() -> table.getSelectionModel().select(0));
        FILES.willSaveTo(cdm);
        robot.interact(() -> window.run("export.cdm"));

        // then: header of DESIGN.md and one line per shown row; the CDM parses without errors
        waitUntil("both files written", () -> Files.exists(csv) && Files.exists(cdm) && Files.size(cdm) > 0
                && window.context().tasks().running().isEmpty());
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(EventTable.CSV_HEADER);
        assertThat(lines).hasSize(shown + 1);
        var read = new CdmReader(workstation.referenceData()).read(cdm);
        assertThat(read.records()).hasSize(1);
        assertThat(read.diagnostics()).noneMatch(d -> d.level() == io.astroshield.domain.input.Diagnostic.Level.ERROR);
        assertThat(read.records().get(0).tca()).isEqualTo(fx(() -> table.getSelectionModel().getSelectedItem().tca()));

        // and the one-page report of the same event names its TCA and miss distance
        Path pdf = dir.resolve("event.pdf");
        EventRow selected = fx(() -> table.getSelectionModel().getSelectedItem());
        waitUntil("detail loaded", () -> window.eventDetailView() != null
                && robot.lookup("#event-tca").tryQuery().isPresent()
                && ((Label) robot.lookup("#event-tca").query()).getText().equals(Formats.utcMillis(selected.tca())));
        FILES.willSaveTo(pdf);
        robot.interact(() -> window.run("export.pdf"));
        waitUntil("report written", () -> Files.exists(pdf) && window.context().tasks().running().isEmpty());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains(Formats.utcMillis(selected.tca())).contains(Formats.km(selected.missM()));
        }
    }

    @Test
    @Order(5)
    void switchingThemeChangesTheWholeApplicationLook(FxRobot robot) throws Exception {
        // when
        robot.interact(() -> window.setTheme(Theme.LIGHT));
        // then
        assertThat(fx(Application::getUserAgentStylesheet)).contains("primer-light");
        robot.interact(() -> window.setTheme(Theme.HIGH_CONTRAST));
        assertThat(fx(() -> window.scene().getStylesheets())).anyMatch(s -> s.endsWith("high-contrast.css"));
        robot.interact(() -> window.setTheme(Theme.DARK));
        assertThat(fx(Application::getUserAgentStylesheet)).contains("primer-dark");
        assertThat(fx(() -> window.scene().getStylesheets())).noneMatch(s -> s.endsWith("high-contrast.css"));
    }

    @Test
    @Order(6)
    void aSavedLayoutWithADetachedPaneIsRestored(FxRobot robot) throws Exception {
        // given: the alarm pane detached into its own window, saved as "night shift"
        robot.interact(() -> window.dock().detach(MainWindow.PANE_ALARMS));
        assertThat(fx(() -> window.dock().isDetached(MainWindow.PANE_ALARMS))).isTrue();
        robot.interact(() -> window.saveLayout("night shift"));
        waitUntil("layout stored", () -> workstation.store().read(tx -> tx.layouts().names())
                .contains(workstation.identity().user() + ":night shift"));

        // when: docked back, then the layout restored
        robot.interact(() -> window.dock().dock(MainWindow.PANE_ALARMS));
        assertThat(fx(() -> window.dock().isDetached(MainWindow.PANE_ALARMS))).isFalse();
        robot.interact(() -> window.restoreLayout("night shift"));

        // then
        waitUntil("alarm pane detached again", () -> window.dock().isDetached(MainWindow.PANE_ALARMS));
        robot.interact(() -> window.dock().dock(MainWindow.PANE_ALARMS));
    }

    @Test
    @Order(7)
    void importingAFileWithABadRecordListsItAndKeepsTheGoodOnes(FxRobot robot) throws Exception {
        // given: two valid 3LE records (ISS-like and HST-like element sets written by hand in the TLE format,
        // checksums by the format's modulo-10 rule) and one whose line 1 checksum digit is wrong (5 instead of 1)
        Path file = dir.resolve("mixed.3le");
        Files.writeString(file, String.join("\n",
                "ISS (ZARYA)",
                "1 25544U 98067A   26325.50000000  .00016717  00000-0  30000-3 0  9991",
                "2 25544  51.6400 200.0000 0005000  90.0000 270.0000 15.50000000100005",
                "BROKEN",
                "1 99001U 26001A   26325.50000000  .00000000  00000-0  00000-0 0  9995",
                "2 99001  51.6400 200.0000 0005000  90.0000 270.0000 15.50000000100004",
                "HST",
                "1 20580U 90037B   26325.50000000  .00001000  00000-0  50000-4 0  9997",
                "2 20580  28.4700 100.0000 0002500  80.0000 280.0000 15.10000000100002"), StandardCharsets.US_ASCII);
        int before = workstation.catalog().size();

        // when
        FILES.willOpen(List.of(file));
        robot.interact(() -> window.run("import"));

        // then: the diagnostics dialog names the file and the line; the good records are stored
        waitUntil("diagnostics shown", () -> robot.lookup("#diagnostics-dialog").tryQuery().isPresent());
        String text = ((TextArea) robot.lookup("#diagnostics-dialog .text-area").query()).getText();
        assertThat(text).contains("mixed.3le").contains("checksum");
        waitUntil("good records stored", () -> workstation.catalog().find(25544).isPresent()
                && workstation.catalog().find(20580).isPresent());
        assertThat(workstation.catalog().find(99001)).isEmpty();
        assertThat(workstation.catalog().size()).isGreaterThanOrEqualTo(before + 2 - 0);
        robot.clickOn("OK");
    }

    @Test
    @Order(8)
    void offlineTheStatusBarShowsPendingOpsFromTheAlarmActions(FxRobot robot) throws Exception {
        // given: no backend configured; the acknowledgement and shelve of test 3 are queued for upload
        long pending = workstation.store().read(tx -> tx.outbox().unsyncedCount());
        assertThat(pending).isGreaterThan(0);
        // when
        robot.interact(() -> window.context().tasks().run("Status", p -> {
            window.status().refresh();
            return null;
        }));
        // then
        waitUntil("status shows the pending count", () ->
                ((Label) robot.lookup("#status-pending").query()).getText().equals("pending ops " + pending));
        assertThat(((Label) robot.lookup("#status-connection").query()).getText()).contains("offline");
        assertThat(((Label) robot.lookup("#status-identity").query()).getText()).contains(workstation.identity().user());
    }

    @Test
    @Order(9)
    void theWindowAnswersInputWhileAFullCatalogScreeningRuns(FxRobot robot) throws Exception {
        openDemoIfNeeded(robot);
        // when: a 3-day all-vs-all screening of the whole demo catalog starts from the UI
        robot.interact(() -> window.screening().start(java.util.Set.of(), workstation.clock().instant(),
                java.time.Duration.ofDays(3), 5));
        assertThat(fx(() -> window.screening().runningProperty().get())).isTrue();

        // and the operator types in the search box while it runs
        robot.interact(() -> window.dock().show(MainWindow.PANE_CONJUNCTIONS));
        robot.clickOn("#conjunction-search").write("999999");

        // then: the keystrokes were handled (the filter applied) before the screening finished
        boolean stillRunning = fx(() -> window.screening().runningProperty().get());
        assertThat(((TextField) robot.lookup("#conjunction-search").query()).getText()).isEqualTo("999999");
        assertThat(((Label) robot.lookup("#conjunction-count").query()).getText()).startsWith("0 of");
        assertThat(stillRunning).as("the screening was still running when the input was handled").isTrue();
        waitUntil("screening finished", () -> !window.screening().runningProperty().get());
        robot.interact(() -> ((TextField) robot.lookup("#conjunction-search").query()).clear());
    }
}
