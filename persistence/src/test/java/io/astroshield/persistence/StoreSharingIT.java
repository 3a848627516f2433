package io.astroshield.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 3, concurrency between processes: share through the holder, or a clear message naming it. */
class StoreSharingIT {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    @TempDir
    Path dataDir;

    private Process holder(boolean autoServer) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), StoreHolderChild.class.getName(), dataDir.toString(),
                Boolean.toString(autoServer))).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String firstLine(Process p) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? "(no output, exit " + p.onExit().join().exitValue() + ")" : line;
    }

    private static void release(Process p) throws Exception {
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void aSecondProcessWithoutSharingGetsAMessageNamingTheHolder() throws Exception {
        // given another process holding the store without auto-server
        Process holder = holder(false);
        try {
            String ready = firstLine(holder);
            assertThat(ready).startsWith("READY");
            // when this process opens it
            // then it is told who holds it, and the holder's data is intact afterwards
            assertThatThrownBy(() -> Store.open(dataDir, StoreOptions.defaults().withAutoServer(false)))
                    .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.LOCKED))
                    .hasMessageContaining("is in use by process " + holder.pid());
        } finally {
            release(holder);
        }
        try (Store store = Store.open(dataDir, StoreOptions.defaults().withAutoServer(false))) {
            Optional<String> cursor = store.read(tx -> tx.syncCursors().get("holder"));
            assertThat(cursor).contains("alive");
        }
    }

    @Test
    void aSecondProcessWithAutoServerReadsAndWritesThroughTheHolder() throws Exception {
        // given the window's process holding the store in auto-server mode
        Process holder = holder(true);
        try {
            assertThat(firstLine(holder)).startsWith("READY");
            // when the CLI opens the same data directory
            try (Store cli = Store.open(dataDir, StoreOptions.defaults())) {
                // then it goes through the holder, sees the holder's writes and can write itself
                assertThat(cli.ownsFile()).isFalse();
                Optional<String> seen = cli.read(tx -> tx.syncCursors().get("holder"));
                assertThat(seen).contains("alive");
                cli.write(tx -> {
                    tx.syncCursors().save("cli", "was-here", T0);
                    return null;
                });
            }
        } finally {
            release(holder);
        }
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            assertThat(store.ownsFile()).isTrue();
            Optional<String> cli = store.read(tx -> tx.syncCursors().get("cli"));
            assertThat(cli).contains("was-here");
        }
    }
}
