package io.astroshield.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What `java -jar astroshield.jar ARGS` opens: the window (no command, or files from a file manager) or the CLI. */
class LauncherTest {

    @Test
    void noArgumentsOrOnlyTheDataDirectoryOpenTheWindow() {
        assertThat(Launcher.opensWindow(new String[0])).isTrue();
        assertThat(Launcher.opensWindow(new String[] {"--data-dir", "/tmp/x"})).isTrue();
        assertThat(Launcher.opensWindow(new String[] {"--data-dir=/tmp/x"})).isTrue();
    }

    @Test
    void associatedFilesFromAFileManagerOpenTheWindow(@TempDir Path dir) throws Exception {
        Path tle = Files.writeString(dir.resolve("iss.TLE"), "");
        Path cdm = Files.writeString(dir.resolve("event.cdm"), "");
        assertThat(Launcher.opensWindow(new String[] {tle.toString()})).isTrue();
        assertThat(Launcher.opensWindow(new String[] {"--data-dir", dir.toString(), tle.toString(), cdm.toString()}))
                .isTrue();
    }

    @Test
    void commandsAndUnknownOrMissingFilesGoToTheCli(@TempDir Path dir) throws Exception {
        Path txt = Files.writeString(dir.resolve("notes.txt"), "");
        assertThat(Launcher.opensWindow(new String[] {"screen", "--catalog", "x.3le"})).isFalse();
        assertThat(Launcher.opensWindow(new String[] {"--version"})).isFalse();
        assertThat(Launcher.opensWindow(new String[] {txt.toString()})).isFalse();
        assertThat(Launcher.opensWindow(new String[] {dir.resolve("missing.tle").toString()})).isFalse();
    }
}
