package io.astroshield.sync.protocol;

/** The new key, shown in this answer only (the server keeps its hash). {@link #toString()} hides it. */
public record ApiKeyCreated(String name, String role, String apiKey) {
    @Override
    public String toString() {
        return "ApiKeyCreated[name=" + name + ", role=" + role + ", api_key=***]";
    }
}
