package io.astroshield.persistence;

import io.astroshield.persistence.jdbc.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3, crash safety: a child JVM ({@link CrashSafetyChild}) writes screening runs with their
 * events and alarm acknowledgements in transactions and is killed with SIGKILL at random moments;
 * after every kill the store opens, every transaction the child reported committed is there in
 * full, and no transaction is there in part.
 */
class CrashSafetyIT {

    /** At least 20 (issue 3); {@code -Dcrash.cycles=N} runs a longer soak. */
    private static final int CYCLES = Integer.getInteger("crash.cycles", 21);
    private static final Pattern COMMITTED = Pattern.compile("COMMITTED run=(\\d+) raised=(\\d+) acked=(\\d+)");

    @TempDir
    Path dataDir;

    @Test
    void everyReportedCommitSurvivesSigkillAndNoTransactionIsHalfApplied() throws Exception {
        Random random = new Random(20261122L);
        int reportedTotal = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            // given a child writing transactions, alternating the two durability modes
            Durability durability = cycle % 2 == 0 ? Durability.PROCESS_CRASH : Durability.POWER_LOSS;
            Process child = startChild(random.nextLong(), durability);
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = pump(child, lines);

            // when it is killed with SIGKILL at a random moment after its first reported commit
            List<String> output = new ArrayList<>();
            String first = awaitFirstCommit(lines, output, child);
            assertThat(first).as("cycle %d: the child committed before the kill", cycle).startsWith("COMMITTED");
            // a random pause (0-400 ms) chooses the moment of the kill: mid-transaction or between two
            child.waitFor(random.nextInt(400), TimeUnit.MILLISECONDS);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("cycle %d: killed by SIGKILL (128 + 9)", cycle).isEqualTo(137);
            reader.join(10_000);
            lines.drainTo(output);
            List<long[]> reported = new ArrayList<>();
            for (String line : output) {
                Matcher m = COMMITTED.matcher(line);
                if (m.matches()) {
                    reported.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)),
                            Long.parseLong(m.group(3))});
                }
            }
            reportedTotal += reported.size();

            // then the store opens with every reported transaction whole and none in part
            int thisCycle = cycle;
            try (Store store = Store.open(dataDir, StoreOptions.defaults().withAutoServer(false))) {
                store.read(tx -> {
                    checkReportedAreComplete(tx.connection(), reported, thisCycle);
                    checkNothingIsPartial(tx.connection(), thisCycle);
                    return null;
                });
            }
        }
        assertThat(reportedTotal).as("transactions reported over all cycles").isGreaterThan(CYCLES);
    }

    private void checkReportedAreComplete(Connection c, List<long[]> reported, int cycle) {
        for (long[] r : reported) {
            long runId = r[0];
            long raised = r[1];
            long acked = r[2];
            assertThat(Jdbc.count(c, "run", "SELECT COUNT(*) FROM screening_run WHERE id = ? AND status = 'COMPLETED'",
                    ps -> ps.setLong(1, runId))).as("cycle %d: reported run %d is stored", cycle, runId).isEqualTo(1);
            assertThat(Jdbc.count(c, "raised", "SELECT COUNT(*) FROM audit_record WHERE action = 'RAISE' "
                    + "AND occurrence_id = ? AND detail = ?", ps -> {
                        ps.setLong(1, raised);
                        ps.setString(2, "run=" + runId);
                    })).as("cycle %d: raise of occurrence %d audited", cycle, raised).isEqualTo(1);
            if (acked != 0) {
                assertThat(Jdbc.count(c, "acked", "SELECT COUNT(*) FROM alarm_occurrence WHERE id = ? "
                        + "AND state = 'ACK_ACTIVE' AND acknowledged_by = 'child'", ps -> ps.setLong(1, acked)))
                        .as("cycle %d: occurrence %d acknowledged", cycle, acked).isEqualTo(1);
                assertThat(Jdbc.count(c, "ack audit", "SELECT COUNT(*) FROM audit_record WHERE action = 'ACKNOWLEDGE' "
                        + "AND occurrence_id = ? AND detail = ?", ps -> {
                            ps.setLong(1, acked);
                            ps.setString(2, "run=" + runId);
                        })).as("cycle %d: acknowledgement of %d audited", cycle, acked).isEqualTo(1);
            }
        }
    }

    private void checkNothingIsPartial(Connection c, int cycle) {
        // every run that is there has all its events: start, events and finish were one transaction
        List<long[]> runs = Jdbc.list(c, "runs", """
                SELECT r.id, r.event_count, (SELECT COUNT(*) FROM conjunction_event_update u WHERE u.run_id = r.id),
                       CASE WHEN r.status = 'COMPLETED' THEN 1 ELSE 0 END
                FROM screening_run r
                """, Jdbc.NO_PARAMETERS, rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        for (long[] run : runs) {
            assertThat(run[3]).as("cycle %d: run %d completed", cycle, run[0]).isEqualTo(1);
            assertThat(run[2]).as("cycle %d: updates of run %d", cycle, run[0]).isEqualTo(run[1]);
        }
        // each transaction raised exactly one occurrence with its audit record
        long occurrences = Jdbc.count(c, "occ", "SELECT COUNT(*) FROM alarm_occurrence", Jdbc.NO_PARAMETERS);
        assertThat(occurrences).as("cycle %d: one occurrence per run", cycle).isEqualTo(runs.size());
        assertThat(Jdbc.count(c, "raise audits", "SELECT COUNT(*) FROM audit_record WHERE action = 'RAISE'",
                Jdbc.NO_PARAMETERS)).isEqualTo(occurrences);
        // an occurrence is acknowledged if and only if its acknowledgement is audited
        Map<Long, Long> ackAudits = new HashMap<>();
        for (long[] a : Jdbc.list(c, "ack audits", "SELECT occurrence_id, COUNT(*) FROM audit_record "
                + "WHERE action = 'ACKNOWLEDGE' GROUP BY occurrence_id", Jdbc.NO_PARAMETERS,
                rs -> new long[] {rs.getLong(1), rs.getLong(2)})) {
            ackAudits.put(a[0], a[1]);
        }
        List<Long> acknowledged = Jdbc.list(c, "acked", "SELECT id FROM alarm_occurrence WHERE state = 'ACK_ACTIVE'",
                Jdbc.NO_PARAMETERS, rs -> rs.getLong(1));
        assertThat(ackAudits.keySet()).as("cycle %d: acknowledged occurrences = audited acknowledgements", cycle)
                .containsExactlyInAnyOrderElementsOf(acknowledged);
        assertThat(ackAudits.values()).allMatch(n -> n == 1);
        // every event has updates 1..n and exactly one latest row
        assertThat(Jdbc.count(c, "broken events", """
                SELECT COUNT(*) FROM (
                    SELECT event_id FROM conjunction_event_update GROUP BY event_id
                    HAVING COUNT(*) <> MAX(update_number) OR SUM(CASE WHEN is_latest THEN 1 ELSE 0 END) <> 1)
                """, Jdbc.NO_PARAMETERS)).as("cycle %d: events with a gap or not exactly one latest update", cycle)
                .isZero();
    }

    private Process startChild(long seed, Durability durability) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CrashSafetyChild.class.getName(), dataDir.toString(),
                Long.toString(seed), durability.name());
        Path err = Files.createTempFile(dataDir.getParent(), "child", ".err");
        return new ProcessBuilder(command).redirectError(err.toFile()).start();
    }

    private static Thread pump(Process child, BlockingQueue<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("READ FAILED " + e);
            }
        }, "crash-child-stdout");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Moves lines to {@code output} until the first COMMITTED line, which it returns, or explains its absence. */
    private static String awaitFirstCommit(BlockingQueue<String> lines, List<String> output, Process child)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                output.add(line);
                if (line.startsWith("COMMITTED")) {
                    return line;
                }
            } else if (!child.isAlive() && lines.isEmpty()) {
                return "child exited with " + child.exitValue() + " after " + output;
            }
        }
        return "no commit within 60 s: " + output;
    }
}
