package io.astroshield.sync.server;

import java.util.Map;

/**
 * The one exception a handler throws to answer with an error; {@link ApiRoutes} turns it into the published
 * {@code Error} shape. {@code details} must hold no secret: it is sent to the caller.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, Object> details;

    public ApiException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** 400 naming the offending field, e.g. {@code badField("limit", "must be between 1 and 100")}. */
    public static ApiException badField(String field, String reason) {
        return new ApiException(400, "VALIDATION_ERROR", field + ": " + reason, Map.of("field", field));
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "UNAUTHORIZED", message, Map.of());
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, "FORBIDDEN", message, Map.of());
    }

    public static ApiException notFound(String resourceType, Object id) {
        return new ApiException(404, "RESOURCE_NOT_FOUND", "The requested resource was not found",
                Map.of("resource_type", resourceType, "resource_id", String.valueOf(id)));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
