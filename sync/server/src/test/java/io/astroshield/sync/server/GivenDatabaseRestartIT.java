package io.astroshield.sync.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The server on a PostgreSQL given by URL (as {@code --db-url} does), restarted: the admin account and its
 * one-time password are created only on the first start, the signing key survives so tokens stay valid, and the
 * audit table refuses UPDATE, DELETE and TRUNCATE.
 */
class GivenDatabaseRestartIT {
    @Test
    void secondStartKeepsAccountsAndKeysPrintsNoNewPasswordAndTheAuditLogIsAppendOnly(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            ByteArrayOutputStream firstConsole = new ByteArrayOutputStream();
            ByteArrayOutputStream secondConsole = new ByteArrayOutputStream();
            String password;
            String token;
            // given a first start that generates the admin password
            try (ReferenceServer first = ReferenceServer.start(settings(dir, url, firstConsole))) {
                String printed = firstConsole.toString(StandardCharsets.UTF_8);
                assertThat(printed).contains("one-time password: ");
                password = printed.substring(printed.indexOf("one-time password: ") + 19).lines().findFirst()
                        .orElseThrow().strip();
                token = login(first.port(), password);
            }
            // when it starts again on the same database and data directory
            try (ReferenceServer second = ReferenceServer.start(settings(dir, url, secondConsole))) {
                // then
                assertThat(secondConsole.toString(StandardCharsets.UTF_8)).doesNotContain("password");
                assertThat(get(second.port(), "/api/v1/spacecraft", token)).isEqualTo(200);
                assertThat(login(second.port(), password)).isNotBlank();
            }
            // and the audit log, which recorded those sign-ins, refuses to be changed or emptied
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_event WHERE status = 200")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isGreaterThanOrEqualTo(2);
                }
                assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_event SET detail = 'rewritten'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_event"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
                assertThatThrownBy(() -> st.executeUpdate("TRUNCATE audit_event"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            }
        }
    }

    private static ReferenceServer.Settings settings(Path dir, String url, ByteArrayOutputStream console) {
        return ReferenceServer.Settings.defaults(dir).withHost("127.0.0.1").withPort(0).withBcryptCost(10)
                .withDatabase(url, "postgres", null)
                .withConsole(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private static String login(int port, String password) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/auth/token"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return io.astroshield.sync.protocol.Json.newMapper().readTree(r.body()).get("access_token").asText();
    }

    private static int get(int port, String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
