package io.astroshield.sync.protocol;

/** {@code POST /admin/v1/api-keys}: a service's name and the role its key carries. */
public record ApiKeyCreate(String name, String role) {
}
