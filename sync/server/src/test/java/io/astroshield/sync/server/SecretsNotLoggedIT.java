package io.astroshield.sync.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-ins, good and bad, and requests with good and forged tokens leave no password or token in any log event. */
class SecretsNotLoggedIT {
    private static ServerFixture fx;

    @BeforeAll
    static void startServer() {
        fx = new ServerFixture();
    }

    @AfterAll
    static void stopServer() {
        fx.close();
    }

    @Test
    void noPasswordOrTokenAppearsInAnyLogEventOfTheServer() {
        // given every event from INFO up, from every logger
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        String token;
        String wrongPassword = "wrong-Password-7731";
        try {
            // when
            token = fx.token(ServerFixture.OPERATOR, ServerFixture.USER_PASSWORD);
            fx.post("/auth/token", Map.of("username", ServerFixture.OPERATOR, "password", wrongPassword), null);
            fx.get("/api/v1/spacecraft", token);
            fx.post("/api/v1/spacecraft", Map.of("name", "LOG", "norad_id", 88001, "status", "active",
                    "orbit_type", "LEO"), token);
            fx.get("/api/v1/spacecraft", token.substring(0, token.length() - 4) + "AAAA");
            fx.get("/api/v1/spacecraft?status=" + ServerFixture.USER_PASSWORD.replace(' ', '+'), token);
        } finally {
            root.detachAppender(captured);
        }
        // then
        List<String> lines = captured.list.stream()
                .map(e -> e.getFormattedMessage() + " " + e.getMDCPropertyMap()
                        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .toList();
        String signature = token.substring(token.lastIndexOf('.') + 1);
        assertThat(lines).as("the capture saw the requests").anyMatch(l -> l.contains("/api/v1/spacecraft"));
        assertThat(lines).noneMatch(l -> l.contains(ServerFixture.USER_PASSWORD) || l.contains(wrongPassword)
                || l.contains(signature) || l.contains(token.substring(0, 40)));
    }
}
