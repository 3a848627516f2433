package io.astroshield.sync.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The token signing keys: EC P-256 JWKs, one file per key under {@code <data-dir>/keys/}, readable only by the
 * owner. The key id starts with its UTC creation time, so the newest key (the one that signs) sorts last. A
 * rotation adds a newer key; from then on the older key only verifies the tokens it signed, until it retires
 * {@code retirement} after it was superseded; after that its tokens are refused. A key is created on first start.
 */
public final class SigningKeys {
    private static final String SUFFIX = ".jwk.json";
    private static final DateTimeFormatter KID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** Key ids written before rotation existed carry whole seconds. */
    private static final DateTimeFormatter OLD_KID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** The keys on disk, oldest first, and when each was superseded (absent for the newest). */
    private record KeySet(List<ECKey> keys, Map<String, ECKey> byKid, Map<String, Instant> supersededAt) {
        static KeySet of(List<ECKey> keys) {
            Map<String, Instant> superseded = new HashMap<>();
            for (int i = 0; i + 1 < keys.size(); i++) {
                superseded.put(keys.get(i).getKeyID(), createdAt(keys.get(i + 1).getKeyID()));
            }
            return new KeySet(List.copyOf(keys),
                    keys.stream().collect(Collectors.toUnmodifiableMap(ECKey::getKeyID, Function.identity())),
                    Map.copyOf(superseded));
        }

        ECKey newest() {
            return keys.get(keys.size() - 1);
        }
    }

    private final Path keyDir;
    private final Clock clock;
    private final Duration retirement;
    private volatile KeySet current;

    private SigningKeys(Path keyDir, Clock clock, Duration retirement, KeySet keys) {
        this.keyDir = keyDir;
        this.clock = clock;
        this.retirement = retirement;
        this.current = keys;
    }

    /** As {@link #loadOrCreate(Path, Clock, Duration)} with superseded keys retiring after two hours. */
    public static SigningKeys loadOrCreate(Path keyDir, Clock clock) {
        return loadOrCreate(keyDir, clock, Duration.ofHours(2));
    }

    /**
     * Loads every key under {@code keyDir}, creating the directory and a first key when there is none; a key
     * superseded by a newer one verifies for {@code retirement} more, then is refused.
     */
    public static SigningKeys loadOrCreate(Path keyDir, Clock clock, Duration retirement) {
        if (retirement.isNegative()) {
            throw new IllegalArgumentException("retirement: " + retirement);
        }
        try {
            Files.createDirectories(keyDir);
            List<ECKey> keys = load(keyDir);
            if (keys.isEmpty()) {
                write(keyDir, generate(clock));
                keys = load(keyDir);
            }
            return new SigningKeys(keyDir, clock, retirement, KeySet.of(keys));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create signing keys in " + keyDir, e);
        }
    }

    /**
     * Adds a new signing key under {@code keyDir} (what {@code astroshield-server rotate-keys} does; a running
     * server picks it up when it next re-reads the directory) and returns it.
     */
    public static ECKey addNewKey(Path keyDir, Clock clock) {
        try {
            Files.createDirectories(keyDir);
            List<ECKey> keys = load(keyDir);
            ECKey key = generate(clock);
            if (!keys.isEmpty() && key.getKeyID().compareTo(keys.get(keys.size() - 1).getKeyID()) <= 0) {
                throw new IllegalStateException("the clock is not after the newest key's creation ("
                        + keys.get(keys.size() - 1).getKeyID() + "); refusing a key that would not sort last");
            }
            write(keyDir, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot add a signing key in " + keyDir, e);
        }
    }

    /** A fresh P-256 key with a time-ordered key id; not stored. */
    public static ECKey generate(Clock clock) {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        String kid = KID_TIME.format(clock.instant()) + "-" + HexFormat.of().formatHex(random);
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("the JVM cannot generate EC P-256 keys", e);
        }
    }

    /** Rotates now: a new key signs from now on; the one it supersedes retires after the retirement period. */
    public synchronized ECKey rotate() {
        ECKey key = addNewKey(keyDir, clock);
        reload();
        return key;
    }

    /** Re-reads the key directory (to pick up a key added by another process); keeps the keys if it fails. */
    public synchronized void reload() {
        try {
            List<ECKey> keys = load(keyDir);
            if (!keys.isEmpty()) {
                current = KeySet.of(keys);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot re-read signing keys in " + keyDir, e);
        }
    }

    private static List<ECKey> load(Path keyDir) throws IOException {
        List<ECKey> keys = new ArrayList<>();
        try (Stream<Path> files = Files.list(keyDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).toList()) {
                try {
                    keys.add(ECKey.parse(Files.readString(file, StandardCharsets.UTF_8)));
                } catch (ParseException e) {
                    throw new IOException("not an EC JWK: " + file, e);
                }
            }
        }
        keys.sort(Comparator.comparing(ECKey::getKeyID));
        return keys;
    }

    /** Writes the key to a temporary name first, so that no reader ever sees a partly written key file. */
    private static void write(Path keyDir, ECKey key) throws IOException {
        Path file = keyDir.resolve(key.getKeyID() + SUFFIX);
        if (Files.exists(file)) {
            throw new IOException("key file already exists: " + file);
        }
        Path partial = keyDir.resolve(key.getKeyID() + SUFFIX + ".partial");
        if (Files.getFileStore(keyDir).supportsFileAttributeView("posix")) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(partial);
        }
        Files.writeString(partial, key.toJSONString(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The creation time a key id starts with. */
    static Instant createdAt(String kid) {
        String time = kid.substring(0, kid.indexOf('-') < 0 ? kid.length() : kid.indexOf('-'));
        try {
            return Instant.from(KID_TIME.parse(time));
        } catch (DateTimeParseException e) {
            return Instant.from(OLD_KID_TIME.parse(time));
        }
    }

    /** The key that signs new tokens (private part included). */
    public ECKey active() {
        return current.newest();
    }

    /** The key with this id, if it is one of ours and has not retired. */
    public Optional<ECKey> find(String kid) {
        KeySet keys = current;
        if (kid == null || !keys.byKid().containsKey(kid)) {
            return Optional.empty();
        }
        Optional<Instant> retires = retiresAt(keys, kid);
        return retires.isPresent() && !clock.instant().isBefore(retires.get())
                ? Optional.empty() : Optional.of(keys.byKid().get(kid));
    }

    /** When the key with this id stops verifying; empty while it is the signing key (or not ours). */
    public Optional<Instant> retiresAt(String kid) {
        return retiresAt(current, kid);
    }

    private Optional<Instant> retiresAt(KeySet keys, String kid) {
        return Optional.ofNullable(keys.supersededAt().get(kid)).map(t -> t.plus(retirement));
    }
}
