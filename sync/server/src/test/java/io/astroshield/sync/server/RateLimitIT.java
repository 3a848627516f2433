package io.astroshield.sync.server;

import com.atlassian.oai.validator.model.Request.Method;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A burst beyond the per-caller rate gets 429 with Retry-After; other callers are not slowed. */
class RateLimitIT {
    private static final int PER_MINUTE = 5;
    private static ServerFixture fx;

    @BeforeAll
    static void startServer() {
        fx = new ServerFixture(PER_MINUTE);
    }

    @AfterAll
    static void stopServer() {
        fx.close();
    }

    @Test
    void aBurstGets429WithRetryAfterWhileAnotherUserIsServedAndSignInIsLimitedByAddress() {
        // given two signed-in users (two sign-ins from this address: 2 of its 5)
        String viewer = fx.token(ServerFixture.VIEWER, ServerFixture.USER_PASSWORD);
        String operator = fx.token(ServerFixture.OPERATOR, ServerFixture.USER_PASSWORD);
        // when the viewer sends one more than the rate in a burst
        List<Integer> statuses = new ArrayList<>();
        ServerFixture.Reply last = null;
        for (int i = 0; i <= PER_MINUTE; i++) {
            last = fx.get("/api/v1/spacecraft", viewer);
            statuses.add(last.status());
        }
        // then
        assertThat(statuses.subList(0, PER_MINUTE)).containsOnly(200);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().at("/error/code").asText()).isEqualTo("RATE_LIMITED");
        // one token every 60 s / 5 = 12 s
        assertThat(Integer.parseInt(last.retryAfter())).isBetween(1, 12);
        ContractValidator.assertConforms(Method.GET, "/api/v1/spacecraft", last);
        assertThat(fx.get("/api/v1/spacecraft", operator).status()).isEqualTo(200);
        // and sign-in attempts from this address run out after the 3 left
        List<Integer> logins = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            logins.add(fx.post("/auth/token", Map.of("username", "admin", "password", "wrong-guess-" + i), null)
                    .status());
        }
        assertThat(logins).containsExactly(401, 401, 401, 429);
    }
}
