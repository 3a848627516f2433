package io.astroshield.app.workstation;

import io.astroshield.persistence.workspace.SettingScope;
import io.astroshield.persistence.Store;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may unlock a locked console. A console signed in to the backend keeps, for its last verified user, a salted
 * PBKDF2 verifier of the password that user signed in with, so unlocking asks for that password even offline. The
 * password itself is never stored. A console that never had a backend sign-in (the local account) knows no password;
 * its lock keeps passers-by from clicking and asks for the user name, and says that is all it does.
 * <p>
 * After {@value #FREE_ATTEMPTS} wrong answers in a row each further attempt waits, 30 s doubling up to 15 min.
 */
public final class ConsoleLock {

    static final String VERIFIER_KEY = "console.unlock_verifier";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    /** OWASP Password Storage Cheat Sheet (2023): 600,000 iterations for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);

    /** What the unlock asks for. */
    public enum Mode {
        /** The password the user last signed in to the backend with. */
        PASSWORD,
        /** The user name: a local account has no password known to the console. */
        USER_NAME
    }

    /** The answer to an unlock attempt. */
    public sealed interface Verdict {
        record Unlocked() implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }

        record Wait(Duration remaining) implements Verdict {
        }
    }

    private final Store store;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private int failures;
    private Instant nextAttempt = Instant.MIN;

    public ConsoleLock(Store store, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keeps a verifier of {@code password} for {@code user} (after the backend accepted it); the array is not kept. */
    public void remember(String user, char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, ITERATIONS);
        Base64.Encoder b64 = Base64.getEncoder();
        String verifier = String.join("$", "pbkdf2-sha256", Integer.toString(ITERATIONS), b64.encodeToString(salt),
                b64.encodeToString(hash), b64.encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        Instant now = clock.instant();
        store.write(tx -> {
            tx.settings().put(SettingScope.LOCAL, VERIFIER_KEY, verifier, now);
            return null;
        });
    }

    /** What unlocking a console locked by {@code user} asks for. */
    public Mode mode(String user) {
        return verifier(user).isPresent() ? Mode.PASSWORD : Mode.USER_NAME;
    }

    /**
     * Checks an unlock attempt for a console locked by {@code user}: the password in {@link Mode#PASSWORD}, the user
     * name in {@link Mode#USER_NAME}. Slow on purpose (the key derivation): call it off the FX thread.
     */
    public synchronized Verdict attempt(String user, char[] answer) {
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            return new Verdict.Wait(Duration.between(now, nextAttempt));
        }
        Optional<Verifier> verifier = verifier(user);
        boolean right = verifier.map(v -> v.matches(answer))
                .orElseGet(() -> Arrays.equals(answer, user.toCharArray()));
        if (right) {
            failures = 0;
            nextAttempt = Instant.MIN;
            return new Verdict.Unlocked();
        }
        failures++;
        if (failures >= FREE_ATTEMPTS) {
            int doublings = Math.min(failures - FREE_ATTEMPTS, 10);
            Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
            nextAttempt = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        }
        return new Verdict.Refused(verifier.isPresent() ? "wrong password for " + user
                : "not the user who locked this console");
    }

    private Optional<Verifier> verifier(String user) {
        return store.read(tx -> tx.settings().get(SettingScope.LOCAL, VERIFIER_KEY)).map(s -> Verifier.parse(s.value()))
                .filter(v -> v.user().equals(user));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    private record Verifier(String user, int iterations, byte[] salt, byte[] hash) {
        static Verifier parse(String text) {
            String[] f = text.split("\\$");
            if (f.length != 5 || !f[0].equals("pbkdf2-sha256")) {
                throw new IllegalStateException("setting " + VERIFIER_KEY + " is not a pbkdf2-sha256 verifier");
            }
            Base64.Decoder b64 = Base64.getDecoder();
            return new Verifier(new String(b64.decode(f[4]), StandardCharsets.UTF_8),
                    Integer.parseInt(f[1]), b64.decode(f[2]), b64.decode(f[3]));
        }

        boolean matches(char[] password) {
            return MessageDigest.isEqual(hash, derive(password, salt, iterations));
        }
    }
}
