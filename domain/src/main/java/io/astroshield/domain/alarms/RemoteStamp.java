package io.astroshield.domain.alarms;

import java.time.Instant;
import java.util.Objects;

/**
 * Who did something to a shared alarm, as the backend recorded it: the person, the role the backend granted at
 * apply time, the device they acted on, that device's time of the action and the backend's time of applying it.
 */
public record RemoteStamp(String user, Role role, String device, Instant deviceTime, Instant serverTime) {
    public RemoteStamp {
        Actor.requireText(user, "user");
        Objects.requireNonNull(role, "role");
        Actor.requireText(device, "device");
        Objects.requireNonNull(deviceTime, "deviceTime");
        Objects.requireNonNull(serverTime, "serverTime");
    }
}
