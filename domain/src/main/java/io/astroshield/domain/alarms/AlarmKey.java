package io.astroshield.domain.alarms;

import java.util.Objects;

/**
 * What an occurrence is about: one definition, one subject (telemetry parameter, conjunction
 * event id, feed name) and one data origin. At most one open occurrence exists per key; the
 * origin is part of the key so replayed data can never update a live occurrence.
 */
public record AlarmKey(String definitionId, String subject, DataOrigin origin) {
    public AlarmKey {
        Actor.requireText(definitionId, "definitionId");
        Actor.requireText(subject, "subject");
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public String toString() {
        return definitionId + "/" + subject + "@" + origin;
    }
}
