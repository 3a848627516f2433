package io.astroshield.sync.server;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The published document, as {@link PublishedContractCheck} uses it, does catch drift even though it is looser
 * than ours (no required fields): a wrong type or a value outside an enum. Skipped where the document is absent.
 */
class PublishedContractCheckTest {
    private static final Path SPEC = Path.of(System.getProperty("astroshield.contracts",
            "../../../shared/contracts"), "astroshield-api-1.1.0.openapi.yaml");
    private static final String TELEMETRY = "{\"data\":[{\"id\":1,\"spacecraft_id\":1,"
            + "\"timestamp\":\"2026-11-22T00:00:00Z\",\"subsystem\":\"power\",\"metrics\":{\"battery_voltage\":28.5}}],"
            + "\"meta\":{\"page\":1,\"limit\":20,\"total\":1}}";

    @Test
    void aTelemetryPageInThePublishedShapePassesAndDriftedOnesDoNot() throws Exception {
        assumeTrue(Files.isRegularFile(SPEC), "no published document at " + SPEC.toAbsolutePath());
        // given
        OpenApiInteractionValidator published =
                OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(SPEC)).build();
        // when / then
        assertThat(valid(published, TELEMETRY)).isTrue();
        assertThat(valid(published, TELEMETRY.replace("\"power\"", "\"propulsion\""))).isFalse();
        assertThat(valid(published, TELEMETRY.replace("\"spacecraft_id\":1", "\"spacecraft_id\":\"1\""))).isFalse();
        assertThat(valid(published, TELEMETRY.replace("\"metrics\":{\"battery_voltage\":28.5}", "\"metrics\":[]")))
                .isFalse();
    }

    private static boolean valid(OpenApiInteractionValidator v, String body) {
        return !v.validateResponse("/api/v1/spacecraft/1/telemetry", Request.Method.GET,
                SimpleResponse.Builder.status(200).withContentType("application/json").withBody(body).build())
                .hasErrors();
    }
}
