package io.astroshield.domain.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.orekit.time.AbsoluteDate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReferenceDataTest {

    private final ReferenceData data = ReferenceData.builtIn();

    @Test
    void utcIsThirtySevenSecondsBehindTaiSince2017() {
        // IERS Bulletin C 52: TAI-UTC = 37 s from 2017-01-01.
        AbsoluteDate d = data.toDate(Instant.parse("2022-01-22T00:00:00Z"));
        double taiMinusUtc = -data.utc().offsetFromTAI(d).toDouble();
        assertThat(taiMinusUtc).isCloseTo(37.0, within(1e-9));
    }

    @Test
    void leapSecondOf2016IsCountedInElapsedTime() {
        // 2016-12-31T23:59:60Z was inserted: one second more between these two UTC instants.
        AbsoluteDate before = data.toDate(Instant.parse("2016-12-31T23:59:00Z"));
        AbsoluteDate after = data.toDate(Instant.parse("2017-01-01T00:01:00Z"));
        assertThat(after.durationFrom(before)).isCloseTo(121.0, within(1e-9));
    }

    @Test
    void driftEraOffsetFollowsTaiUtcDat() {
        // USNO tai-utc.dat: 1968 FEB 1, TAI-UTC = 4.2131700 + (MJD - 39126) * 0.002592 s; 1970-01-01 is MJD 40587.
        double expected = 4.2131700 + (40587 - 39126) * 0.002592;
        AbsoluteDate d = data.toDate(Instant.parse("1970-01-01T00:00:00Z"));
        assertThat(-data.utc().offsetFromTAI(d).toDouble()).isCloseTo(expected, within(1e-6));
        assertThat(data.leapSeconds().taiMinusUtcS(LocalDate.of(1970, 1, 1))).isCloseTo(expected, within(1e-9));
    }

    @Test
    void instantRoundTripsThroughAbsoluteDateToTheNanosecond() {
        Instant t = Instant.parse("2026-03-19T12:34:56.789123456Z");
        assertThat(data.toInstant(data.toDate(t))).isEqualTo(t);
    }

    @Test
    void stalenessWarningAppearsOnlyAfterValidity() {
        LeapSecondTable table = LeapSecondTable.builtIn();
        assertThat(table.stalenessWarning(LeapSecondTable.BUILT_IN_VALID_UNTIL)).isEmpty();
        assertThat(table.stalenessWarning(LeapSecondTable.BUILT_IN_VALID_UNTIL.plusDays(1)))
                .hasValueSatisfying(w -> assertThat(w).contains("valid until 2026-06-28").contains("--leap-seconds"));
    }

    @Test
    void userLeapSecondListReplacesTableAndGivesExpiry(@TempDir Path dir) throws IOException {
        // Structure of the IERS/NIST leap-seconds.list: NTP seconds and TAI-UTC; '#@' gives the expiry.
        // 3692217600 is 2017-01-01 in NTP seconds; 3991161600 is 2026-06-23 (a made-up later expiry).
        Path list = dir.resolve("leap-seconds.list");
        Files.writeString(list, """
                # a shortened list written for this test
                #@\t3991161600
                2272060800\t10\t# 1 Jan 1972
                3692217600\t37\t# 1 Jan 2017
                """);
        ReferenceData custom = ReferenceData.load(Optional.of(list), Optional.empty());
        assertThat(custom.leapSeconds().validUntil()).contains(LocalDate.of(2026, 6, 23));
        AbsoluteDate d = custom.toDate(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(-custom.utc().offsetFromTAI(d).toDouble()).isCloseTo(37.0, within(1e-9));
    }
}
