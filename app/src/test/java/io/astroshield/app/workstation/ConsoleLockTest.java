package io.astroshield.app.workstation;

import io.astroshield.persistence.workspace.SettingScope;
import io.astroshield.persistence.Store;
import io.astroshield.persistence.StoreOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Unlocking a console: the backend password through a stored verifier, the local account by name, and a wait after repeated wrong answers. */
class ConsoleLockTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;
    private Store store;
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T09:00:00Z"));
    private final InstantSource clock = now::get;

    @BeforeEach
    void open() {
        store = Store.open(dir.resolve("store"), StoreOptions.defaults());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSignedInUserUnlocksWithThePasswordOnlyAndThePasswordIsNotStored() throws Exception {
        // given ana signed in with PASSWORD
        ConsoleLock lock = new ConsoleLock(store, clock);
        lock.remember("ana", PASSWORD.toCharArray());

        // then the lock asks ana for a password, and neither her name nor a wrong password opens it
        assertThat(lock.mode("ana")).isEqualTo(ConsoleLock.Mode.PASSWORD);
        assertThat(lock.attempt("ana", "ana".toCharArray())).isInstanceOf(ConsoleLock.Verdict.Refused.class);
        assertThat(lock.attempt("ana", "correct horse battery stapl".toCharArray()))
                .isEqualTo(new ConsoleLock.Verdict.Refused("wrong password for ana"));
        assertThat(lock.attempt("ana", PASSWORD.toCharArray())).isEqualTo(new ConsoleLock.Verdict.Unlocked());

        // and a console reopened on the same store still knows (the verifier is in the store, not in memory)
        assertThat(new ConsoleLock(store, clock).attempt("ana", PASSWORD.toCharArray()))
                .isEqualTo(new ConsoleLock.Verdict.Unlocked());

        // and the password is nowhere in the stored setting nor in the store's files
        String verifier = store.read(tx -> tx.settings().get(SettingScope.LOCAL, ConsoleLock.VERIFIER_KEY)).orElseThrow().value();
        assertThat(verifier).startsWith("pbkdf2-sha256$" + ConsoleLock.ITERATIONS + "$").doesNotContain(PASSWORD);
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(PASSWORD);
            }
        }
        store = Store.open(dir.resolve("store"), StoreOptions.defaults());
    }

    @Test
    void aLocalAccountWithoutABackendSignInUnlocksWithItsUserName() {
        // given a verifier for ana only
        ConsoleLock lock = new ConsoleLock(store, clock);
        lock.remember("ana", PASSWORD.toCharArray());

        // then the local account "ops" (never verified) is asked for its user name
        assertThat(lock.mode("ops")).isEqualTo(ConsoleLock.Mode.USER_NAME);
        assertThat(lock.attempt("ops", PASSWORD.toCharArray()))
                .isEqualTo(new ConsoleLock.Verdict.Refused("not the user who locked this console"));
        assertThat(lock.attempt("ops", "ops".toCharArray())).isEqualTo(new ConsoleLock.Verdict.Unlocked());
    }

    @Test
    void afterFiveWrongAnswersEachAttemptWaitsThirtySecondsDoubling() {
        // given
        ConsoleLock lock = new ConsoleLock(store, clock);
        lock.remember("ana", PASSWORD.toCharArray());

        // when five wrong answers come in a row
        for (int i = 0; i < ConsoleLock.FREE_ATTEMPTS; i++) {
            assertThat(lock.attempt("ana", "guess".toCharArray())).isInstanceOf(ConsoleLock.Verdict.Refused.class);
        }

        // then even the right password waits 30 s, then works
        assertThat(lock.attempt("ana", PASSWORD.toCharArray())).isEqualTo(new ConsoleLock.Verdict.Wait(Duration.ofSeconds(30)));
        now.set(now.get().plusSeconds(10));
        assertThat(lock.attempt("ana", PASSWORD.toCharArray())).isEqualTo(new ConsoleLock.Verdict.Wait(Duration.ofSeconds(20)));
        now.set(now.get().plusSeconds(20));
        assertThat(lock.attempt("ana", "guess".toCharArray())).isInstanceOf(ConsoleLock.Verdict.Refused.class);
        // the sixth wrong answer doubles the wait
        assertThat(lock.attempt("ana", PASSWORD.toCharArray())).isEqualTo(new ConsoleLock.Verdict.Wait(Duration.ofSeconds(60)));
        now.set(now.get().plusSeconds(60));
        assertThat(lock.attempt("ana", PASSWORD.toCharArray())).isEqualTo(new ConsoleLock.Verdict.Unlocked());
        // and a success forgives the earlier failures
        assertThat(lock.attempt("ana", "guess".toCharArray())).isInstanceOf(ConsoleLock.Verdict.Refused.class);
        assertThat(lock.attempt("ana", PASSWORD.toCharArray())).isEqualTo(new ConsoleLock.Verdict.Unlocked());
    }
}
