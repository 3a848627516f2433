package io.astroshield.sync.server;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.astroshield.sync.protocol.OpenApiDocument;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks a real response against the project's OpenAPI document (status, content type, body schema). */
final class ContractValidator {
    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForInlineApiSpecification(OpenApiDocument.yaml()).build();

    private ContractValidator() {
    }

    static void assertConforms(Request.Method method, String path, ServerFixture.Reply reply) {
        ValidationReport report = VALIDATOR.validateResponse(path, method,
                SimpleResponse.Builder.status(reply.status()).withContentType("application/json")
                        .withBody(reply.body()).build());
        assertThat(report.hasErrors())
                .as("%s %s -> %d does not conform: %s", method, path, reply.status(),
                        report.getMessages().stream().map(ValidationReport.Message::getMessage)
                                .collect(Collectors.joining("; ")))
                .isFalse();
    }
}
