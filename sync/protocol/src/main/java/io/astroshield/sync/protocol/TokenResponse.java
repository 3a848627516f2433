package io.astroshield.sync.protocol;

/** {@code POST /auth/token} answer; {@code expires_in} in seconds. {@link #toString()} never shows the token. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
    @Override
    public String toString() {
        return "TokenResponse[access_token=***, token_type=" + tokenType + ", expires_in=" + expiresIn + "]";
    }
}
