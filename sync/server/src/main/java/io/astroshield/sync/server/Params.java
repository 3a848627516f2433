package io.astroshield.sync.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads request input; anything malformed becomes a 400 {@link ApiException} naming the field. */
final class Params {
    private Params() {
    }

    static int intQuery(Context ctx, String name, int defaultValue, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return defaultValue;
        }
        long v = parseLong(name, raw);
        if (v < min || v > max) {
            throw ApiException.badField(name, "must be between " + min + " and " + max);
        }
        return (int) v;
    }

    static long longQuery(Context ctx, String name, long defaultValue, long min, long max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return defaultValue;
        }
        long v = parseLong(name, raw);
        if (v < min || v > max) {
            throw ApiException.badField(name, "must be between " + min + " and " + max);
        }
        return v;
    }

    static Long positiveLongQuery(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return null;
        }
        long v = parseLong(name, raw);
        if (v < 1) {
            throw ApiException.badField(name, "must be a positive integer");
        }
        return v;
    }

    static long positiveLongPath(Context ctx, String name) {
        long v = parseLong(name, ctx.pathParam(name));
        if (v < 1) {
            throw ApiException.badField(name, "must be a positive integer");
        }
        return v;
    }

    static Instant instantQuery(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badField(name, "must be an ISO-8601 date-time with a zone, e.g. 2026-11-22T00:00:00Z");
        }
    }

    static Double doubleQuery(Context ctx, String name, double min, double max) {
        String raw = ctx.queryParam(name);
        if (raw == null) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badField(name, "must be a number");
        }
        if (!(v >= min && v <= max)) {
            throw ApiException.badField(name, "must be between " + min + " and " + max);
        }
        return v;
    }

    static String enumQuery(Context ctx, String name, Set<String> allowed) {
        String raw = ctx.queryParam(name);
        if (raw != null && !allowed.contains(raw)) {
            throw ApiException.badField(name, "must be one of " + sorted(allowed));
        }
        return raw;
    }

    /** The JSON body as {@code type}; a missing body, bad JSON or a wrong type is a 400 naming the field. */
    static <T> T body(Context ctx, ObjectMapper json, Class<T> type) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiException.badField("body", "a JSON object is required");
        }
        if (text.contains("\\u0000")) {
            // PostgreSQL text cannot hold NUL; refuse it here rather than fail in the database
            throw ApiException.badField("body", "must not contain NUL characters (\\u0000)");
        }
        try {
            T value = json.readValue(text, type);
            if (value == null) {
                throw ApiException.badField("body", "a JSON object is required");
            }
            return value;
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw ApiException.badField(path.isEmpty() ? "body" : path, "has the wrong type or format");
        } catch (JsonProcessingException e) {
            throw ApiException.badField("body", "is not valid JSON");
        }
    }

    static void require(boolean ok, String field, String reason) {
        if (!ok) {
            throw ApiException.badField(field, reason);
        }
    }

    static void finiteOrNull(Double value, String field) {
        require(value == null || Double.isFinite(value), field, "must be a finite number");
    }

    static void vector3(List<Double> v, String field) {
        if (v == null) {
            return;
        }
        require(v.size() == 3 && v.stream().allMatch(x -> x != null && Double.isFinite(x)), field,
                "must be three finite numbers");
    }

    static void matrix3(List<List<Double>> m, String field) {
        if (m == null) {
            return;
        }
        require(m.size() == 3 && m.stream().allMatch(row -> row != null && row.size() == 3
                && row.stream().allMatch(x -> x != null && Double.isFinite(x))), field, "must be a 3x3 matrix");
    }

    private static long parseLong(String name, String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badField(name, "must be an integer");
        }
    }

    private static String sorted(Set<String> values) {
        return values.stream().sorted().collect(Collectors.joining(", "));
    }
}
