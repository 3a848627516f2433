package io.astroshield.sync.server;

import com.atlassian.oai.validator.model.Request.Method;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's alarm state machine through {@code /sync/v1/upload}, with ops shaped as the consoles' alarm engines
 * queue them ({@code ALARM_<type>}, the command as JSON): the ISA-18.2 rules it checks without the alarm data, the
 * role it goes by, how consoles' occurrences meet in one record, and what it writes (change log, audit).
 */
class AlarmWorkflowIT {
    private static final String SUPERVISOR = "sue.supervisor";
    private static final AtomicInteger OP_IDS = new AtomicInteger();

    private static ServerFixture fx;
    private static String operator;
    private static String supervisor;

    @BeforeAll
    static void startServer() {
        fx = new ServerFixture();
        fx.server.users().create(SUPERVISOR, ServerFixture.USER_PASSWORD.toCharArray(), Role.SUPERVISOR);
        operator = fx.token(ServerFixture.OPERATOR, ServerFixture.USER_PASSWORD);
        supervisor = fx.token(SUPERVISOR, ServerFixture.USER_PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        fx.close();
    }

    /** A telemetry alarm command as persistence's {@code AlarmRows.outboxOp} writes it. */
    static Map<String, Object> telemetryCommand(String type, String definition, String triggeredAt, String deviceTime,
                                                String severity, Map<String, String> extra) {
        Map<String, String> arguments = new HashMap<>(extra);
        arguments.put("definition", definition);
        arguments.put("key", "BATT_V");
        arguments.put("source", "TELEMETRY");
        arguments.put("triggeredAt", triggeredAt);
        arguments.put("severity", severity);
        return command(type, deviceTime, "OPERATOR", arguments);
    }

    private static Map<String, Object> conjunctionCommand(String type, int primary, int secondary, String tca,
                                                          String deviceTime, String severity) {
        Map<String, String> arguments = new HashMap<>(Map.of("definition", "conjunction",
                "key", "LIVE:" + primary + "x" + secondary + "@" + tca, "source", "CONJUNCTION",
                "triggeredAt", "2026-11-22T08:00:00Z", "severity", severity, "primary", "" + primary,
                "secondary", "" + secondary, "tca", tca));
        arguments.put("comment", "");
        return command(type, deviceTime, "OPERATOR", arguments);
    }

    private static Map<String, Object> command(String type, String deviceTime, String role,
                                               Map<String, String> arguments) {
        Map<String, Object> c = new HashMap<>();
        c.put("type", type);
        c.put("deviceId", "console");
        c.put("opId", 1);
        c.put("occurrenceId", "5f0e8a4e-8b1e-4a53-9d7c-2b1f3f0a6c11");
        c.put("subject", arguments.get("definition") + "/" + arguments.get("key") + "@LIVE");
        c.put("user", "whoever the console says");
        c.put("role", role);
        c.put("deviceTime", deviceTime);
        c.put("arguments", arguments);
        return c;
    }

    /** Uploads one op from {@code device}; returns its result (status, reason). */
    private static JsonNode send(String device, String token, String type, Map<String, Object> payload) {
        ServerFixture.Reply r = fx.post("/sync/v1/upload", Map.of("device_id", device, "ops", List.of(
                Map.of("op_id", "alarm-" + OP_IDS.incrementAndGet(), "type", "ALARM_" + type, "payload", payload))),
                token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().at("/results/0");
    }

    /** The alarm records of the change log, oldest first, every version. */
    private static List<JsonNode> alarmChanges() {
        ServerFixture.Reply r = fx.get("/sync/v1/changes?cursor=0&limit=1000", operator);
        ContractValidator.assertConforms(Method.GET, "/sync/v1/changes", r);
        List<JsonNode> alarms = new ArrayList<>();
        r.json().get("changes").forEach(c -> {
            if (c.get("entity").asText().equals("alarm")) {
                alarms.add(c.get("payload"));
            }
        });
        return alarms;
    }

    private static JsonNode latest(long id) {
        List<JsonNode> versions = alarmChanges().stream().filter(a -> a.get("id").asLong() == id).toList();
        return versions.get(versions.size() - 1);
    }

    @Test
    void aSecondAcknowledgementOfTheSameOrALowerSeverityIsRejectedNamingTheFirstAndAHigherOneIsApplied() {
        // given console-a's acknowledgement of a WARNING on tm.ack
        String first = "2026-11-22T09:00:05.123456Z";
        assertThat(send("console-a", operator, "ACKNOWLEDGE", telemetryCommand("ACKNOWLEDGE", "tm.ack",
                "2026-11-22T09:00:00Z", first, "WARNING", Map.of("comment", "on it"))).get("status").asText())
                .isEqualTo("APPLIED");

        // when console-b acknowledges the same occurrence at WARNING, then at WATCH, then at CRITICAL
        JsonNode same = send("console-b", supervisor, "ACKNOWLEDGE", telemetryCommand("ACKNOWLEDGE", "tm.ack",
                "2026-11-22T09:00:01Z", "2026-11-22T09:00:07Z", "WARNING", Map.of("comment", "me too")));
        JsonNode lower = send("console-b", supervisor, "ACKNOWLEDGE", telemetryCommand("ACKNOWLEDGE", "tm.ack",
                "2026-11-22T09:00:01Z", "2026-11-22T09:00:08Z", "WATCH", Map.of()));
        JsonNode higher = send("console-b", supervisor, "ACKNOWLEDGE", telemetryCommand("ACKNOWLEDGE", "tm.ack",
                "2026-11-22T09:00:01Z", "2026-11-22T09:03:00Z", "CRITICAL", Map.of("comment", "escalated")));

        // then the same and the lower level are refused naming who acknowledged, where and when
        assertThat(same.get("status").asText()).isEqualTo("REJECTED");
        assertThat(same.get("reason").asText()).isEqualTo("already acknowledged by otto.operator (operator) on "
                + "console-a at " + first + " at WARNING; only a higher severity needs a new acknowledgement");
        assertThat(lower.get("status").asText()).isEqualTo("REJECTED");
        assertThat(higher.get("status").asText()).isEqualTo("APPLIED");
        // one record, version 2, acknowledged by the supervisor at CRITICAL (the role the server holds for them)
        List<JsonNode> records = alarmChanges().stream()
                .filter(a -> a.get("definition_id").asText().equals("tm.ack")).toList();
        assertThat(records).extracting(a -> a.get("version").asLong()).containsExactly(1L, 2L);
        assertThat(records).extracting(a -> a.get("id").asLong()).containsOnly(records.get(0).get("id").asLong());
        JsonNode now = records.get(1);
        assertThat(now.at("/acknowledged/user").asText()).isEqualTo(SUPERVISOR);
        assertThat(now.at("/acknowledged/role").asText()).isEqualTo("supervisor");
        assertThat(now.at("/acknowledged/device").asText()).isEqualTo("console-b");
        assertThat(now.get("ack_severity").asText()).isEqualTo("CRITICAL");
        // the applied command audited with user, role, device and device time (the server time is the record's)
        ServerFixture.Reply audit = fx.get("/admin/v1/audit?limit=1000", fx.token(ReferenceServer.ADMIN,
                ServerFixture.ADMIN_PASSWORD));
        assertThat(audit.json().get("data")).anyMatch(e -> e.get("action").asText().startsWith("alarm ACKNOWLEDGE")
                && e.get("username").asText().equals(SUPERVISOR) && e.get("role").asText().equals("supervisor")
                && e.get("detail").asText().contains("device console-b, device time 2026-11-22T09:03:00Z")
                && e.has("at"));
    }

    @Test
    void shelvingNeedsAReasonAndAMenuDurationAndOnlyASupervisorShelvesWithoutLimit() {
        // given a telemetry alarm
        String def = "tm.shelve";
        String trig = "2026-11-22T10:00:00Z";
        // when
        JsonNode noReason = send("console-a", operator, "SHELVE", telemetryCommand("SHELVE", def, trig,
                "2026-11-22T10:00:10Z", "WARNING", Map.of("reason", " ", "duration", "ONE_HOUR")));
        JsonNode badDuration = send("console-a", operator, "SHELVE", telemetryCommand("SHELVE", def, trig,
                "2026-11-22T10:00:11Z", "WARNING", Map.of("reason", "work", "duration", "ONE_YEAR")));
        JsonNode unlimitedByOperator = send("console-a", operator, "SHELVE", telemetryCommand("SHELVE", def, trig,
                "2026-11-22T10:00:12Z", "WARNING", Map.of("reason", "work", "duration", "UNLIMITED")));
        JsonNode hour = send("console-a", operator, "SHELVE", telemetryCommand("SHELVE", def, trig,
                "2026-11-22T10:00:13Z", "WARNING", Map.of("reason", "sensor swap", "duration", "ONE_HOUR")));
        long id = alarmChanges().stream().filter(a -> a.get("definition_id").asText().equals(def)).findFirst()
                .orElseThrow().get("id").asLong();
        JsonNode afterHour = latest(id);
        JsonNode unlimitedBySupervisor = send("console-b", supervisor, "SHELVE", telemetryCommand("SHELVE", def,
                trig, "2026-11-22T10:00:14Z", "WARNING", Map.of("reason", "long outage", "duration", "UNLIMITED")));
        // then
        assertThat(noReason.get("status").asText()).isEqualTo("REJECTED");
        assertThat(noReason.get("reason").asText()).contains("arguments.reason");
        assertThat(badDuration.get("reason").asText()).contains("arguments.duration");
        assertThat(unlimitedByOperator.get("status").asText()).isEqualTo("REJECTED");
        assertThat(unlimitedByOperator.get("reason").asText()).contains("only a supervisor");
        assertThat(hour.get("status").asText()).isEqualTo("APPLIED");
        // the expiry is the shelving device's time plus the menu's hour
        assertThat(afterHour.get("shelved_until").asText()).isEqualTo("2026-11-22T11:00:13Z");
        assertThat(afterHour.get("shelve_reason").asText()).isEqualTo("sensor swap");
        assertThat(unlimitedBySupervisor.get("status").asText()).isEqualTo("APPLIED");
        JsonNode unlimited = latest(id);
        assertThat(unlimited.has("shelved_until")).isFalse();
        assertThat(unlimited.at("/shelved/user").asText()).isEqualTo(SUPERVISOR);
    }

    @Test
    void onlyASupervisorResetsWhateverTheOpSaysAndAResetClosesTheEpisode() {
        // given an acknowledged telemetry alarm
        String def = "tm.reset";
        String trig = "2026-11-22T11:00:00Z";
        send("console-a", operator, "ACKNOWLEDGE", telemetryCommand("ACKNOWLEDGE", def, trig,
                "2026-11-22T11:00:05Z", "DISTRESS", Map.of("comment", "")));
        // when an operator resets with an op claiming supervisor, then a supervisor resets
        Map<String, Object> claimed = telemetryCommand("RESET", def, trig, "2026-11-22T11:10:00Z", "DISTRESS", Map.of());
        claimed.put("role", "SUPERVISOR");
        JsonNode byOperator = send("console-a", operator, "RESET", claimed);
        JsonNode bySupervisor = send("console-b", supervisor, "RESET", telemetryCommand("RESET", def, trig,
                "2026-11-22T11:11:00Z", "DISTRESS", Map.of()));
        // then the operator is refused and the supervisor's reset applied
        assertThat(byOperator.get("status").asText()).isEqualTo("REJECTED");
        assertThat(byOperator.get("reason").asText()).contains("only a supervisor may reset");
        assertThat(bySupervisor.get("status").asText()).isEqualTo("APPLIED");

        // when a console acts on the occurrence the reset closed, and on one that triggered after the reset
        JsonNode lateAck = send("console-c", operator, "ASSIGN", telemetryCommand("ASSIGN", def, trig,
                "2026-11-22T11:12:00Z", "DISTRESS", Map.of("assignee", "olga")));
        JsonNode nextEpisode = send("console-c", operator, "ACKNOWLEDGE", telemetryCommand("ACKNOWLEDGE", def,
                "2026-11-22T11:30:00Z", "2026-11-22T11:30:05Z", "DISTRESS", Map.of("comment", "again")));
        // then the first is refused naming the reset, the second starts a new record
        assertThat(lateAck.get("status").asText()).isEqualTo("REJECTED");
        assertThat(lateAck.get("reason").asText()).contains("reset by " + SUPERVISOR);
        assertThat(nextEpisode.get("status").asText()).isEqualTo("APPLIED");
        assertThat(alarmChanges().stream().filter(a -> a.get("definition_id").asText().equals(def))
                .map(a -> a.get("id").asLong()).distinct()).hasSize(2);
    }

    @Test
    void consolesOccurrencesOfOneConjunctionEventMeetInOneRecordWhateverThePairsOrderAndATcaWithinFiveMinutes() {
        // given console-a's acknowledgement of the event of 70001 x 70002 at 12:00
        assertThat(send("console-a", operator, "ACKNOWLEDGE", conjunctionCommand("ACKNOWLEDGE", 70_001, 70_002,
                "2026-11-23T12:00:00Z", "2026-11-22T12:00:00Z", "SEVERE")).get("status").asText()).isEqualTo("APPLIED");
        // when console-b acknowledges its occurrence of the pair the other way round with a TCA 3 minutes later,
        // and console-c its occurrence of the pair with a TCA 20 minutes later (another event)
        JsonNode b = send("console-b", operator, "ACKNOWLEDGE", conjunctionCommand("ACKNOWLEDGE", 70_002, 70_001,
                "2026-11-23T12:03:00Z", "2026-11-22T12:00:30Z", "SEVERE"));
        JsonNode c = send("console-c", operator, "ACKNOWLEDGE", conjunctionCommand("ACKNOWLEDGE", 70_001, 70_002,
                "2026-11-23T12:20:00Z", "2026-11-22T12:00:40Z", "SEVERE"));
        // then b met a's record (and is refused as a second acknowledgement), c has its own
        assertThat(b.get("status").asText()).isEqualTo("REJECTED");
        assertThat(b.get("reason").asText()).contains("console-a");
        assertThat(c.get("status").asText()).isEqualTo("APPLIED");
        List<JsonNode> records = alarmChanges().stream().filter(a -> a.has("primary_id")
                && a.get("primary_id").asInt() == 70_001).toList();
        assertThat(records).extracting(a -> a.get("latest_tca").asText())
                .containsExactly("2026-11-23T12:00:00Z", "2026-11-23T12:20:00Z");
        // a conjunction op without its pair and TCA (the console no longer follows the event) is refused
        Map<String, Object> noPair = conjunctionCommand("ACKNOWLEDGE", 70_001, 70_002, "2026-11-23T12:00:00Z",
                "2026-11-22T12:01:00Z", "SEVERE");
        @SuppressWarnings("unchecked")
        Map<String, String> args = (Map<String, String>) noPair.get("arguments");
        args.remove("tca");
        assertThat(send("console-d", operator, "ACKNOWLEDGE", noPair).get("reason").asText()).contains("arguments.tca");
    }
}
