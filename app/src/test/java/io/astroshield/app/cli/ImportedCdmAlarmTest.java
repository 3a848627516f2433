package io.astroshield.app.cli;

import io.astroshield.app.workstation.Workstation;
import io.astroshield.domain.alarms.AlarmOccurrence;
import io.astroshield.domain.alarms.AlarmState;
import io.astroshield.domain.alarms.Annunciator;
import io.astroshield.domain.alarms.Severity;
import io.astroshield.domain.time.ReferenceData;
import io.astroshield.persistence.StoreOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CDM that reaches the store raises or updates its event's alarm (DESIGN.md, alarm model: "each new CDM or
 * re-screen updates it"), whether it came through {@code astroshield import} or the window's import.
 */
class ImportedCdmAlarmTest {

    /** {@link CdmCommandTest#validKvn()} (ISS and a debris object, miss 111.8 m, Pc 0.0633) moved to a TCA 20 h ahead. */
    private static String cdmWithTcaAhead(Instant now, String messageId) {
        String tca = now.plus(Duration.ofHours(20)).truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "");
        String created = now.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", "");
        return CdmCommandTest.validKvn()
                .replaceAll("(?m)^(TCA\\s*=\\s*).*$", "$1" + tca)
                .replaceAll("(?m)^(CREATION_DATE\\s*=\\s*).*$", "$1" + created)
                .replaceAll("(?m)^(MESSAGE_ID\\s*=\\s*).*$", "$1" + messageId);
    }

    @Test
    void aCdmImportedFromTheCliRaisesItsAlarmOnceAndTheWindowSeesIt(@TempDir Path dir) throws IOException {
        // given a CDM with Pc 0.0633 at a TCA 20 h ahead
        Instant now = Instant.now();
        Path cdm = dir.resolve("iss.cdm");
        Files.writeString(cdm, cdmWithTcaAhead(now, "ISS-DEBRIS-1"), StandardCharsets.UTF_8);
        String home = dir.resolve("home").toString();

        // when it is imported twice
        CliRunner first = CliRunner.run("--data-dir", home, "import", cdm.toString());
        CliRunner again = CliRunner.run("--data-dir", home, "import", cdm.toString());

        // then the alarm engine stored one open conjunction alarm for the pair 25544 / 54345, unacknowledged;
        // Pc 0.0633 is above CARA's mitigation threshold 1e-4 at 20 h to TCA, so it is above WATCH
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        try (Workstation ws = Workstation.open(Path.of(home), StoreOptions.defaults(), ReferenceData.builtIn(),
                Clock.systemUTC(), Annunciator.SILENT)) {
            List<AlarmOccurrence> open = ws.alarms(e -> e.openOccurrences());
            assertThat(open).hasSize(1);
            AlarmOccurrence alarm = open.get(0);
            assertThat(alarm.key().toString()).contains("25544").contains("54345");
            assertThat(alarm.state()).isEqualTo(AlarmState.UNACK_ACTIVE);
            assertThat(alarm.severity().compareTo(Severity.WATCH)).isPositive();
            // and the second import (same message) did not add an update to the event
            assertThat(ws.events(now, now.plus(Duration.ofDays(2)))).singleElement()
                    .satisfies(e -> assertThat(e.updateCount()).isEqualTo(1));
        }
    }
}
