package io.astroshield.sync.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenAPI 3 document of everything the reference server serves (a resource of this module). */
public final class OpenApiDocument {
    public static final String RESOURCE = "/io/astroshield/sync/protocol/astroshield-server-openapi.yaml";

    private OpenApiDocument() {
    }

    /** The document as YAML text. */
    public static String yaml() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
