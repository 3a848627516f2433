package io.astroshield.sync.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar astroshield-server.jar [--port 8000] [--db-url URL] [--data-dir DIR]}. */
@Command(name = "astroshield-server", mixinStandardHelpOptions = true, version = "AstroShield reference server (AstroShield API 1.1.0)",
        description = "The AstroShield reference backend (published API 1.1.0 plus /sync/v1).")
public final class ServerMain implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8000", description = "TCP port (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Interface to listen on (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL database; without it an embedded PostgreSQL runs under the data directory.")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (with --db-url).")
    String dbUser;

    @Option(names = "--db-password-file", description = "File holding the database password (with --db-url).")
    Path dbPasswordFile;

    @Option(names = "--data-dir", description = "Keys and the embedded database live here (default: $ASTROSHIELD_SERVER_HOME or ~/.astroshield-server).")
    Path dataDir;

    @Option(names = "--admin-password-file", description = "First start only: the admin password is read from this file instead of generated and printed.")
    Path adminPasswordFile;

    @Option(names = "--change-retention", defaultValue = "P30D", description = "How long the sync change log keeps entries, ISO-8601 (default ${DEFAULT-VALUE}); older cursors get 409 and re-snapshot.")
    Duration changeRetention;

    @Option(names = "--rate-limit", defaultValue = "600", description = "Requests a minute per user, or per address before sign-in (default ${DEFAULT-VALUE}); more get 429 with Retry-After.")
    int rateLimitPerMinute;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServerMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : defaultDataDir();
        ReferenceServer.Settings settings = ReferenceServer.Settings.defaults(dir)
                .withHost(host).withPort(port).withAdminPasswordFile(adminPasswordFile)
                .withChangeRetention(changeRetention).withRateLimitPerMinute(rateLimitPerMinute);
        if (dbUrl != null) {
            String password = dbPasswordFile == null ? null : Files.readString(dbPasswordFile).strip();
            settings = settings.withDatabase(dbUrl, dbUser, password);
        }
        ReferenceServer server = ReferenceServer.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "astroshield-server-shutdown"));
        System.out.println("AstroShield reference server on port " + server.port() + " (data in " + dir + ")");
        stopped.await();
        return 0;
    }

    private static Path defaultDataDir() {
        String env = System.getenv("ASTROSHIELD_SERVER_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".astroshield-server");
    }
}
