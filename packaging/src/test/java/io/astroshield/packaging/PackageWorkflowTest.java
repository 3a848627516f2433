package io.astroshield.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** .github/workflows/package.yml, parsed as YAML and checked job by job. */
class PackageWorkflowTest {

    private static final Path WORKFLOW = Path.of("..", ".github", "workflows", "package.yml");

    private static JsonNode jobs;

    @BeforeAll
    static void parse() throws IOException {
        jobs = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile()).path("jobs");
        assertThat(jobs.isObject()).as("jobs in %s", WORKFLOW).isTrue();
    }

    @Test
    void bundlesAreBuiltOnLinuxWindowsAndMacosWithTheDocumentedCommand() {
        // given
        JsonNode bundle = jobWhoseStepsRun("-Ppackage");
        // when
        List<String> oses = new ArrayList<>();
        bundle.path("strategy").path("matrix").path("os").forEach(os -> oses.add(os.asText()));
        // then
        assertThat(oses).hasSize(3);
        assertThat(oses).anyMatch(os -> os.startsWith("ubuntu"))
                .anyMatch(os -> os.startsWith("windows"))
                .anyMatch(os -> os.startsWith("macos"));
        assertThat(bundle.path("runs-on").asText()).isEqualTo("${{ matrix.os }}");
        assertThat(runs(bundle)).anyMatch(run -> run.contains("./mvnw") && run.contains("-Ppackage")
                && run.contains("-DskipTests") && run.contains(" package"));
        assertJdk17Temurin(bundle);
        assertThat(uses(bundle)).anyMatch(u -> u.startsWith("actions/upload-artifact@"));
    }

    @Test
    void theServerImageIsBuiltFromTheDockerfileAndPushedOnlyOnTags() {
        // given
        JsonNode image = jobs.path("server-image");
        // when
        JsonNode build = stepUsing(image, "docker/build-push-action@");
        // then
        assertThat(build.path("with").path("file").asText()).isEqualTo("packaging/server/Dockerfile");
        assertThat(Path.of("..", build.path("with").path("file").asText())).exists();
        assertThat(build.path("with").path("push").asText()).contains("refs/tags/");
    }

    @Test
    void aJobRunsTheTestsWithTheWrapperOnJdk17() {
        // given
        JsonNode verify = jobWhoseStepsRun(" verify");
        // when / then
        assertThat(runs(verify)).anyMatch(run -> run.contains("./mvnw") && run.endsWith("verify"));
        assertJdk17Temurin(verify);
    }

    private static void assertJdk17Temurin(JsonNode job) {
        JsonNode setup = stepUsing(job, "actions/setup-java@");
        assertThat(setup.path("with").path("java-version").asText()).isEqualTo("17");
        assertThat(setup.path("with").path("distribution").asText()).isEqualTo("temurin");
    }

    private static JsonNode jobWhoseStepsRun(String fragment) {
        List<JsonNode> found = new ArrayList<>();
        jobs.forEach(job -> {
            if (runs(job).stream().anyMatch(run -> run.contains(fragment))) {
                found.add(job);
            }
        });
        assertThat(found).as("jobs running %s", fragment).hasSize(1);
        return found.get(0);
    }

    private static JsonNode stepUsing(JsonNode job, String action) {
        for (JsonNode step : job.path("steps")) {
            if (step.path("uses").asText().startsWith(action)) {
                return step;
            }
        }
        throw new AssertionError("no step uses " + action);
    }

    private static List<String> runs(JsonNode job) {
        List<String> runs = new ArrayList<>();
        job.path("steps").forEach(step -> {
            if (step.has("run")) {
                runs.add(step.path("run").asText().strip());
            }
        });
        return runs;
    }

    private static List<String> uses(JsonNode job) {
        List<String> uses = new ArrayList<>();
        job.path("steps").forEach(step -> uses.add(step.path("uses").asText()));
        return uses;
    }
}
