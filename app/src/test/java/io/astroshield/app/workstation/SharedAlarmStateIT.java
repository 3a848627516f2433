package io.astroshield.app.workstation;

import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.Annunciator;
import io.astroshield.domain.alarms.AuditAction;
import io.astroshield.domain.alarms.ConjunctionUpdate;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.Role;
import io.astroshield.domain.alarms.UpdateSource;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.persistence.StoreOptions;
import io.astroshield.sync.server.ReferenceServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared alarm state between two workstations signed in to the real reference server on loopback (issue 5): what
 * one console's operator does to an alarm reaches the other console by itself (the alarm action asks for a sync,
 * the server's live stream tells the other console, whose sync applies the shared record to its alarm engine).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SharedAlarmStateIT {

    private static final String PASSWORD = "a long and correct password";
    private static ReferenceServer server;

    @BeforeAll
    static void startServer() throws Exception {
        Path serverDir = Files.createTempDirectory("astroshield-shared-alarms-it");
        Files.writeString(serverDir.resolve("admin.txt"), "admin-password-for-tests\n");
        server = ReferenceServer.start(ReferenceServer.Settings.defaults(serverDir.resolve("data"))
                .withHost("127.0.0.1").withPort(0).withAdminPasswordFile(serverDir.resolve("admin.txt"))
                .withBcryptCost(10).withConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        server.users().create("oscar.operator", PASSWORD.toCharArray(), io.astroshield.sync.server.Role.OPERATOR);
        server.users().create("ana.analyst", PASSWORD.toCharArray(), io.astroshield.sync.server.Role.ANALYST);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void anAcknowledgementAtOneConsoleReachesTheOtherSignedInConsoleByItself(@TempDir Path dirA, @TempDir Path dirB)
            throws Exception {
        try (Workstation a = Workstation.open(dirA, StoreOptions.defaults(), ReferenceData.builtIn(), Clock.systemUTC(),
                Annunciator.SILENT); SyncService syncA = new SyncService(a);
             Workstation b = Workstation.open(dirB, StoreOptions.defaults(), ReferenceData.builtIn(), Clock.systemUTC(),
                     Annunciator.SILENT); SyncService syncB = new SyncService(b)) {
            // given two signed-in consoles that see the same conjunction (Pc 3e-4, TCA in 20 h: SEVERE on CARA's
            // matrix, ConjunctionLimitSet.caraDefault)
            syncA.connect("http://127.0.0.1:" + server.port(), "oscar.operator", PASSWORD.toCharArray(), null);
            syncB.connect("http://127.0.0.1:" + server.port(), "ana.analyst", PASSWORD.toCharArray(), null);
            var tca = a.clock().instant().plus(Duration.ofHours(20));
            for (Workstation ws : List.of(a, b)) {
                ws.alarms(e -> e.conjunctions().acceptAll(List.of(new ConjunctionUpdate(300, 400, tca, 150.0, 3e-4,
                        UpdateSource.CDM, DataOrigin.LIVE, "cdm-shared"))));
            }
            AlarmOccurrence atA = a.alarms(e -> e.openOccurrences().get(0));
            AlarmOccurrence atB = b.alarms(e -> e.openOccurrences().get(0));

            // when the operator at A acknowledges it (the alarm pane then says a change is queued)
            assertThat(a.alarms(e -> e.acknowledge(atA.id(), a.identity().actor(), "taken at A")).isAccepted())
                    .isTrue();
            a.fire(Workstation.Change.OUTBOX);

            // then, with no sign-in or sync asked at B, B's occurrence becomes acknowledged by A's operator
            try {
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> b.alarms(e -> e.occurrence(atB.id()))
                        .map(o -> o.acknowledgement() != null).orElse(false));
            } catch (TimeoutException e) {
                throw new AssertionError("B's occurrence was not acknowledged within 60 s", e);
            }
            AlarmOccurrence acknowledged = b.alarms(e -> e.occurrence(atB.id())).orElseThrow();
            assertThat(acknowledged.acknowledgement().user()).isEqualTo("oscar.operator");
            assertThat(acknowledged.acknowledgement().comment()).isEqualTo("taken at A");
            assertThat(b.audit(atB.id())).anyMatch(e -> e.action() == AuditAction.ACKNOWLEDGED
                    && e.user().equals("oscar.operator") && e.role() == Role.OPERATOR
                    && a.deviceId().equals(e.actorDevice()));
        }
    }
}
