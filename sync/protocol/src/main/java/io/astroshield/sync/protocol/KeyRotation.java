package io.astroshield.sync.protocol;

import java.time.Instant;

/**
 * {@code POST /admin/v1/signing-keys/rotate}: the key id that signs from now on, and the key it superseded with the
 * time its tokens stop verifying.
 */
public record KeyRotation(String kid, String previousKid, Instant previousRetiresAt) {
}
