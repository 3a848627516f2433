package io.astroshield.app.workstation;

import io.astroshield.app.alarms.SoundCue;
import io.astroshield.app.fx.Theme;
import io.astroshield.domain.alarms.Role;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The console lock through the real window (headless Monocle): it blocks every command until the right password. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ConsoleLockIT {

    private static final String PASSWORD = "a long and correct password";

    @TempDir
    static Path dir;
    private static Workstation workstation;
    private static MainWindow window;

    @Start
    void start(Stage stage) {
        workstation = WindowFixture.openWorkstation(dir.resolve("data"));
        // given ana signed in to the backend earlier (what SyncService.connect records), now offline
        workstation.verified("ana", Role.OPERATOR);
        workstation.wentOffline();
        workstation.consoleLock().remember("ana", PASSWORD.toCharArray());
        window = new MainWindow(stage, workstation, new SoundCue(), new ScriptedFileDialogs());
        stage.show();
    }

    @AfterAll
    static void close() {
        WindowFixture.close(window, workstation);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** Waits (up to a generous minute against hangs) for the FX side to show something. */
    private static void await(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(1, TimeUnit.MINUTES, () -> fx(condition));
    }

    @Test
    void lockedConsoleIgnoresCommandsAndOpensOnlyWithThePassword(FxRobot robot) throws Exception {
        Theme before = fx(window::theme);
        Theme other = before == Theme.LIGHT ? Theme.DARK : Theme.LIGHT;
        String otherCommand = "theme." + other.name().toLowerCase(java.util.Locale.ROOT);

        // when the console is locked
        robot.interact(() -> window.run("lock"));

        // then the lock screen covers it, the menus take no input and a command does nothing
        assertThat(robot.lookup("#lock-screen").tryQuery()).isPresent();
        assertThat(fx(() -> robot.lookup("#menu-bar").queryAs(Node.class).isDisabled())).isTrue();
        robot.interact(() -> window.run(otherCommand));
        assertThat(fx(window::theme)).isEqualTo(before);

        // when the user name is typed (what a local account would type): refused
        robot.clickOn("#unlock-answer").write("ana").clickOn("#unlock");
        await(() -> ((Label) robot.lookup("#unlock-error").query()).getText()
                .equals("wrong password for ana"));
        assertThat(robot.lookup("#lock-screen").tryQuery()).isPresent();

        // when the password is typed: open again, and commands work
        robot.clickOn("#unlock-answer").write(PASSWORD).clickOn("#unlock");
        await(() -> robot.lookup("#lock-screen").tryQuery().isEmpty());
        assertThat(fx(() -> robot.lookup("#menu-bar").queryAs(Node.class).isDisabled())).isFalse();
        robot.interact(() -> window.run(otherCommand));
        assertThat(fx(window::theme)).isEqualTo(other);
    }
}
