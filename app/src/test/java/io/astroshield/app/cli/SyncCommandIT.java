package io.astroshield.app.cli;

import io.astroshield.persistence.Store;
import io.astroshield.persistence.StoreOptions;
import io.astroshield.persistence.workspace.SettingScope;
import io.astroshield.persistence.workspace.StoredSetting;
import io.astroshield.sync.server.ReferenceServer;
import io.astroshield.sync.server.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code astroshield sync} against the real reference server on loopback. */
class SyncCommandIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static Path serverDir;
    private static ReferenceServer server;

    @BeforeAll
    static void startServer() throws Exception {
        serverDir = Files.createTempDirectory("astroshield-sync-cli-it");
        Files.writeString(serverDir.resolve("admin.txt"), "admin-password-for-tests\n");
        server = ReferenceServer.start(ReferenceServer.Settings.defaults(serverDir.resolve("data"))
                .withHost("127.0.0.1").withPort(0).withAdminPasswordFile(serverDir.resolve("admin.txt"))
                .withBcryptCost(10).withConsole(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        server.users().create("olga.operator", PASSWORD.toCharArray(), Role.OPERATOR);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void syncOncePrintsTheStatusAndRemembersTheServerForTheNextRun(@TempDir Path dir) throws Exception {
        // given
        Path passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
        Path data = dir.resolve("data");
        String url = "http://127.0.0.1:" + server.port();
        // when
        CliRunner first = CliRunner.run("--data-dir", data.toString(), "sync", "--server", url, "--user",
                "olga.operator", "--password-file", passwordFile.toString(), "--once");
        CliRunner again = CliRunner.run("--data-dir", data.toString(), "sync", "--once");
        // then
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("server: " + url).contains("user: olga.operator (operator)")
                .contains("connected: yes").contains("pending: 0").contains("parked: 0");
        assertThat(first.out() + first.err()).doesNotContain(PASSWORD);
        assertThat(first.err()).contains("readable by others");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("server: " + url).contains("connected: yes");
        try (Store store = Store.open(data, StoreOptions.defaults())) {
            Optional<StoredSetting> remembered = store.read(tx -> tx.settings().get(SettingScope.LOCAL,
                    SyncCommand.SERVER_SETTING));
            assertThat(remembered).hasValueSatisfying(s -> assertThat(s.value()).isEqualTo(url));
            List<StoredSetting> all = store.read(tx -> tx.settings().all(SettingScope.LOCAL));
            assertThat(all).noneMatch(s -> s.value().contains(PASSWORD));
        }
    }

    @Test
    void aWrongPasswordOrNoServerExitsWithTwo(@TempDir Path dir) throws Exception {
        // given
        Path wrong = dir.resolve("wrong.txt");
        Files.writeString(wrong, "not the password\n");
        // when
        CliRunner refused = CliRunner.run("--data-dir", dir.resolve("a").toString(), "sync", "--server",
                "http://127.0.0.1:" + server.port(), "--user", "olga.operator", "--password-file", wrong.toString(),
                "--once");
        CliRunner unconfigured = CliRunner.run("--data-dir", dir.resolve("b").toString(), "sync", "--once");
        // then
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("401");
        assertThat(refused.out()).contains("connected: ");
        assertThat(unconfigured.exitCode()).isEqualTo(2);
        assertThat(unconfigured.err()).contains("--server");
    }
}
