package io.astroshield.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The installed {@code astroshield} launcher's main class, run as the launcher runs it: its own JVM. */
class CliLauncherTest {

    @Test
    void withoutArgumentsPrintsUsageAndExitsZeroInsteadOfOpeningTheWindow() throws Exception {
        // given: a JVM with no display, so a window would fail rather than print usage
        // when
        Result result = runCliLauncher();
        // then
        assertThat(result.exitCode).isZero();
        assertThat(result.err).contains("Usage: astroshield").contains("screen");
    }

    @Test
    void withASubcommandRunsIt() throws Exception {
        // given / when
        Result result = runCliLauncher("--version");
        // then
        assertThat(result.exitCode).isZero();
        assertThat(result.out).startsWith("astroshield ");
    }

    private record Result(int exitCode, String out, String err) {
    }

    private static Result runCliLauncher(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(java, "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), CliLauncher.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("DISPLAY");
        Process process = pb.start();
        process.getOutputStream().close();
        // stdout and stderr are small here (usage text), so reading them one after the other cannot block
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("CLI finished within 60 s").isTrue();
        return new Result(process.exitValue(), out, err);
    }
}
