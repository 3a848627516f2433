package io.astroshield.sync.server;

import com.atlassian.oai.validator.model.Request.Method;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotating the token signing key on a running server, by the admin route and by the {@code rotate-keys} command:
 * new tokens carry the new kid; tokens of the old key work until it retires, then get 401. The server runs on a
 * clock the test moves, so that retirement needs no waiting.
 */
class KeyRotationIT {
    private static final Duration RETIREMENT = Duration.ofMinutes(30);
    /** A day behind the real clock, so that the rotate-keys command (real clock) makes the newest key. */
    private static final ManualClock CLOCK =
            new ManualClock(Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS));

    private static ServerFixture fx;

    @BeforeAll
    static void startServer() {
        fx = new ServerFixture(s -> s.withClock(CLOCK).withKeyRetirement(RETIREMENT));
    }

    @AfterAll
    static void stopServer() {
        fx.close();
    }

    @Test
    void anAdminRotatesAndTheOldKeysTokensWorkUntilItRetires() throws Exception {
        // given a viewer's token of the current key
        String admin = fx.token("admin", ServerFixture.ADMIN_PASSWORD);
        String oldToken = fx.token(ServerFixture.VIEWER, ServerFixture.USER_PASSWORD);
        String oldKid = SignedJWT.parse(oldToken).getHeader().getKeyID();
        CLOCK.advance(Duration.ofSeconds(1));
        // when
        ServerFixture.Reply rotated = fx.post("/admin/v1/signing-keys/rotate", "", admin);
        String newToken = fx.token(ServerFixture.VIEWER, ServerFixture.USER_PASSWORD);
        // then
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        ContractValidator.assertConforms(Method.POST, "/admin/v1/signing-keys/rotate", rotated);
        String newKid = rotated.json().get("kid").asText();
        assertThat(rotated.json().get("previous_kid").asText()).isEqualTo(oldKid);
        assertThat(Instant.parse(rotated.json().get("previous_retires_at").asText()))
                .isEqualTo(SigningKeys.createdAt(newKid).plus(RETIREMENT));
        assertThat(SignedJWT.parse(newToken).getHeader().getKeyID()).isEqualTo(newKid).isNotEqualTo(oldKid);
        assertThat(fx.get("/api/v1/spacecraft", oldToken).status()).isEqualTo(200);
        // a minute before retirement the old token still works; at retirement it is refused, the new one is not
        CLOCK.advance(RETIREMENT.minusMinutes(1));
        assertThat(fx.get("/api/v1/spacecraft", oldToken).status()).isEqualTo(200);
        CLOCK.advance(Duration.ofMinutes(1));
        ServerFixture.Reply refused = fx.get("/api/v1/spacecraft", oldToken);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().at("/error/message").asText()).contains("retired");
        assertThat(fx.get("/api/v1/spacecraft", newToken).status()).isEqualTo(200);
    }

    @Test
    void onlyAnAdminMayRotate() {
        // given
        String operator = fx.token(ServerFixture.OPERATOR, ServerFixture.USER_PASSWORD);
        String before = fx.server.keys().active().getKeyID();
        // when
        ServerFixture.Reply refused = fx.post("/admin/v1/signing-keys/rotate", "", operator);
        // then
        assertThat(refused.status()).isEqualTo(403);
        ContractValidator.assertConforms(Method.POST, "/admin/v1/signing-keys/rotate", refused);
        assertThat(fx.server.keys().active().getKeyID()).isEqualTo(before);
    }

    @Test
    void theRotateKeysCommandAddsAKeyThatTheRunningServerSignsWithOnceItRereadsTheDirectory() throws Exception {
        // given
        String before = fx.server.keys().active().getKeyID();
        // when: the command runs against the server's data directory (its clock is the real one, a day ahead of the server's)
        int exit = new CommandLine(new ServerMain()).execute("rotate-keys", "--data-dir",
                fx.dataDir.resolve("data").toString());
        fx.server.keys().reload();
        String token = fx.token(ServerFixture.VIEWER, ServerFixture.USER_PASSWORD);
        // then
        assertThat(exit).isZero();
        String kid = SignedJWT.parse(token).getHeader().getKeyID();
        assertThat(kid).isNotEqualTo(before).isEqualTo(fx.server.keys().active().getKeyID());
        assertThat(fx.get("/api/v1/spacecraft", token).status()).isEqualTo(200);
        assertThat(fx.server.keys().retiresAt(before)).isPresent();
    }
}
