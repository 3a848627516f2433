package io.astroshield.sync.server;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The token signing keys: EC P-256 JWKs, one file per key under {@code <data-dir>/keys/}, readable only by the
 * owner. The key id starts with its UTC creation time, so the newest key (the one that signs) sorts last; older
 * keys still verify the tokens they signed. A key is created on first start.
 */
public final class SigningKeys {
    private static final String SUFFIX = ".jwk.json";
    private static final DateTimeFormatter KID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ECKey active;
    private final Map<String, ECKey> byKid;

    private SigningKeys(List<ECKey> keys) {
        this.active = keys.get(keys.size() - 1);
        this.byKid = keys.stream().collect(Collectors.toUnmodifiableMap(ECKey::getKeyID, Function.identity()));
    }

    /** Loads every key under {@code keyDir}, creating the directory and a first key when there is none. */
    public static SigningKeys loadOrCreate(Path keyDir, Clock clock) {
        try {
            Files.createDirectories(keyDir);
            List<ECKey> keys = load(keyDir);
            if (keys.isEmpty()) {
                write(keyDir, generate(clock));
                keys = load(keyDir);
            }
            return new SigningKeys(keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create signing keys in " + keyDir, e);
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

    private static void write(Path keyDir, ECKey key) throws IOException {
        Path file = keyDir.resolve(key.getKeyID() + SUFFIX);
        try {
            if (Files.getFileStore(keyDir).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("key file already exists: " + file, e);
        }
        Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The key that signs new tokens (private part included). */
    public ECKey active() {
        return active;
    }

    /** The key with this id, if it is one of ours. */
    public Optional<ECKey> find(String kid) {
        return kid == null ? Optional.empty() : Optional.ofNullable(byKid.get(kid));
    }
}
