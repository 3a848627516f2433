package io.astroshield.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** packaging/server/Dockerfile: a build stage and a runtime stage, an unprivileged user, a health check. */
class DockerfileTest {

    /** One stage: its FROM line and the instructions after it (continuation lines joined). */
    private record Stage(String from, List<String> instructions) {
        List<String> named(String keyword) {
            return instructions.stream().filter(i -> i.toUpperCase(Locale.ROOT).startsWith(keyword + " ")).toList();
        }
    }

    private static List<Stage> stages() throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("server", "Dockerfile"))) {
            String t = line.strip();
            if (current.length() == 0 && (t.isEmpty() || t.startsWith("#"))) {
                continue;
            }
            boolean continues = t.endsWith("\\");
            current.append(continues ? t.substring(0, t.length() - 1) : t).append(' ');
            if (!continues) {
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (String i : instructions) {
            if (i.toUpperCase(Locale.ROOT).startsWith("FROM ")) {
                stages.add(new Stage(i, new ArrayList<>()));
            } else {
                assertThat(stages).as("instruction before the first FROM: %s", i).isNotEmpty();
                stages.get(stages.size() - 1).instructions().add(i);
            }
        }
        return stages;
    }

    @Test
    void aBuildStageMakesTheServerJarWithTheWrapperAndTheRuntimeStageCopiesIt() throws IOException {
        // given
        List<Stage> stages = stages();
        // when
        Stage build = stages.get(0);
        Stage runtime = stages.get(stages.size() - 1);
        // then
        assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
        assertThat(build.from()).containsIgnoringCase(" AS build");
        assertThat(build.named("RUN")).anyMatch(r -> r.contains("./mvnw") && r.contains("sync/server") && r.contains("package"));
        assertThat(runtime.from()).contains(":17-jre");
        assertThat(runtime.named("COPY")).anyMatch(c -> c.contains("--from=build") && c.contains("astroshield-server.jar"));
    }

    @Test
    void theRuntimeStageRunsAsANumericNonRootUser() throws IOException {
        // given
        Stage runtime = stages().get(stages().size() - 1);
        // when
        List<String> users = runtime.named("USER");
        // then: the last USER wins; numeric so Kubernetes' runAsNonRoot can verify it
        assertThat(users).isNotEmpty();
        String user = users.get(users.size() - 1).substring("USER ".length()).split(":")[0];
        assertThat(user).matches("[0-9]+");
        assertThat(Integer.parseInt(user)).isPositive();
    }

    @Test
    void theHealthCheckAsksHealthOnThePortTheServerListensOn() throws IOException {
        // given
        Stage runtime = stages().get(stages().size() - 1);
        // when
        List<String> checks = runtime.named("HEALTHCHECK");
        // then
        assertThat(checks).hasSize(1);
        assertThat(checks.get(0)).contains("CMD").contains(":8000/health");
        assertThat(runtime.named("EXPOSE")).containsExactly("EXPOSE 8000");
        assertThat(runtime.named("CMD")).anyMatch(c -> c.contains("\"--port\", \"8000\""));
    }
}
