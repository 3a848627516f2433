package io.astroshield.sync.client;

import io.astroshield.domain.alarms.Actor;
import io.astroshield.domain.alarms.AlarmConfiguration;
import io.astroshield.domain.alarms.AlarmDefinition;
import io.astroshield.domain.alarms.AlarmEngine;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.AlarmState;
import io.astroshield.domain.alarms.AuditAction;
import io.astroshield.domain.alarms.AuditEvent;
import io.astroshield.domain.alarms.ConjunctionUpdate;
import io.astroshield.domain.alarms.DataOrigin;
import io.astroshield.domain.alarms.Role;
import io.astroshield.domain.alarms.Severity;
import io.astroshield.domain.alarms.ShelveDuration;
import io.astroshield.domain.alarms.UpdateSource;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.alarms.H2AlarmStore;
import io.astroshield.persistence.sync.OutboxStatus;
import io.astroshield.persistence.sync.StoredOp;
import io.astroshield.sync.protocol.AlarmRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared alarm state across consoles (issue 5), end to end: real consoles (alarm engine on its own H2 store, sync
 * client) and the real reference server on loopback over embedded PostgreSQL. A console's alarm action travels as
 * an {@code ALARM_*} op, the server's alarm state machine accepts or rejects it, and the other consoles take the
 * shared record as a remote transition after their next sync.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SharedAlarmsIT {
    static final String OLGA = "olga.operator";

    private SyncFixture fx;

    /** One console: its store, sync client (through a proxy that can go offline) and alarm engine. */
    record Console(Store store, FaultProxy proxy, SyncClient client, AlarmEngine engine, H2AlarmStore alarms,
                   String device, String user) {
        Actor actor(Role role) {
            return new Actor(user, role, device);
        }

        AlarmOccurrence only() {
            List<AlarmOccurrence> open = engine.openOccurrences();
            assertThat(open).hasSize(1);
            return open.get(0);
        }

        List<StoredOp> alarmOps() {
            return store.read(tx -> tx.outbox().all()).stream()
                    .filter(op -> op.op().opType().startsWith("ALARM_")).toList();
        }
    }

    @BeforeEach
    void startServer() {
        fx = new SyncFixture();
        fx.server().users().create(OLGA, SyncFixture.PASSWORD.toCharArray(), io.astroshield.sync.server.Role.OPERATOR);
    }

    @AfterEach
    void stopServer() throws Exception {
        fx.close();
    }

    /** A console signed in as {@code user}; after each completed sync its engine takes the shared records. */
    static Console console(SyncFixture fx, String name, String user, AlarmDefinition conjunctionDefinition) {
        FaultProxy proxy = fx.proxy();
        Store store = fx.store(name);
        SyncClient client = fx.client(store, proxy.url(), user, SyncFixture.fastOptions(name.hashCode())
                .withMaxAttempts(1000));
        String device = client.localOps().deviceId();
        H2AlarmStore alarms = new H2AlarmStore(store, device);
        AlarmEngine engine = AlarmEngine.start(AlarmConfiguration.builder(device).define(conjunctionDefinition).build(),
                Clock.systemUTC(), alarms);
        SharedAlarms shared = new SharedAlarms(store);
        client.addSyncListener(r -> shared.apply(engine));
        return new Console(store, proxy, client, engine, alarms, device, user);
    }

    /**
     * A CDM for one pair, Pc 3e-4 with TCA in 20 h: SEVERE on the CARA default matrix (Pc >= 1e-4 within a day,
     * {@code ConjunctionLimitSet.caraDefault}).
     */
    static ConjunctionUpdate cdm(Instant tca, Double pc) {
        return new ConjunctionUpdate(25_544, 48_274, tca, 150.0, pc, UpdateSource.CDM, DataOrigin.LIVE, "cdm");
    }

    static Instant tcaIn20Hours() {
        return Instant.now().plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void anAcknowledgementOnOneConsoleShowsOnTheOtherWithItsAuthor() {
        // given two consoles that see the same conjunction event (the second one's CDM 2 minutes later in TCA)
        Console a = console(fx, "console-a", SyncFixture.OPERATOR, AlarmDefinition.conjunction("conjunction"));
        Console b = console(fx, "console-b", OLGA, AlarmDefinition.conjunction("conjunction"));
        Instant tca = tcaIn20Hours();
        a.engine().conjunctions().accept(cdm(tca, 3e-4));
        b.engine().conjunctions().accept(cdm(tca.plus(Duration.ofMinutes(2)), 3e-4));
        assertThat(b.only().severity()).isEqualTo(Severity.SEVERE);

        // when console A acknowledges with a comment and both sync
        AlarmOccurrence atA = a.only();
        assertThat(a.engine().acknowledge(atA.id(), a.actor(Role.OPERATOR), "seen, CDM under review").isAccepted())
                .isTrue();
        a.client().syncOnce();
        b.client().syncOnce();

        // then B's occurrence is acknowledged by A's user, with A's comment and A's time of acknowledgement
        AlarmOccurrence atB = b.only();
        assertThat(atB.state()).isEqualTo(AlarmState.ACK_ACTIVE);
        assertThat(atB.acknowledgement().user()).isEqualTo(SyncFixture.OPERATOR);
        assertThat(atB.acknowledgement().comment()).isEqualTo("seen, CDM under review");
        assertThat(atB.acknowledgement()).isEqualTo(a.only().acknowledgement());
        // audited at B with A's user, role and device, and the server's time; nothing queued again at B
        AuditEvent ack = b.alarms().audit(atB.id()).stream().filter(e -> e.action() == AuditAction.ACKNOWLEDGED)
                .findFirst().orElseThrow();
        assertThat(ack.user()).isEqualTo(SyncFixture.OPERATOR);
        assertThat(ack.role()).isEqualTo(Role.OPERATOR);
        assertThat(ack.actorDevice()).isEqualTo(a.device());
        assertThat(ack.deviceId()).isEqualTo(b.device());
        assertThat(ack.serverTime()).isNotNull();
        assertThat(ack.comment()).isEqualTo("seen, CDM under review");
        assertThat(b.alarmOps()).isEmpty();
        assertThat(a.alarmOps()).singleElement().satisfies(op -> assertThat(op.status()).isEqualTo(OutboxStatus.APPLIED));

        // when B syncs again, then nothing changes and nothing more is audited (the record is already in force)
        int audited = b.alarms().audit(atB.id()).size();
        b.client().syncOnce();
        assertThat(b.alarms().audit(atB.id())).hasSize(audited);
    }

    @Test
    void twoOfflineAcknowledgementsOfOneAlarmLeaveOneAppliedAndTheOtherRejectedNamingTheFirst() {
        // given two consoles that see the same event and then lose the network
        Console a = console(fx, "console-a", SyncFixture.OPERATOR, AlarmDefinition.conjunction("conjunction"));
        Console b = console(fx, "console-b", OLGA, AlarmDefinition.conjunction("conjunction"));
        Instant tca = tcaIn20Hours();
        a.engine().conjunctions().accept(cdm(tca, 3e-4));
        b.engine().conjunctions().accept(cdm(tca, 3e-4));
        a.proxy().offline(true);
        b.proxy().offline(true);

        // when both acknowledge offline and then reconnect, A first
        assertThat(a.engine().acknowledge(a.only().id(), new Actor(a.user(), Role.OPERATOR, a.device(), true),
                "A takes it").isAccepted()).isTrue();
        assertThat(b.engine().acknowledge(b.only().id(), new Actor(b.user(), Role.OPERATOR, b.device(), true),
                "B takes it").isAccepted()).isTrue();
        a.proxy().offline(false);
        b.proxy().offline(false);
        a.client().syncOnce();
        b.client().syncOnce();
        a.client().syncOnce();

        // then exactly one acknowledgement is applied, the other rejected with a reason naming the first
        StoredOp opA = a.alarmOps().get(0);
        StoredOp opB = b.alarmOps().get(0);
        assertThat(opA.status()).isEqualTo(OutboxStatus.APPLIED);
        assertThat(opB.status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(opB.lastError()).contains("already acknowledged by " + SyncFixture.OPERATOR)
                .contains(a.device());
        // and both consoles end with the same state: A's acknowledgement, B's own one replaced and audited so
        assertThat(b.only().state()).isEqualTo(AlarmState.ACK_ACTIVE);
        assertThat(b.only().acknowledgement()).isEqualTo(a.only().acknowledgement());
        assertThat(b.only().acknowledgement().comment()).isEqualTo("A takes it");
        assertThat(b.alarms().audit(b.only().id())).anyMatch(e -> e.action() == AuditAction.ACKNOWLEDGED
                && e.user().equals(SyncFixture.OPERATOR) && a.device().equals(e.actorDevice()));
        assertThat(Mirrors.of(a.store()).alarms()).isEqualTo(fx.snapshot().alarms());
        assertThat(Mirrors.of(b.store()).alarms()).isEqualTo(fx.snapshot().alarms());
    }

    @Test
    void anOperatorsResetIsRejectedWhateverRoleTheOpClaimsAndAudited() {
        // given a latching conjunction alarm, acknowledged and latched on a console whose local identity claims
        // supervisor while the server knows the user as an operator
        Console a = console(fx, "console-a", SyncFixture.OPERATOR,
                AlarmDefinition.conjunction("conjunction").withLatching(true));
        Instant tca = tcaIn20Hours();
        a.engine().conjunctions().accept(cdm(tca, 3e-4));
        AlarmOccurrence alarm = a.only();
        assertThat(a.engine().acknowledge(alarm.id(), a.actor(Role.OPERATOR), "ack").isAccepted()).isTrue();
        // three updates matching no rule of the matrix (no Pc, 50 km) end the condition (clearAfterUpdates = 3)
        for (int i = 0; i < 3; i++) {
            a.engine().conjunctions().accept(new ConjunctionUpdate(25_544, 48_274, tca, 50_000.0, null,
                    UpdateSource.CDM, DataOrigin.LIVE, "cdm-low-" + i));
        }
        assertThat(a.only().latched()).isTrue();

        // when it resets as "supervisor" and syncs
        assertThat(a.engine().reset(alarm.id(), a.actor(Role.SUPERVISOR)).isAccepted()).isTrue();
        a.client().syncOnce();

        // then the op said supervisor, the server went by the token's operator role and refused it
        StoredOp reset = a.alarmOps().stream().filter(op -> op.op().opType().equals("ALARM_RESET")).findFirst()
                .orElseThrow();
        assertThat(reset.op().payload()).contains("\"role\":\"SUPERVISOR\"");
        assertThat(reset.status()).isEqualTo(OutboxStatus.REJECTED);
        assertThat(reset.lastError()).contains("only a supervisor may reset").contains("operator");
        // audited on the server: who, the role the server went by, the refusal
        assertThat(fx.audit()).anyMatch(e -> e.action().startsWith("sync ALARM_RESET " + a.device())
                && e.username().equals(SyncFixture.OPERATOR) && e.role().equals("operator") && e.status() == 403
                && e.detail().startsWith("REJECTED"));
        // and the shared record stays acknowledged, not reset
        List<AlarmRecord> records = fx.snapshot().alarms();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.reset()).isNull();
            assertThat(r.acknowledged().user()).isEqualTo(SyncFixture.OPERATOR);
        });
    }

    @Test
    void aShelveOnOneConsoleShowsOnTheOtherWithReasonAndExpiry() {
        // given two consoles with the same event
        Console a = console(fx, "console-a", SyncFixture.OPERATOR, AlarmDefinition.conjunction("conjunction"));
        Console b = console(fx, "console-b", OLGA, AlarmDefinition.conjunction("conjunction"));
        Instant tca = tcaIn20Hours();
        a.engine().conjunctions().accept(cdm(tca, 3e-4));
        b.engine().conjunctions().accept(cdm(tca, 3e-4));

        // when A shelves it for an hour with a reason, and both sync
        assertThat(a.engine().shelve(a.only().id(), a.actor(Role.OPERATOR), ShelveDuration.ONE_HOUR,
                "maneuver screening in work").isAccepted()).isTrue();
        a.client().syncOnce();
        b.client().syncOnce();

        // then B shows it shelved by A with the reason and the same expiry: one hour after A shelved it
        AlarmOccurrence atB = b.only();
        assertThat(atB.shelving()).isEqualTo(a.only().shelving());
        assertThat(atB.shelving().reason()).isEqualTo("maneuver screening in work");
        assertThat(Duration.between(atB.shelving().since(), atB.shelving().until())).isEqualTo(Duration.ofHours(1));
        assertThat(atB.annunciating()).isFalse();
        assertThat(atB.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
        assertThat(b.alarms().audit(atB.id())).anyMatch(e -> e.action() == AuditAction.SHELVED
                && e.actorDevice() != null && e.actorDevice().equals(a.device())
                && e.comment().equals("maneuver screening in work"));

        // when B unshelves it by hand (which acknowledges it) and both sync
        assertThat(b.engine().unshelve(atB.id(), b.actor(Role.OPERATOR)).isAccepted()).isTrue();
        b.client().syncOnce();
        a.client().syncOnce();

        // then A is unshelved and acknowledged by B too
        assertThat(a.only().shelving()).isNull();
        assertThat(a.only().state()).isEqualTo(AlarmState.ACK_ACTIVE);
        assertThat(a.only().acknowledgement()).isEqualTo(b.only().acknowledgement());
        assertThat(a.only().acknowledgement().user()).isEqualTo(OLGA);
    }
}
