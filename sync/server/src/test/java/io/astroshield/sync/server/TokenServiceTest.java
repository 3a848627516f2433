package io.astroshield.sync.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token verified once is remembered, but never past its expiry and never once a character of it changes. */
class TokenServiceTest {
    @Test
    void aRememberedTokenIsStillRefusedOnceItExpires(@TempDir Path dir) {
        // given a one-hour token verified once at 09:00
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T09:00:00Z"));
        TokenService tokens = new TokenService(SigningKeys.loadOrCreate(dir, clock), clock, Duration.ofHours(1));
        String token = tokens.issue(new Principal("ann", Role.ANALYST));
        assertThat(tokens.verify(token)).isEqualTo(new Principal("ann", Role.ANALYST));
        // when / then
        clock.set(Instant.parse("2026-11-22T09:59:59Z"));
        assertThat(tokens.verify(token)).isEqualTo(new Principal("ann", Role.ANALYST));
        clock.set(Instant.parse("2026-11-22T10:00:00Z"));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(ApiException.class).hasMessageContaining("expired");
    }

    @Test
    void aRememberedTokenWithOneSignatureCharacterChangedIsRefused(@TempDir Path dir) {
        // given
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T09:00:00Z"));
        TokenService tokens = new TokenService(SigningKeys.loadOrCreate(dir, clock), clock, Duration.ofHours(1));
        String token = tokens.issue(new Principal("ann", Role.ANALYST));
        tokens.verify(token);
        // when: the signature's 10th character from the end flipped (the last ones may only carry padding bits)
        int i = token.length() - 10;
        String tampered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
        // then
        assertThatThrownBy(() -> tokens.verify(tampered)).isInstanceOf(ApiException.class)
                .hasMessageContaining("signature");
    }
}
