package io.astroshield.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * The secret that encrypts a store with H2's AES file encryption: a passphrase typed at a prompt
 * or the contents of a key file readable only by its owner.
 * <p>
 * H2 takes the file password as the part of the JDBC password before the first space, so the
 * secret's bytes are passed hex-encoded: a passphrase may contain spaces. H2 salts and hashes it
 * into the AES key itself.
 */
public final class StoreKey {

    private static final Set<PosixFilePermission> OTHERS_OR_GROUP = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final char[] hexSecret;
    private final String description;

    private StoreKey(byte[] secret, String description) {
        this.hexSecret = HexFormat.of().formatHex(secret).toCharArray();
        Arrays.fill(secret, (byte) 0);
        this.description = description;
    }

    /** A key from a passphrase; the array is copied, the caller may wipe its own. */
    public static StoreKey passphrase(char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length == 0) {
            throw new StoreException(StoreError.INVALID_ARGUMENT, "The passphrase is empty.");
        }
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(passphrase));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return new StoreKey(bytes, "passphrase");
    }

    /**
     * A key from a key file: its bytes, less one trailing line break. On file systems with POSIX
     * permissions the file must not be readable, writable or executable by group or others.
     */
    public static StoreKey fromKeyFile(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                if (permissions.stream().anyMatch(OTHERS_OR_GROUP::contains)) {
                    throw new StoreException(StoreError.KEY_FILE, "Key file " + file + " is accessible to other users ("
                            + PosixFilePermissions.toString(permissions) + "); make it readable only by you, e.g. chmod 600 "
                            + file + ".");
                }
            }
            byte[] bytes = Files.readAllBytes(file);
            int length = bytes.length;
            if (length > 0 && bytes[length - 1] == '\n') {
                length--;
                if (length > 0 && bytes[length - 1] == '\r') {
                    length--;
                }
            }
            if (length == 0) {
                throw new StoreException(StoreError.KEY_FILE, "Key file " + file + " is empty.");
            }
            byte[] secret = Arrays.copyOf(bytes, length);
            Arrays.fill(bytes, (byte) 0);
            return new StoreKey(secret, "key file " + file);
        } catch (NoSuchFileException e) {
            throw new StoreException(StoreError.KEY_FILE, "Key file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new StoreException(StoreError.KEY_FILE, "Key file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a new key file of 32 random bytes (hex text), readable and writable only by its owner
     * where the file system has POSIX permissions, and returns the key it holds.
     */
    public static StoreKey createKeyFile(Path file) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        byte[] text = (HexFormat.of().formatHex(random) + "\n").getBytes(StandardCharsets.US_ASCII);
        Arrays.fill(random, (byte) 0);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileSecurity.createOwnerOnlyFile(file);
            Files.write(file, text);
            return fromKeyFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(StoreError.KEY_FILE, "Key file " + file + " already exists; it was not overwritten.", e);
        } catch (IOException e) {
            throw new StoreException(StoreError.KEY_FILE, "Key file " + file + " cannot be written: " + e.getMessage(), e);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }

    /** H2's file password (a copy: H2 wipes the arrays it is given). */
    char[] filePassword() {
        return hexSecret.clone();
    }

    /** Where the key came from, never the key itself. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "StoreKey[" + description + "]";
    }
}
