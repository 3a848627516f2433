package io.astroshield.sync.protocol;

import java.util.Map;
import java.util.Objects;

/** The published {@code Error} shape: {@code {"error": {"code", "message", "details"}}}. */
public record ApiError(Detail error) {
    public ApiError {
        Objects.requireNonNull(error, "error");
    }

    public static ApiError of(String code, String message, Map<String, Object> details) {
        return new ApiError(new Detail(code, message, details == null ? Map.of() : Map.copyOf(details)));
    }

    /** Machine-readable code (e.g. {@code RESOURCE_NOT_FOUND}), a sentence for people, and context. */
    public record Detail(String code, String message, Map<String, Object> details) {
        public Detail {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
