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
}
