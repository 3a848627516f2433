package io.astroshield.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Backup files: a zip with a manifest, the database file as H2's online {@code BACKUP} copied it
 * (space reuse paused, so the copy is a consistent MVStore state even while others write) and the
 * store's credentials file.
 * <pre>
 *   backup.properties          format, format version, creation time, schema version, encrypted
 *   db/astroshield.mv.db
 *   db/astroshield.credentials
 * </pre>
 */
final class Backups {

    static final String MANIFEST = "backup.properties";
    static final String FORMAT = "astroshield-store-backup";
    static final String FORMAT_VERSION = "1";
    private static final String DATABASE_ENTRY = "db/" + StoreLayout.DB_NAME + ".mv.db";
    private static final String CREDENTIALS_ENTRY = "db/" + StoreLayout.DB_NAME + ".credentials";
    private static final String H2_ENTRY = StoreLayout.DB_NAME + ".mv.db";

    private Backups() {
    }

    static Path write(Store store, Path target) {
        Path file = target.toAbsolutePath().normalize();
        Path h2Zip = file.resolveSibling(file.getFileName() + ".h2.tmp");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Connection c = store.maintenanceConnection(); Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + h2Zip.toString().replace("'", "''") + "'");
            } catch (SQLException e) {
                throw new StoreException(StoreError.IO, "Cannot back up the store to " + file + ": " + e.getMessage(), e);
            }
            Properties manifest = new Properties();
            manifest.setProperty("format", FORMAT);
            manifest.setProperty("formatVersion", FORMAT_VERSION);
            manifest.setProperty("createdAt", Instant.now().toString());
            manifest.setProperty("schemaVersion", store.schemaVersion());
            manifest.setProperty("encrypted", Boolean.toString(store.options().encrypted()));
            try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out);
                 ZipFile h2 = new ZipFile(h2Zip.toFile())) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(zip, "AstroShield store backup");
                zip.closeEntry();
                ZipEntry db = h2.getEntry(H2_ENTRY);
                if (db == null) {
                    throw new StoreException(StoreError.IO, "H2's backup holds no " + H2_ENTRY);
                }
                zip.putNextEntry(new ZipEntry(DATABASE_ENTRY));
                try (InputStream in = h2.getInputStream(db)) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(CREDENTIALS_ENTRY));
                Files.copy(store.layout().credentialsFile(), zip);
                zip.closeEntry();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new StoreException(StoreError.IO, "Cannot write the backup " + file + ": " + e, e);
        } finally {
            deleteQuietly(h2Zip);
            deleteQuietly(tmp);
        }
    }

    /** Writes the backup's files into the (empty) layout; the caller opens the store to check them. */
    static void extract(Path backup, StoreLayout layout) {
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null) {
                throw new StoreException(StoreError.BAD_BACKUP, backup + " is not an AstroShield store backup (no "
                        + MANIFEST + ").");
            }
            Properties manifest = new Properties();
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifest.load(in);
            }
            if (!FORMAT.equals(manifest.getProperty("format"))
                    || !FORMAT_VERSION.equals(manifest.getProperty("formatVersion"))) {
                throw new StoreException(StoreError.BAD_BACKUP, backup + " is not a backup this version can restore "
                        + "(format " + manifest.getProperty("format") + " " + manifest.getProperty("formatVersion") + ").");
            }
            ZipEntry db = zip.getEntry(DATABASE_ENTRY);
            ZipEntry credentials = zip.getEntry(CREDENTIALS_ENTRY);
            if (db == null || credentials == null) {
                throw new StoreException(StoreError.BAD_BACKUP, backup + " is incomplete: it lacks "
                        + (db == null ? DATABASE_ENTRY : CREDENTIALS_ENTRY) + ".");
            }
            FileSecurity.createOwnerOnlyDirectories(layout.dataDir());
            FileSecurity.createOwnerOnlyDirectories(layout.dbDir());
            copyOut(zip, db, layout.databaseFile());
            copyOut(zip, credentials, layout.credentialsFile());
        } catch (ZipException e) {
            throw new StoreException(StoreError.BAD_BACKUP, backup + " is not a readable zip file: " + e.getMessage(), e);
        } catch (IOException e) {
            removeRestored(layout);
            throw new StoreException(StoreError.IO, "Cannot restore " + backup + " into " + layout.dataDir() + ": " + e, e);
        }
    }

    private static void copyOut(ZipFile zip, ZipEntry entry, Path file) throws IOException {
        FileSecurity.createOwnerOnlyFile(file);
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
    }

    /** Undoes a restore that failed, leaving the data directory empty again. */
    static void removeRestored(StoreLayout layout) {
        deleteQuietly(layout.databaseFile());
        deleteQuietly(layout.credentialsFile());
        deleteQuietly(layout.holderFile());
        deleteQuietly(layout.h2LockFile());
        deleteQuietly(layout.dbDir());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the caller is already reporting the failure that matters
        }
    }
}
