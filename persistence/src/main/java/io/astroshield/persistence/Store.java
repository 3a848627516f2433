package io.astroshield.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.astroshield.persistence.jdbc.Jdbc;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * The workstation's embedded store: an H2 file database under the data directory, its schema
 * brought up to date by Flyway on open, used through short transactions:
 * <pre>{@code
 * try (Store store = Store.open(DataDirectory.resolve(null), StoreOptions.defaults())) {
 *     store.write(tx -> tx.conjunctionEvents().record(updates, runId, null, now));
 *     List<StoredEvent> top = store.read(tx -> tx.conjunctionEvents().topByPc(from, to, 100));
 * }
 * }</pre>
 * A commit that {@link #write} reports has reached the file (see {@link Durability}); a write
 * that throws has left nothing behind. A second process opening the same data directory goes
 * through the first one (H2 auto-server mode) or, when that is switched off, gets
 * {@link StoreError#LOCKED} naming the holder. A file that is not an H2 store is reported and
 * left as it is.
 */
public final class Store implements AutoCloseable {

    private static final String USER = "astroshield";
    private static final byte[] PLAIN_HEADER = "H:2,".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final long LOCK_TIMEOUT_MS = 10_000;

    private final StoreLayout layout;
    private final StoreOptions options;
    private final HikariDataSource pool;
    private final Connection keeper;
    private final Flyway flyway;
    private final boolean owner;
    private final Retention retention = new Retention();

    private Store(StoreLayout layout, StoreOptions options, HikariDataSource pool, Connection keeper, Flyway flyway,
                  boolean owner) {
        this.layout = layout;
        this.options = options;
        this.pool = pool;
        this.keeper = keeper;
        this.flyway = flyway;
        this.owner = owner;
    }

    /** A unit of work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Tx tx);
    }

    /**
     * Opens (creating if needed) the store under {@code dataDir} and migrates its schema.
     *
     * @throws StoreException {@link StoreError#CORRUPT_OR_FOREIGN_FILE}, {@link StoreError#WRONG_KEY},
     *                        {@link StoreError#LOCKED}, {@link StoreError#MIGRATION}, {@link StoreError#IO}
     */
    public static Store open(Path dataDir, StoreOptions options) {
        Objects.requireNonNull(options, "options");
        StoreLayout layout = new StoreLayout(dataDir);
        boolean exists = Files.exists(layout.databaseFile());
        if (exists) {
            checkHeader(layout, options);
        }
        try {
            FileSecurity.createOwnerOnlyDirectories(layout.dataDir());
            FileSecurity.createOwnerOnlyDirectories(layout.dbDir());
        } catch (IOException e) {
            throw new StoreException(StoreError.IO, "Cannot create data directory " + layout.dbDir() + ": " + e, e);
        }
        char[] userPassword = Credentials.loadOrCreate(layout.credentialsFile(), exists);
        String url = url(layout, options);
        Connection keeper = connect(url, userPassword, layout, options);
        HikariDataSource pool = null;
        try {
            boolean owner = isEmbedded(keeper);
            pool = pool(url, userPassword, options);
            Flyway flyway = migrate(pool, layout);
            if (owner) {
                Holder.write(layout.holderFile());
            }
            return new Store(layout, options, pool, keeper, flyway, owner);
        } catch (IOException e) {
            closeQuietly(pool, keeper);
            throw new StoreException(StoreError.IO, "Cannot write " + layout.holderFile() + ": " + e, e);
        } catch (RuntimeException e) {
            closeQuietly(pool, keeper);
            throw e;
        } finally {
            Arrays.fill(userPassword, '\0');
        }
    }

    /**
     * Restores a backup written by {@link #backup} into an empty (or not yet existing) data
     * directory, opens it once to check it and bring its schema up to date, and returns its info.
     * On failure the directory is left as empty as it was found.
     */
    public static StoreInfo restore(Path backupFile, Path dataDir, StoreOptions options) {
        StoreLayout layout = new StoreLayout(dataDir);
        requireEmpty(layout.dataDir());
        Backups.extract(backupFile, layout);
        try (Store store = open(dataDir, options)) {
            return store.info();
        } catch (RuntimeException e) {
            Backups.removeRestored(layout);
            throw e;
        }
    }

    /** Runs {@code work} in one read-write transaction and commits it durably (see {@link Durability}). */
    public <T> T write(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            T result;
            try {
                result = work.run(new Tx(c));
                c.commit();
            } catch (RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            } catch (SQLException e) {
                rollback(c, e);
                throw Jdbc.wrap("Committing a write transaction", e);
            }
            if (options.durability() == Durability.POWER_LOSS) {
                forceToDevice(c);
            }
            return result;
        } catch (SQLException e) {
            throw Jdbc.wrap("Getting a connection from the store's pool", e);
        }
    }

    /** Runs {@code work} in one transaction that is rolled back at the end: for queries. */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            try {
                return work.run(new Tx(c));
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw Jdbc.wrap("Running a read transaction", e);
        }
    }

    /** Counts per table, file size and schema version ({@code db info}). */
    public StoreInfo info() {
        Map<String, Long> counts = read(tx -> {
            Connection c = tx.connection();
            List<String> tables = Jdbc.list(c, "Listing the store's tables", """
                    SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES
                    WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE IN ('BASE TABLE', 'VIEW')
                      AND TABLE_NAME <> 'flyway_schema_history'
                    ORDER BY TABLE_NAME
                    """, Jdbc.NO_PARAMETERS, rs -> rs.getString(1));
            Map<String, Long> result = new LinkedHashMap<>();
            for (String table : tables) {
                // the name comes from the catalog, not from a caller
                result.put(table.toLowerCase(java.util.Locale.ROOT), Jdbc.count(c, "Counting rows of " + table,
                        "SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"", Jdbc.NO_PARAMETERS));
            }
            return result;
        });
        long size;
        try {
            size = Files.size(layout.databaseFile());
        } catch (IOException e) {
            throw new StoreException(StoreError.IO, "Cannot read the size of " + layout.databaseFile() + ": " + e, e);
        }
        return new StoreInfo(layout.databaseFile(), size, schemaVersion(), options.encrypted(), options.durability(),
                counts);
    }

    /** The Flyway version applied last, e.g. "4". */
    public String schemaVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    /**
     * Writes a consistent copy of the store, taken while it stays in use, to {@code target} (a zip
     * holding the database file, its credentials and a manifest). An encrypted store stays encrypted
     * in the backup.
     */
    public Path backup(Path target) {
        return Backups.write(this, target);
    }

    /** Removes what the policy says is old enough, never what it must keep (see {@link RetentionPolicy}). */
    public PurgeReport purge(RetentionPolicy policy, Instant now) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        return retention.purge(this, policy, now);
    }

    public StoreLayout layout() {
        return layout;
    }

    public StoreOptions options() {
        return options;
    }

    /** True when this process has the file open; false when it goes through another process' server. */
    public boolean ownsFile() {
        return owner;
    }

    @Override
    public void close() {
        pool.close();
        try {
            keeper.close();
        } catch (SQLException e) {
            throw Jdbc.wrap("Closing the store", e);
        }
        if (owner) {
            try {
                Holder.removeIfOurs(layout.holderFile());
            } catch (IOException e) {
                throw new StoreException(StoreError.IO, "Cannot remove " + layout.holderFile() + ": " + e, e);
            }
        }
    }

    /** A connection outside the pool for maintenance (backup); the caller closes it. */
    Connection maintenanceConnection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw Jdbc.wrap("Getting a connection from the store's pool", e);
        }
    }

    // ---- opening ----------------------------------------------------------------------------

    /** Refuses, before H2 sees it, a file that is not an H2 store, and a key that cannot fit it. */
    private static void checkHeader(StoreLayout layout, StoreOptions options) {
        Path file = layout.databaseFile();
        byte[] head = new byte[ENCRYPTED_HEADER.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new StoreException(StoreError.IO, "Cannot read " + file + ": " + e, e);
        }
        boolean encrypted = startsWith(head, n, ENCRYPTED_HEADER);
        boolean plain = startsWith(head, n, PLAIN_HEADER);
        if (!encrypted && !plain) {
            throw new StoreException(StoreError.CORRUPT_OR_FOREIGN_FILE, file + " is not an AstroShield store (no H2 "
                    + "database header" + (n == 0 ? ": the file is empty" : "") + "). The file was left untouched; "
                    + "move it away or use another data directory.");
        }
        if (encrypted && options.key() == null) {
            throw new StoreException(StoreError.WRONG_KEY, "The store " + file
                    + " is encrypted: give its passphrase or key file.");
        }
        if (plain && options.key() != null) {
            throw new StoreException(StoreError.WRONG_KEY, "The store " + file + " is not encrypted, but a "
                    + options.key().description() + " was given. Open it without a key.");
        }
    }

    private static boolean startsWith(byte[] head, int n, byte[] prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String url(StoreLayout layout, StoreOptions options) {
        StringBuilder url = new StringBuilder("jdbc:h2:file:").append(layout.dbBase())
                // every commit reaches the file before commit returns (H2's default 500 ms delay can lose it)
                .append(";WRITE_DELAY=0")
                // no chunk compaction while the database closes: after a kill -9, H2 2.3.232's close-time
                // compaction could leave two chunks on the same blocks, and the next open failed with "File
                // corrupted ... Double mark" (h2database issues #2752, #2067). CrashSafetyIT failed in 4 of 4
                // runs with V6 and 3 of 6 without it, and passed 7 of 7 with this setting. Freed file space is
                // still reused; the file is just not shrunk on close.
                .append(";MAX_COMPACT_TIME=0")
                .append(";LOCK_TIMEOUT=").append(LOCK_TIMEOUT_MS);
        if (options.autoServer()) {
            url.append(";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE");
        }
        if (options.key() != null) {
            url.append(";CIPHER=AES");
        }
        return url.toString();
    }

    private static Properties credentials(char[] userPassword, StoreOptions options) {
        Properties p = new Properties();
        p.setProperty("user", USER);
        if (options.key() != null) {
            char[] file = options.key().filePassword();
            // H2 reads "FILE_PASSWORD USER_PASSWORD". A String, not a char[]: H2 wipes a char[]
            // password after use, and the pool hands the same properties to every new connection.
            p.setProperty("password", new String(concat(file, ' ', userPassword)));
            Arrays.fill(file, '\0');
        } else {
            p.setProperty("password", new String(userPassword));
        }
        return p;
    }

    private static char[] concat(char[] a, char sep, char[] b) {
        char[] r = new char[a.length + 1 + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        r[a.length] = sep;
        System.arraycopy(b, 0, r, a.length + 1, b.length);
        return r;
    }

    private static Connection connect(String url, char[] userPassword, StoreLayout layout, StoreOptions options) {
        try {
            Connection c = new org.h2.Driver().connect(url, credentials(userPassword, options));
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            throw openFailure(e, layout, options);
        }
    }

    private static StoreException openFailure(SQLException e, StoreLayout layout, StoreOptions options) {
        Path file = layout.databaseFile();
        switch (e.getErrorCode()) {
            case org.h2.api.ErrorCode.FILE_ENCRYPTION_ERROR_1:
                return new StoreException(StoreError.WRONG_KEY, "Cannot decrypt the store " + file + " with the given "
                        + (options.key() == null ? "key" : options.key().description())
                        + ": wrong passphrase or key file. The file was left untouched.", e);
            case org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1: {
                String holder = Holder.describe(layout.holderFile());
                return new StoreException(StoreError.LOCKED, "The store " + file + " is in use by "
                        + (holder != null ? holder : "another process") + (options.autoServer()
                        ? " and could not be shared with it" : "") + ". Close that program, or use another data "
                        + "directory.", e);
            }
            case org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD:
                return new StoreException(StoreError.IO, "The store " + file + " does not accept the credentials in "
                        + layout.credentialsFile() + " (was one of the two files replaced?).", e);
            case org.h2.api.ErrorCode.FILE_CORRUPTED_1:
            case org.h2.api.ErrorCode.FILE_VERSION_ERROR_1:
            case org.h2.api.ErrorCode.IO_EXCEPTION_1:
            case org.h2.api.ErrorCode.IO_EXCEPTION_2:
            case org.h2.api.ErrorCode.GENERAL_ERROR_1:
                return new StoreException(StoreError.CORRUPT_OR_FOREIGN_FILE, "The store " + file
                        + " is damaged or is not an AstroShield store (" + firstLine(e.getMessage())
                        + "). The file was left untouched; restore a backup into a new data directory.", e);
            default:
                return new StoreException(StoreError.SQL, "Cannot open the store " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static boolean isEmbedded(Connection c) {
        try {
            return c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal;
        } catch (SQLException e) {
            throw Jdbc.wrap("Inspecting the store connection", e);
        }
    }

    private static HikariDataSource pool(String url, char[] userPassword, StoreOptions options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("astroshield-store");
        config.setJdbcUrl(url);
        config.setDataSourceProperties(credentials(userPassword, options));
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    private static Flyway migrate(HikariDataSource pool, StoreLayout layout) {
        Flyway flyway = Flyway.configure(Store.class.getClassLoader())
                .dataSource(pool)
                .locations(MIGRATIONS)
                .resourceProvider(MigrationScripts.ofThisModule())
                .loggers("slf4j")
                .load();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            throw new StoreException(StoreError.MIGRATION, "Cannot bring the schema of " + layout.databaseFile()
                    + " up to date: " + e.getMessage(), e);
        }
        for (MigrationInfo m : flyway.info().applied()) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                throw new StoreException(StoreError.MIGRATION, "The store " + layout.databaseFile()
                        + " was written by a newer AstroShield (schema version " + m.getVersion()
                        + "); use that version or a newer one.");
            }
        }
        return flyway;
    }

    private static void requireEmpty(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (!Files.isDirectory(dataDir)) {
            throw new StoreException(StoreError.RESTORE_TARGET_NOT_EMPTY, dataDir + " is a file, not a directory.");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dataDir)) {
            if (entries.iterator().hasNext()) {
                throw new StoreException(StoreError.RESTORE_TARGET_NOT_EMPTY, "Cannot restore into " + dataDir
                        + ": it is not empty. Restore into a new or empty data directory.");
            }
        } catch (IOException e) {
            throw new StoreException(StoreError.IO, "Cannot list " + dataDir + ": " + e, e);
        }
    }

    // ---- transactions -------------------------------------------------------------------------

    private void forceToDevice(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new StoreException(StoreError.IO, "The transaction was committed but could not be forced to the "
                    + "device: " + e.getMessage(), e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(HikariDataSource pool, Connection keeper) {
        if (pool != null) {
            pool.close();
        }
        try {
            keeper.close();
        } catch (SQLException ignored) {
            // the open already failed; that failure is the one to report
        }
    }

    /** The store's own database password, random, in an owner-only file next to the database. */
    static final class Credentials {
        private Credentials() {
        }

        static char[] loadOrCreate(Path file, boolean databaseExists) {
            try {
                if (Files.exists(file)) {
                    String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
                    if (text.isEmpty()) {
                        throw new StoreException(StoreError.IO, "Credentials file " + file + " is empty.");
                    }
                    return text.toCharArray();
                }
                if (databaseExists) {
                    throw new StoreException(StoreError.IO, "Credentials file " + file + " is missing; the store "
                            + "cannot be opened without it. Restore it from the backup the store came from.");
                }
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                String secret = HexFormat.of().formatHex(random);
                FileSecurity.createOwnerOnlyFile(file);
                Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII);
                return secret.toCharArray();
            } catch (IOException e) {
                throw new StoreException(StoreError.IO, "Cannot read or create " + file + ": " + e, e);
            }
        }
    }
}
