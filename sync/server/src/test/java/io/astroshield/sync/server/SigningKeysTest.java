package io.astroshield.sync.server;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signing keys on disk: created once, owner-only, reloaded unchanged, and the newest signs after rotation. */
class SigningKeysTest {
    private static final Clock DAY_1 = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Clock DAY_2 = Clock.fixed(Instant.parse("2026-11-02T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void firstStartCreatesOneOwnerOnlyKeyThatTheNextStartReloads(@TempDir Path dir) throws Exception {
        // when
        SigningKeys first = SigningKeys.loadOrCreate(dir.resolve("keys"), DAY_1);
        SigningKeys second = SigningKeys.loadOrCreate(dir.resolve("keys"), DAY_2);
        // then
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("keys"))) {
            files = s.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0)))).isEqualTo("rw-------");
        assertThat(second.active()).isEqualTo(first.active());
        assertThat(first.active().isPrivate()).isTrue();
    }

    @Test
    void afterRotationTheNewestKeySignsAndTokensOfTheOlderKeyStillVerify(@TempDir Path dir) throws Exception {
        // given a token signed by the first key
        Path keys = dir.resolve("keys");
        SigningKeys before = SigningKeys.loadOrCreate(keys, DAY_1);
        String oldToken = new TokenService(before, DAY_1, Duration.ofDays(7)).issue(new Principal("ann", Role.ANALYST));
        // when a newer key is added next to it
        ECKey newer = SigningKeys.generate(DAY_2);
        Files.writeString(keys.resolve(newer.getKeyID() + ".jwk.json"), newer.toJSONString());
        SigningKeys after = SigningKeys.loadOrCreate(keys, DAY_2);
        TokenService tokens = new TokenService(after, DAY_2, Duration.ofDays(7));
        // then
        assertThat(after.active().getKeyID()).isEqualTo(newer.getKeyID());
        assertThat(SignedJWT.parse(tokens.issue(new Principal("ann", Role.ANALYST))).getHeader().getKeyID())
                .isEqualTo(newer.getKeyID());
        assertThat(tokens.verify(oldToken)).isEqualTo(new Principal("ann", Role.ANALYST));
    }

    @Test
    void aRotatedOutKeyVerifiesItsTokensUntilItRetiresThenTheyAreRefused(@TempDir Path dir) throws Exception {
        // given a token of the first key, then a rotation at 10:00 with one hour of retirement
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T09:00:00Z"));
        SigningKeys keys = SigningKeys.loadOrCreate(dir.resolve("keys"), clock, Duration.ofHours(1));
        TokenService tokens = new TokenService(keys, clock, Duration.ofDays(1));
        String oldKid = keys.active().getKeyID();
        String oldToken = tokens.issue(new Principal("ann", Role.ANALYST));
        clock.set(Instant.parse("2026-11-22T10:00:00Z"));
        // when
        ECKey newKey = keys.rotate();
        String newToken = tokens.issue(new Principal("ann", Role.ANALYST));
        // then new tokens carry the new kid, and the old token verifies until 11:00 but not from then on
        assertThat(newKey.getKeyID()).isNotEqualTo(oldKid).startsWith("20261122T100000000Z-");
        assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo(newKey.getKeyID());
        assertThat(keys.retiresAt(oldKid)).contains(Instant.parse("2026-11-22T11:00:00Z"));
        clock.set(Instant.parse("2026-11-22T10:59:59Z"));
        assertThat(tokens.verify(oldToken)).isEqualTo(new Principal("ann", Role.ANALYST));
        clock.set(Instant.parse("2026-11-22T11:00:00Z"));
        assertThatThrownBy(() -> tokens.verify(oldToken)).isInstanceOf(ApiException.class)
                .hasMessageContaining("retired");
        assertThat(tokens.verify(newToken)).isEqualTo(new Principal("ann", Role.ANALYST));
    }

    @Test
    void aKeyAddedByAnotherProcessSignsAfterReloadAndAnOldSecondsKidStillParses(@TempDir Path dir) {
        // given a running server's keys, and the rotate-keys command adding one beside them a minute later
        Path keyDir = dir.resolve("keys");
        SigningKeys running = SigningKeys.loadOrCreate(keyDir, DAY_1, Duration.ofHours(2));
        ECKey added = SigningKeys.addNewKey(keyDir, Clock.offset(DAY_1, Duration.ofMinutes(1)));
        // when
        running.reload();
        // then
        assertThat(running.active().getKeyID()).isEqualTo(added.getKeyID());
        assertThat(SigningKeys.createdAt("20261101T000100Z-0a1b2c3d")).isEqualTo(Instant.parse("2026-11-01T00:01:00Z"));
        assertThat(SigningKeys.createdAt(added.getKeyID())).isEqualTo(Instant.parse("2026-11-01T00:01:00Z"));
    }

    @Test
    void addingAKeyThatWouldNotSortLastIsRefused(@TempDir Path dir) {
        // given
        Path keyDir = dir.resolve("keys");
        SigningKeys.loadOrCreate(keyDir, DAY_2);
        // when / then: a clock behind the newest key would give a key that never signs
        assertThatThrownBy(() -> SigningKeys.addNewKey(keyDir, DAY_1)).isInstanceOf(IllegalStateException.class);
    }
}
