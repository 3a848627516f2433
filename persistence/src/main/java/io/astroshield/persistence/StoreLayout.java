package io.astroshield.persistence;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The files of a store under a data directory:
 * <pre>
 *   DATA_DIR/db/astroshield.mv.db         the H2 database (MVStore file)
 *   DATA_DIR/db/astroshield.credentials   the store's own database password, owner-only
 *   DATA_DIR/db/astroshield.holder        which process has the file open (pid, host, command)
 *   DATA_DIR/db/astroshield.lock.db       H2's lock file while open in auto-server mode
 * </pre>
 */
public record StoreLayout(Path dataDir) {

    static final String DB_NAME = "astroshield";

    public StoreLayout {
        Objects.requireNonNull(dataDir, "dataDir");
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path dbDir() {
        return dataDir.resolve("db");
    }

    /** The name H2 is given: the database file minus {@code .mv.db}. */
    Path dbBase() {
        return dbDir().resolve(DB_NAME);
    }

    public Path databaseFile() {
        return dbDir().resolve(DB_NAME + ".mv.db");
    }

    public Path credentialsFile() {
        return dbDir().resolve(DB_NAME + ".credentials");
    }

    public Path holderFile() {
        return dbDir().resolve(DB_NAME + ".holder");
    }

    Path h2LockFile() {
        return dbDir().resolve(DB_NAME + ".lock.db");
    }
}
