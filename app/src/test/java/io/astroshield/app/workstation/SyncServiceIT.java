package io.astroshield.app.workstation;

import io.astroshield.domain.alarms.AlarmOccurrence;
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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who is at the console, against the real reference server on loopback: sign-in gives the role the token carries;
 * offline, the console keeps the last verified identity marked as such, and what is done offline is audited as
 * offline.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SyncServiceIT {

    private static final String PASSWORD = "a long and correct password";
    private static ReferenceServer server;
    private static Path serverDir;

    @BeforeAll
    static void startServer() throws Exception {
        serverDir = Files.createTempDirectory("astroshield-signin-it");
        Files.writeString(serverDir.resolve("admin.txt"), "admin-password-for-tests\n");
        server = ReferenceServer.start(ReferenceServer.Settings.defaults(serverDir.resolve("data"))
                .withHost("127.0.0.1").withPort(0).withAdminPasswordFile(serverDir.resolve("admin.txt"))
                .withBcryptCost(10).withConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        server.users().create("ana.analyst", PASSWORD.toCharArray(), io.astroshield.sync.server.Role.ANALYST);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void signInVerifiesUserAndRoleAndOfflineActionsAreAuditedAsOffline(@TempDir Path dir) {
        try (Workstation ws = Workstation.open(dir, StoreOptions.defaults(), ReferenceData.builtIn(), Clock.systemUTC(),
                io.astroshield.domain.alarms.Annunciator.SILENT); SyncService sync = new SyncService(ws)) {
            // given a wrong password: refused, the console stays on its local identity
            assertThatThrownBy(() -> sync.connect("http://127.0.0.1:" + server.port(), "ana.analyst",
                    "wrong".toCharArray(), null)).isInstanceOf(RuntimeException.class);
            assertThat(ws.identity().verifiedAt()).isNull();

            // when signing in with the right one
            sync.connect("http://127.0.0.1:" + server.port(), "ana.analyst", PASSWORD.toCharArray(), null);

            // then the console runs as the server's user with the token's role, online
            assertThat(ws.identity().user()).isEqualTo("ana.analyst");
            assertThat(ws.identity().role()).isEqualTo(Role.ANALYST);
            assertThat(ws.identity().online()).isTrue();
            assertThat(ws.identity().verifiedAt()).isNotNull();

            // when the connection goes and the analyst acknowledges an alarm
            sync.disconnect();
            assertThat(ws.identity().online()).isFalse();
            assertThat(ws.identity().describe()).contains("offline: last verified");
            ws.alarms(e -> e.conjunctions().acceptAll(List.of(new ConjunctionUpdate(100, 200,
                    ws.clock().instant().plus(Duration.ofHours(20)), 150.0, 3e-4, UpdateSource.CDM, DataOrigin.LIVE,
                    "cdm-1"))));
            AlarmOccurrence alarm = ws.alarms(e -> e.openOccurrences().get(0));
            var result = ws.alarms(e -> e.acknowledge(alarm.id(), ws.identity().actor(), "working it offline"));

            // then the audit names the verified user and role and says the action was taken offline
            assertThat(result.isAccepted()).isTrue();
            assertThat(ws.audit(alarm.id())).anyMatch(a -> a.action() == AuditAction.ACKNOWLEDGED
                    && a.user().equals("ana.analyst") && a.role() == Role.ANALYST && a.actorOffline());
        }
    }
}
