package io.astroshield.sync.protocol;

/** {@code POST /auth/token} body. {@link #toString()} never shows the password. */
public record TokenRequest(String username, String password) {
    @Override
    public String toString() {
        return "TokenRequest[username=" + username + ", password=***]";
    }
}
