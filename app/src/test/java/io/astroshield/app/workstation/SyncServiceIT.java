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
import java.time.Instant;
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

    /** POSTs {@code body} (JSON) to the server as admin; returns the answer's body. */
    private static String postAsAdmin(String path, String body) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port();
        String tokenJson = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/auth/token"))
                        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers
                                .ofString("{\"username\":\"admin\",\"password\":\"admin-password-for-tests\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tokenJson).get("access_token").asText();
        var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return r.body();
    }

    @Test
    void aConjunctionPublishedOnTheBackendBecomesAnEventAndAnAlarmOfTheConsole(@TempDir Path dir) throws Exception {
        // given a spacecraft and a conjunction 20 h ahead with Pc 3e-3 and state vectors at TCA on the server
        Instant tca = Instant.now().plus(Duration.ofHours(20)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String sc = postAsAdmin("/api/v1/spacecraft",
                "{\"name\":\"SHARED-EVT\",\"norad_id\":72001,\"status\":\"active\",\"orbit_type\":\"LEO\"}");
        long scId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sc).get("id").asLong();
        String state = "\"epoch\":\"" + tca + "\"";
        postAsAdmin("/api/v1/conjunctions", "{\"primary_object\":{\"id\":" + scId + ",\"state_vector\":{"
                + "\"position\":[7000,0,0],\"velocity\":[0,7.5,0]," + state + "}},"
                + "\"secondary_object\":{\"name\":\"DEBRIS\",\"norad_id\":92001,\"state_vector\":{"
                + "\"position\":[7000.1,0.2,-0.3],\"velocity\":[0,-7.5,0.1]," + state + "}},"
                + "\"tca\":\"" + tca + "\",\"miss_distance\":0.37417,\"collision_probability\":3e-3}");

        try (Workstation ws = Workstation.open(dir, StoreOptions.defaults(), ReferenceData.builtIn(), Clock.systemUTC(),
                io.astroshield.domain.alarms.Annunciator.SILENT); SyncService sync = new SyncService(ws)) {
            // when the console signs in (its first sync downloads the server's data)
            sync.connect("http://127.0.0.1:" + server.port(), "ana.analyst", PASSWORD.toCharArray(), null);

            // then the conjunction is an event of 72001 / 92001 at its TCA with its miss (374.17 m) and Pc
            assertThat(ws.events(tca.minusSeconds(60), tca.plusSeconds(60))).singleElement().satisfies(e -> {
                assertThat(e.primaryNorad()).isEqualTo(72001);
                assertThat(e.secondaryNorad()).isEqualTo(92001);
                assertThat(e.missDistanceM()).isCloseTo(374.17, org.assertj.core.api.Assertions.within(1e-9));
                assertThat(e.pc()).isEqualTo(3e-3);
            });
            // and its alarm is open (Pc 3e-3 at 20 h to TCA, above CARA's 1e-4 mitigation threshold)
            List<AlarmOccurrence> open = ws.alarms(e -> e.openOccurrences());
            assertThat(open).anySatisfy(a ->
                    assertThat(a.key().toString()).contains("72001").contains("92001"));
        }
    }
}
