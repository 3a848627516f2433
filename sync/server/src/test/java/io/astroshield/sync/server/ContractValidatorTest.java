package io.astroshield.sync.server;

import com.atlassian.oai.validator.model.Request.Method;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The contract check the ITs rely on does fail on drift: a renamed, missing or mistyped field. */
class ContractValidatorTest {
    private static final String SPACECRAFT = "{\"id\":1,\"name\":\"ISS\",\"norad_id\":25544,\"status\":\"active\","
            + "\"orbit_type\":\"LEO\",\"last_updated\":\"2026-11-22T00:00:00Z\"}";

    @Test
    void aSpacecraftWithThePublishedNamesConforms() {
        assertThatCode(() -> ContractValidator.assertConforms(Method.GET, "/api/v1/spacecraft/1", reply(200, SPACECRAFT)))
                .doesNotThrowAnyException();
    }

    @Test
    void aCamelCaseFieldNameIsCaught() {
        String drifted = SPACECRAFT.replace("norad_id", "noradId");
        assertThatThrownBy(() -> ContractValidator.assertConforms(Method.GET, "/api/v1/spacecraft/1",
                reply(200, drifted))).isInstanceOf(AssertionError.class);
    }

    @Test
    void aStatusOutsideThePublishedEnumIsCaught() {
        String drifted = SPACECRAFT.replace("\"active\"", "\"decayed\"");
        assertThatThrownBy(() -> ContractValidator.assertConforms(Method.GET, "/api/v1/spacecraft/1",
                reply(200, drifted))).isInstanceOf(AssertionError.class);
    }

    @Test
    void anErrorWithoutItsEnvelopeIsCaught() {
        assertThatThrownBy(() -> ContractValidator.assertConforms(Method.GET, "/api/v1/spacecraft/1",
                reply(404, "{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"x\"}"))).isInstanceOf(AssertionError.class);
    }

    private static ServerFixture.Reply reply(int status, String body) {
        return new ServerFixture.Reply(status, "test", body, null, null);
    }
}
