package io.astroshield.sync.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.astroshield.sync.protocol.Json;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A running reference server: PostgreSQL (embedded under the data directory unless a URL is given), migrated by
 * Flyway, behind a Hikari pool; signing keys and the {@code admin} account created on first start; the Javalin
 * app from {@link ApiRoutes} listening. {@link #close()} stops all of it.
 */
public final class ReferenceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceServer.class);
    private static final Duration KEY_RELOAD = Duration.ofSeconds(30);
    public static final String ADMIN = "admin";
    /** Header lines up to this length are cached per connection (Jetty's default: 1024). */
    private static final int HEADER_CACHE_BYTES = 128;

    /**
     * How to start. {@code dbUrl} null means embedded PostgreSQL under {@code dataDir/postgres}; port 0 picks a
     * free port; {@code adminPasswordFile} null means a generated one-time password printed to {@code console};
     * {@code simulation} null means no simulated telemetry; {@code tlsKeystore} null means plain HTTP.
     */
    public record Settings(String host, int port, String dbUrl, String dbUser, String dbPassword, Path dataDir,
                           Path adminPasswordFile, int bcryptCost, Duration tokenLifetime, Duration keyRetirement,
                           Duration changeRetention, Duration opDedupRetention, Duration telemetryRetention,
                           int rateLimitPerMinute,
                           Simulation simulation, Path tlsKeystore, Path tlsPasswordFile, Clock clock,
                           PrintStream console) {
        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(tokenLifetime, "tokenLifetime");
            Objects.requireNonNull(keyRetirement, "keyRetirement");
            Objects.requireNonNull(changeRetention, "changeRetention");
            Objects.requireNonNull(opDedupRetention, "opDedupRetention");
            Objects.requireNonNull(telemetryRetention, "telemetryRetention");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(console, "console");
            if (rateLimitPerMinute < 1) {
                throw new IllegalArgumentException("rateLimitPerMinute: " + rateLimitPerMinute);
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port: " + port);
            }
            if ((tlsKeystore == null) != (tlsPasswordFile == null)) {
                throw new IllegalArgumentException("a TLS key store needs its password file, and only then");
            }
        }

        /**
         * Defaults: port 8000 on all interfaces, bcrypt cost 12, tokens valid one hour, a superseded signing key
         * verifying two hours more, changes kept 30 days, op dedup records and telemetry 90 days, 600 requests a
         * minute per user
         * (per address before sign-in), no simulated telemetry, plain HTTP.
         */
        public static Settings defaults(Path dataDir) {
            return new Settings("0.0.0.0", 8000, null, null, null, dataDir, null, 12, Duration.ofHours(1),
                    Duration.ofHours(2), Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(90), 600, null,
                    null, null, Clock.systemUTC(), System.out);
        }

        public Settings withPort(int newPort) {
            return new Settings(host, newPort, dbUrl, dbUser, dbPassword, dataDir, adminPasswordFile, bcryptCost,
                    tokenLifetime, keyRetirement, changeRetention, opDedupRetention, telemetryRetention,
                    rateLimitPerMinute, simulation, tlsKeystore, tlsPasswordFile, clock, console);
        }

        public Settings withHost(String newHost) {
            return new Settings(newHost, port, dbUrl, dbUser, dbPassword, dataDir, adminPasswordFile, bcryptCost,
                    tokenLifetime, keyRetirement, changeRetention, opDedupRetention, telemetryRetention,
                    rateLimitPerMinute, simulation, tlsKeystore, tlsPasswordFile, clock, console);
        }

        public Settings withDatabase(String url, String user, String password) {
            return new Settings(host, port, url, user, password, dataDir, adminPasswordFile, bcryptCost,
                    tokenLifetime, keyRetirement, changeRetention, opDedupRetention, telemetryRetention,
                    rateLimitPerMinute, simulation, tlsKeystore, tlsPasswordFile, clock, console);
        }

        public Settings withAdminPasswordFile(Path file) {
            return new Settings(host, port, dbUrl, dbUser, dbPassword, dataDir, file, bcryptCost, tokenLifetime,
                    keyRetirement, changeRetention, opDedupRetention, telemetryRetention, rateLimitPerMinute,
                    simulation, tlsKeystore, tlsPasswordFile, clock, console);
        }

        public Settings withConsole(PrintStream out) {
            return new Settings(host, port, dbUrl, dbUser, dbPassword, dataDir, adminPasswordFile, bcryptCost,
                    tokenLifetime, keyRetirement, changeRetention, opDedupRetention, telemetryRetention,
                    rateLimitPerMinute, simulation, tlsKeystore, tlsPasswordFile, clock, out);
        }

        public Settings withChangeRetention(Duration retention) {
            return new Settings(host, port, dbUrl, dbUser, dbPassword, dataDir, adminPasswordFile, bcryptCost,
                    tokenLifetime, keyRetirement, retention, opDedupRetention, telemetryRetention, rateLimitPerMinute,
                    simulation, tlsKeystore, tlsPasswordFile, clock, console);
        }

        public Settings withOpDedupRetention(Duration retention) {
            return new Settings(host, port, dbUrl, dbUser, dbPassword, dataDir, adminPasswordFile, bcryptCost,
                    tokenLifetime, keyRetirement, changeRetention, retention, telemetryRetention, rateLimitPerMinute,
                    simulation, tlsKeystore, tlsPasswordFile, clock, console);
        }

        public Settings withRateLimitPerMinute(int perMinute) {
            return new Settings(host, port, dbUrl, dbUser, dbPassword, dataDir, adminPasswordFile, bcryptCost,
                    tokenLifetime, keyRetirement, changeRetention, opDedupRetention, telemetryRetention, perMinute,
                    simulation, tlsKeystore, tlsPasswordFile, clock, console);
        }

        public Settings withBcryptCost(int cost) {
            return new Settings(host, port, dbUrl, dbUser, dbPassword, dataDir, adminPasswordFile, cost,
                    tokenLifetime, keyRetirement, changeRetention, opDedupRetention, telemetryRetention,
                    rateLimitPerMinute, simulation, tlsKeystore, tlsPasswordFile, clock, console);
        }

        public Settings withTelemetryRetention(Duration retention) {
            return new Settings(host, port, dbUrl, dbUser, dbPassword, dataDir, adminPasswordFile, bcryptCost,
                    tokenLifetime, keyRetirement, changeRetention, opDedupRetention, retention, rateLimitPerMinute,
                    simulation, tlsKeystore, tlsPasswordFile, clock, console);
        }

        public Settings withKeyRetirement(Duration retirement) {
            return new Settings(host, port, dbUrl, dbUser, dbPassword, dataDir, adminPasswordFile, bcryptCost,
                    tokenLifetime, retirement, changeRetention, opDedupRetention, telemetryRetention,
                    rateLimitPerMinute, simulation, tlsKeystore, tlsPasswordFile, clock, console);
        }

        public Settings withSimulation(Simulation newSimulation) {
            return new Settings(host, port, dbUrl, dbUser, dbPassword, dataDir, adminPasswordFile, bcryptCost,
                    tokenLifetime, keyRetirement, changeRetention, opDedupRetention, telemetryRetention,
                    rateLimitPerMinute, newSimulation, tlsKeystore, tlsPasswordFile, clock, console);
        }

        public Settings withTls(Path keystore, Path passwordFile) {
            return new Settings(host, port, dbUrl, dbUser, dbPassword, dataDir, adminPasswordFile, bcryptCost,
                    tokenLifetime, keyRetirement, changeRetention, opDedupRetention, telemetryRetention,
                    rateLimitPerMinute, simulation, keystore, passwordFile, clock, console);
        }

        public Settings withClock(Clock newClock) {
            return new Settings(host, port, dbUrl, dbUser, dbPassword, dataDir, adminPasswordFile, bcryptCost,
                    tokenLifetime, keyRetirement, changeRetention, opDedupRetention, telemetryRetention,
                    rateLimitPerMinute, simulation, tlsKeystore, tlsPasswordFile, newClock, console);
        }
    }

    /** {@code --simulate-telemetry}: the simulator's seed, start time and cadence. */
    public record Simulation(long seed, Instant start, Duration interval) {
        public Simulation {
            Objects.requireNonNull(start, "start");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("interval: " + interval);
            }
        }
    }

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final SigningKeys keys;
    private final UserStore users;
    private final ApiRoutes routes;
    private final Javalin app;
    private final TelemetryFeed telemetry;
    private final ScheduledExecutorService housekeeping;
    private final ScheduledExecutorService simulator;

    private ReferenceServer(EmbeddedPostgres embedded, HikariDataSource pool, SigningKeys keys, UserStore users,
                            ApiRoutes routes, Javalin app, TelemetryFeed telemetry, Settings s) {
        this.embedded = embedded;
        this.pool = pool;
        this.keys = keys;
        this.users = users;
        this.routes = routes;
        this.app = app;
        this.telemetry = telemetry;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(daemon("astroshield-housekeeping"));
        housekeeping.scheduleWithFixedDelay(() -> pruneOldRecords(s), 1, 60, TimeUnit.MINUTES);
        // a key added by `astroshield-server rotate-keys` starts signing within this period
        housekeeping.scheduleWithFixedDelay(this::reloadKeys, KEY_RELOAD.toSeconds(), KEY_RELOAD.toSeconds(),
                TimeUnit.SECONDS);
        this.simulator = telemetry == null ? null
                : Executors.newSingleThreadScheduledExecutor(daemon("astroshield-telemetry-simulator"));
        if (telemetry != null) {
            telemetry.start(simulator);
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void pruneOldRecords(Settings s) {
        try {
            int pruned = routes.pruneChangesBefore(s.clock().instant().minus(s.changeRetention()));
            if (pruned > 0) {
                LOG.info("pruned {} change-log entries older than {}", pruned, s.changeRetention());
            }
            int ops = routes.pruneAppliedOpsBefore(s.clock().instant().minus(s.opDedupRetention()));
            if (ops > 0) {
                LOG.info("pruned {} op dedup records older than {}", ops, s.opDedupRetention());
            }
            int samples = routes.pruneTelemetryBefore(s.clock().instant().minus(s.telemetryRetention()));
            if (samples > 0) {
                LOG.info("pruned {} telemetry samples older than {}", samples, s.telemetryRetention());
            }
        } catch (RuntimeException e) {
            LOG.warn("retention run failed; next run in an hour", e);
        }
    }

    private void reloadKeys() {
        try {
            keys.reload();
        } catch (RuntimeException e) {
            LOG.warn("cannot re-read the signing keys; keeping the loaded ones", e);
        }
    }

    public static ReferenceServer start(Settings s) {
        EmbeddedPostgres embedded = null;
        HikariDataSource pool = null;
        try {
            Files.createDirectories(s.dataDir());
            String url = s.dbUrl();
            String user = s.dbUser();
            String password = s.dbPassword();
            if (url == null) {
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(s.dataDir().resolve("postgres"))
                        .setCleanDataDirectory(false)
                        .start();
                url = embedded.getJdbcUrl("postgres", "postgres");
                user = "postgres";
                password = null;
                LOG.info("embedded PostgreSQL on port {}", embedded.getPort());
            }
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(metrics);
            new JvmThreadMetrics().bindTo(metrics);
            new ProcessorMetrics().bindTo(metrics);
            new UptimeMetrics().bindTo(metrics);
            pool = pool(url, user, password, metrics);
            Flyway.configure().dataSource(pool).locations("classpath:db/migration/server").load().migrate();

            SigningKeys keys = SigningKeys.loadOrCreate(s.dataDir().resolve("keys"), s.clock(), s.keyRetirement());
            TokenService tokens = new TokenService(keys, s.clock(), s.tokenLifetime());
            UserStore users = new UserStore(pool, s.bcryptCost());
            createAdmin(users, s);
            ObjectMapper json = Json.newMapper();
            RateLimiter limiter = new RateLimiter(s.rateLimitPerMinute(), Duration.ofMinutes(1), s.clock());
            ApiRoutes routes = new ApiRoutes(pool, keys, tokens, users, limiter, metrics, json, s.clock());
            TelemetryFeed feed = s.simulation() == null ? null : routes.telemetryFeed(new TelemetrySimulator(
                    s.simulation().seed(), s.simulation().start(), s.simulation().interval()));
            if (feed != null) {
                feed.ensureDemoSpacecraft();
            }
            Javalin app;
            if (s.tlsKeystore() == null) {
                app = routes.create(ReferenceServer::tuneJetty).start(s.host(), s.port());
            } else {
                String tlsPassword = Files.readString(s.tlsPasswordFile(), StandardCharsets.UTF_8).strip();
                app = routes.create(config -> {
                    tuneJetty(config);
                    config.jetty.addConnector((server, http) ->
                            TlsConnector.create(server, http, s.host(), s.port(), s.tlsKeystore(), tlsPassword));
                }).start();
            }
            LOG.info("AstroShield reference server listening on {}:{} ({})", s.host(), app.port(),
                    s.tlsKeystore() == null ? "HTTP" : "HTTPS");
            return new ReferenceServer(embedded, pool, keys, users, routes, app, feed, s);
        } catch (IOException | RuntimeException e) {
            closeQuietly(pool, embedded);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot start the reference server", io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Jetty keeps, per connection, a cache of the header lines it has seen, looked up character by character: a
     * console's bearer token (several hundred characters) was compared in full on every request, 8 % of the CPU of
     * a read in the read benchmark. Lines longer than this are parsed as they come; short repeated ones (Host,
     * Accept) stay cached.
     */
    private static void tuneJetty(JavalinConfig config) {
        config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(HEADER_CACHE_BYTES));
    }

    private static HikariDataSource pool(String url, String user, String password, MeterRegistry metrics) {
        HikariConfig config = new HikariConfig();
        config.setMetricRegistry(metrics);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setPoolName("astroshield-server");
        return new HikariDataSource(config);
    }

    private static void createAdmin(UserStore users, Settings s) throws IOException {
        if (users.exists(ADMIN)) {
            return;
        }
        boolean generated = s.adminPasswordFile() == null;
        String password = generated ? randomPassword()
                : Files.readString(s.adminPasswordFile(), StandardCharsets.UTF_8).strip();
        if (password.length() < 12) {
            throw new IllegalArgumentException("the admin password must have at least 12 characters");
        }
        users.create(ADMIN, password.toCharArray(), Role.ADMIN);
        if (generated) {
            s.console().println("Created account 'admin' with one-time password: " + password);
            s.console().println("It is shown only now; store it safely.");
        }
        LOG.info("created the admin account");
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public int port() {
        return app.port();
    }

    public UserStore users() {
        return users;
    }

    public SigningKeys keys() {
        return keys;
    }

    public ApiRoutes routes() {
        return routes;
    }

    /** The telemetry simulator's writer; empty unless started with a {@link Simulation}. */
    public Optional<TelemetryFeed> telemetry() {
        return Optional.ofNullable(telemetry);
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.shutdownNow();
        }
        housekeeping.shutdownNow();
        app.stop();
        closeQuietly(pool, embedded);
    }

    private static void closeQuietly(HikariDataSource pool, EmbeddedPostgres embedded) {
        if (pool != null) {
            pool.close();
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
