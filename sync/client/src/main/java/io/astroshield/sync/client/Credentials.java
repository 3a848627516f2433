package io.astroshield.sync.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Who signs in. The password is asked for at each sign-in and the copy wiped after use, so the client keeps no
 * password in memory between sign-ins and never writes or logs one; {@link #toString()} shows only the user.
 */
public final class Credentials {
    private final String username;
    private final Supplier<char[]> password;

    public Credentials(String username, Supplier<char[]> password) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username is blank");
        }
    }

    /** The password is the first line of {@code file} (the rest and surrounding blanks ignored), read at each sign-in. */
    public static Credentials fromPasswordFile(String username, Path file) {
        Objects.requireNonNull(file, "file");
        return new Credentials(username, () -> {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int nl = text.indexOf('\n');
                return (nl < 0 ? text : text.substring(0, nl)).strip().toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the password file " + file, e);
            }
        });
    }

    public String username() {
        return username;
    }

    /** A fresh copy of the password; the caller wipes it. */
    char[] password() {
        return password.get();
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
