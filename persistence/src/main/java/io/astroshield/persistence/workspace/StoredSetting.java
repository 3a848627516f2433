package io.astroshield.persistence.workspace;

import java.time.Instant;

/** A setting's value and version. */
public record StoredSetting(SettingScope scope, String key, String value, long version, Instant updatedAt) {
}
