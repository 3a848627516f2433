package io.astroshield.sync.protocol;

import java.util.List;

/** {@code POST /sync/v1/upload} answer: one result per op, in request order. */
public record UploadResponse(List<OpResult> results) {
    public UploadResponse {
        results = List.copyOf(results);
    }
}
