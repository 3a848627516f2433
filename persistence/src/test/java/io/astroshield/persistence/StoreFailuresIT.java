package io.astroshield.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 3: a corrupt or foreign file, a wrong key, a missing credential: a clear error, files untouched. */
class StoreFailuresIT {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");

    @TempDir
    Path dataDir;

    private Path databaseFile() throws IOException {
        Path file = new StoreLayout(dataDir).databaseFile();
        Files.createDirectories(file.getParent());
        return file;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private void assertRefusedAndUntouched(Path file, StoreError expected, String messagePart, StoreOptions options)
            throws Exception {
        String before = sha256(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        assertThatThrownBy(() -> Store.open(dataDir, options))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(expected))
                .hasMessageContaining(messagePart);
        assertThat(sha256(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
    }

    @Test
    void aTextFileInPlaceOfTheDatabaseIsReportedAndLeftUntouched() throws Exception {
        Path file = databaseFile();
        Files.writeString(file, "ISS (ZARYA)\n1 25544U 98067A   22022.91470718 ...\n".repeat(100));
        assertRefusedAndUntouched(file, StoreError.CORRUPT_OR_FOREIGN_FILE, "not an AstroShield store",
                StoreOptions.defaults());
    }

    @Test
    void randomBytesInPlaceOfTheDatabaseAreReportedAndLeftUntouched() throws Exception {
        Path file = databaseFile();
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        Files.write(file, junk);
        assertRefusedAndUntouched(file, StoreError.CORRUPT_OR_FOREIGN_FILE, "left untouched", StoreOptions.defaults());
    }

    @Test
    void anEmptyDatabaseFileIsReportedAndLeftUntouched() throws Exception {
        Path file = databaseFile();
        Files.write(file, new byte[0]);
        assertRefusedAndUntouched(file, StoreError.CORRUPT_OR_FOREIGN_FILE, "the file is empty", StoreOptions.defaults());
    }

    @Test
    void aStoreWhoseContentIsOverwrittenBehindAValidHeaderIsReportedAndLeftUntouched() throws Exception {
        try (Store store = Store.open(dataDir, StoreOptions.defaults())) {
            store.write(tx -> {
                tx.syncCursors().save("catalog", "1", T0);
                return null;
            });
        }
        Path file = new StoreLayout(dataDir).databaseFile();
        byte[] bytes = Files.readAllBytes(file);
        byte[] junk = new byte[bytes.length - 64];
        new Random(11).nextBytes(junk);
        System.arraycopy(junk, 0, bytes, 64, junk.length);
        Files.write(file, bytes);
        assertRefusedAndUntouched(file, StoreError.CORRUPT_OR_FOREIGN_FILE, "damaged", StoreOptions.defaults());
    }

    @Test
    void anEncryptedStoreOpensWithItsPassphraseOnly() throws Exception {
        StoreOptions right = StoreOptions.defaults().withKey(StoreKey.passphrase("correct horse battery".toCharArray()));
        try (Store store = Store.open(dataDir, right)) {
            store.write(tx -> {
                tx.syncCursors().save("notes", "secret-cursor", T0);
                return null;
            });
            assertThat(store.info().encrypted()).isTrue();
        }
        Path file = new StoreLayout(dataDir).databaseFile();
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).doesNotContain("secret-cursor");

        StoreOptions wrong = StoreOptions.defaults().withKey(StoreKey.passphrase("correct horse battery!".toCharArray()));
        assertRefusedAndUntouched(file, StoreError.WRONG_KEY, "wrong passphrase or key file", wrong);
        assertRefusedAndUntouched(file, StoreError.WRONG_KEY, "is encrypted: give its passphrase or key file",
                StoreOptions.defaults());

        try (Store store = Store.open(dataDir, right)) {
            Optional<String> cursor = store.read(tx -> tx.syncCursors().get("notes"));
            assertThat(cursor).contains("secret-cursor");
        }
    }

    @Test
    void aKeyGivenForAPlainStoreIsRefusedWithoutTouchingIt() throws Exception {
        try (Store ignored = Store.open(dataDir, StoreOptions.defaults())) {
            assertThat(ignored.ownsFile()).isTrue();
        }
        assertRefusedAndUntouched(new StoreLayout(dataDir).databaseFile(), StoreError.WRONG_KEY, "is not encrypted",
                StoreOptions.defaults().withKey(StoreKey.passphrase("x".toCharArray())));
    }

    @Test
    void aKeyFileReadableByOthersIsRefusedAndAnOwnerOnlyOneWorks(@TempDir Path keys) throws Exception {
        Path loose = keys.resolve("loose.key");
        Files.writeString(loose, "0123456789abcdef\n");
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> StoreKey.fromKeyFile(loose))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(StoreError.KEY_FILE))
                .hasMessageContaining("chmod 600");

        Path keyFile = keys.resolve("store.key");
        StoreKey created = StoreKey.createKeyFile(keyFile);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(created.toString()).doesNotContain(Files.readString(keyFile).strip());
        try (Store store = Store.open(dataDir, StoreOptions.defaults().withKey(created))) {
            assertThat(store.info().encrypted()).isTrue();
        }
        try (Store store = Store.open(dataDir, StoreOptions.defaults().withKey(StoreKey.fromKeyFile(keyFile)))) {
            assertThat(store.schemaVersion()).isEqualTo("10");
        }
        assertThatThrownBy(() -> StoreKey.fromKeyFile(keys.resolve("missing.key")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aStoreWhoseCredentialsFileIsMissingSaysSo() throws Exception {
        try (Store ignored = Store.open(dataDir, StoreOptions.defaults())) {
            assertThat(ignored.ownsFile()).isTrue();
        }
        Files.delete(new StoreLayout(dataDir).credentialsFile());
        assertRefusedAndUntouched(new StoreLayout(dataDir).databaseFile(), StoreError.IO, "is missing",
                StoreOptions.defaults());
    }
}
