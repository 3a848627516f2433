package io.astroshield.sync.protocol;

import java.util.List;

/** {@code POST /sync/v1/upload}: a device's ops, applied in the order given. */
public record UploadRequest(String deviceId, List<SyncOp> ops) {
}
