package io.astroshield.sync.server;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar astroshield-server.jar [--port 8000] [--db-url URL] [--data-dir DIR] [--simulate-telemetry]
 * [--tls-keystore FILE --tls-password-file FILE]}, and {@code rotate-keys}.
 */
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

    @Option(names = "--op-dedup-retention", defaultValue = "P90D", description = "How long the record of an uploaded op is kept, ISO-8601 (default ${DEFAULT-VALUE}); an op re-sent later would apply again.")
    Duration opDedupRetention;

    @Option(names = "--telemetry-retention", defaultValue = "P90D", description = "How long telemetry samples are kept, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration telemetryRetention;

    @Option(names = "--key-retirement", defaultValue = "PT2H", description = "How long a superseded signing key still verifies the tokens it signed, ISO-8601 (default ${DEFAULT-VALUE}; tokens live one hour).")
    Duration keyRetirement;

    @Option(names = "--simulate-telemetry", description = "Write deterministic simulated telemetry for every active spacecraft (creating a demo spacecraft when there is none).")
    boolean simulateTelemetry;

    @Option(names = "--telemetry-seed", defaultValue = "1", description = "Seed of the telemetry simulator (default ${DEFAULT-VALUE}); the same seed and start give the same samples.")
    long telemetrySeed;

    @Option(names = "--telemetry-interval", defaultValue = "PT10S", description = "Cadence of simulated samples, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration telemetryInterval;

    @Option(names = "--telemetry-start", description = "Time of the simulator's tick 0, ISO-8601 (default: this start, to the minute).")
    Instant telemetryStart;

    @Option(names = "--tls-keystore", description = "Serve HTTPS with the key and certificate in this key store (PKCS12 or JKS) instead of HTTP.")
    Path tlsKeystore;

    @Option(names = "--tls-password-file", description = "File holding the key store's password (with --tls-keystore).")
    Path tlsPasswordFile;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ServerMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : defaultDataDir();
        ReferenceServer.Settings settings = ReferenceServer.Settings.defaults(dir)
                .withHost(host).withPort(port).withAdminPasswordFile(adminPasswordFile)
                .withChangeRetention(changeRetention).withRateLimitPerMinute(rateLimitPerMinute)
                .withOpDedupRetention(opDedupRetention).withTelemetryRetention(telemetryRetention)
                .withKeyRetirement(keyRetirement);
        if (simulateTelemetry) {
            Instant start = telemetryStart != null ? telemetryStart : Instant.now().truncatedTo(ChronoUnit.MINUTES);
            settings = settings.withSimulation(new ReferenceServer.Simulation(telemetrySeed, start, telemetryInterval));
        }
        if (tlsKeystore != null || tlsPasswordFile != null) {
            if (tlsKeystore == null || tlsPasswordFile == null) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "--tls-keystore and --tls-password-file go together");
            }
            settings = settings.withTls(tlsKeystore, tlsPasswordFile);
        }
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

    /** Adds a new signing key; a running server on the same data directory signs with it within 30 s. */
    @Command(name = "rotate-keys", mixinStandardHelpOptions = true,
            description = "Add a new token signing key. New tokens use it; tokens of the previous key verify until it retires (--key-retirement of the server).")
    int rotateKeys(@Option(names = "--data-dir", paramLabel = "DIR", description = "The server's data directory (default: $ASTROSHIELD_SERVER_HOME or ~/.astroshield-server).") Path dir) {
        Path keyDir = (dir != null ? dir : defaultDataDir()).resolve("keys");
        String kid = SigningKeys.addNewKey(keyDir, Clock.systemUTC()).getKeyID();
        System.out.println("New signing key " + kid + " in " + keyDir);
        return 0;
    }

    private static Path defaultDataDir() {
        String env = System.getenv("ASTROSHIELD_SERVER_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".astroshield-server");
    }
}
