package io.astroshield.packaging;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.util.Yaml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifests under packaging/k8s, loaded into the Kubernetes Java client's typed models (its
 * YAML loader maps apiVersion and kind to the model classes, so a misspelt field or a wrong type
 * fails the load) and checked against each other and against the server's options.
 */
class KubernetesManifestsTest {

    /** The server's default port and the one the Deployment passes with --port (ServerMain, DESIGN.md). */
    private static final int SERVER_PORT = 8000;

    /** A {@code $(VAR)} reference in container arguments, which Kubernetes expands from the env. */
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\(([A-Z_]+)\\)");

    private static List<KubernetesObject> objects;

    @BeforeAll
    static void loadManifests() throws IOException {
        objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object o : Yaml.loadAll(file.toFile())) {
                    assertThat(o).as("typed model for a document of %s", file).isInstanceOf(KubernetesObject.class);
                    objects.add((KubernetesObject) o);
                }
            }
        }
    }

    @Test
    void everyKindTheIssueAsksForIsThereOnceOrMore() {
        // given / when: the loaded manifests
        // then
        assertThat(ofKind(V1Deployment.class)).hasSize(1);
        assertThat(ofKind(V1Service.class)).hasSize(1);
        assertThat(ofKind(V1ConfigMap.class)).hasSize(1);
        assertThat(ofKind(V1Secret.class)).isNotEmpty();
        assertThat(ofKind(V2HorizontalPodAutoscaler.class)).hasSize(1);
    }

    @Test
    void readinessAndLivenessProbeHealthOnTheServersPort() {
        // given
        V1Container server = serverContainer();
        // when
        List<V1Probe> probes = List.of(server.getReadinessProbe(), server.getLivenessProbe());
        // then
        for (V1Probe probe : probes) {
            V1HTTPGetAction get = probe.getHttpGet();
            assertThat(get).as("HTTP probe").isNotNull();
            assertThat(get.getPath()).isEqualTo("/health");
            assertThat(containerPort(server, get.getPort())).isEqualTo(SERVER_PORT);
        }
        assertThat(server.getArgs()).contains("--port=" + SERVER_PORT);
    }

    @Test
    void theServiceSendsTrafficToTheServersPortOfItsPods() {
        // given
        V1Service service = only(V1Service.class);
        V1Deployment deployment = only(V1Deployment.class);
        // when
        Map<String, String> selector = service.getSpec().getSelector();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        // then
        assertThat(podLabels).containsAllEntriesOf(selector);
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(selector);
        for (V1ServicePort port : service.getSpec().getPorts()) {
            assertThat(containerPort(serverContainer(), port.getTargetPort())).isEqualTo(SERVER_PORT);
        }
    }

    @Test
    void resourcesAreRequestedAndLimitedWithRequestsWithinLimits() {
        // given
        V1Container server = serverContainer();
        // when
        Map<String, Quantity> requests = server.getResources().getRequests();
        Map<String, Quantity> limits = server.getResources().getLimits();
        // then
        for (String resource : List.of("cpu", "memory")) {
            assertThat(requests).containsKey(resource);
            assertThat(limits).containsKey(resource);
            assertThat(requests.get(resource).getNumber()).isLessThanOrEqualTo(limits.get(resource).getNumber());
        }
    }

    @Test
    void theServerRunsAsAnUnprivilegedUser() {
        // given
        V1PodSpec pod = only(V1Deployment.class).getSpec().getTemplate().getSpec();
        V1Container server = serverContainer();
        // when / then
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(server.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(server.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
    }

    @Test
    void everySecretAndConfigMapReferenceNamesAnObjectAndKeyThatExist() {
        // given
        Map<String, Set<String>> secretKeys = new HashMap<>();
        for (V1Secret s : ofKind(V1Secret.class)) {
            Set<String> keys = new HashSet<>();
            Optional.ofNullable(s.getStringData()).ifPresent(d -> keys.addAll(d.keySet()));
            Optional.ofNullable(s.getData()).ifPresent(d -> keys.addAll(d.keySet()));
            secretKeys.put(s.getMetadata().getName(), keys);
        }
        Map<String, Set<String>> configKeys = new HashMap<>();
        for (V1ConfigMap c : ofKind(V1ConfigMap.class)) {
            configKeys.put(c.getMetadata().getName(), c.getData().keySet());
        }
        V1PodSpec pod = only(V1Deployment.class).getSpec().getTemplate().getSpec();
        int references = 0;
        // when / then: environment
        for (V1EnvVar env : serverContainer().getEnv()) {
            if (env.getValueFrom() == null) {
                continue;
            }
            var secretRef = env.getValueFrom().getSecretKeyRef();
            var configRef = env.getValueFrom().getConfigMapKeyRef();
            if (secretRef != null) {
                assertThat(secretKeys).as("Secret of %s", env.getName()).containsKey(secretRef.getName());
                assertThat(secretKeys.get(secretRef.getName())).as("key of %s", env.getName()).contains(secretRef.getKey());
                references++;
            }
            if (configRef != null) {
                assertThat(configKeys).as("ConfigMap of %s", env.getName()).containsKey(configRef.getName());
                assertThat(configKeys.get(configRef.getName())).as("key of %s", env.getName()).contains(configRef.getKey());
                references++;
            }
        }
        // volumes
        for (V1Volume volume : pod.getVolumes()) {
            if (volume.getSecret() != null) {
                String name = volume.getSecret().getSecretName();
                assertThat(secretKeys).as("Secret of volume %s", volume.getName()).containsKey(name);
                Optional.ofNullable(volume.getSecret().getItems()).orElse(List.of())
                        .forEach(item -> assertThat(secretKeys.get(name)).contains(item.getKey()));
                references++;
            }
            if (volume.getConfigMap() != null) {
                assertThat(configKeys).containsKey(volume.getConfigMap().getName());
                references++;
            }
        }
        assertThat(references).as("references checked").isGreaterThanOrEqualTo(5);
    }

    @Test
    void everyMountNamesADeclaredVolumeAndEveryEnvVariableInTheArgumentsIsSet() {
        // given
        V1Container server = serverContainer();
        Set<String> volumes = new HashSet<>();
        only(V1Deployment.class).getSpec().getTemplate().getSpec().getVolumes().forEach(v -> volumes.add(v.getName()));
        Set<String> env = new HashSet<>();
        server.getEnv().forEach(e -> env.add(e.getName()));
        // when / then
        for (V1VolumeMount mount : server.getVolumeMounts()) {
            assertThat(volumes).contains(mount.getName());
        }
        for (String arg : server.getArgs()) {
            var m = ENV_REFERENCE.matcher(arg);
            while (m.find()) {
                assertThat(env).as("variable in %s", arg).contains(m.group(1));
            }
        }
    }

    @Test
    void theSecretIsATemplateWithoutARealSecret() {
        // given / when / then: every value is a placeholder for the operator to replace
        for (V1Secret secret : ofKind(V1Secret.class)) {
            assertThat(secret.getData()).as("no base64 data in %s", secret.getMetadata().getName()).isNullOrEmpty();
            secret.getStringData().forEach((key, value) ->
                    assertThat(value).as("%s/%s", secret.getMetadata().getName(), key).contains("CHANGE_ME"));
        }
    }

    @Test
    void theAutoscalerTargetsTheDeployment() {
        // given
        V2HorizontalPodAutoscaler hpa = only(V2HorizontalPodAutoscaler.class);
        V1Deployment deployment = only(V1Deployment.class);
        // when
        var target = hpa.getSpec().getScaleTargetRef();
        // then
        assertThat(target.getApiVersion()).isEqualTo(deployment.getApiVersion());
        assertThat(target.getKind()).isEqualTo("Deployment");
        assertThat(target.getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        // utilisation targets need CPU requests on the pods
        assertThat(hpa.getSpec().getMetrics()).isNotEmpty();
        assertThat(serverContainer().getResources().getRequests()).containsKey("cpu");
    }

    private static V1Container serverContainer() {
        List<V1Container> containers = only(V1Deployment.class).getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    /** The container port a probe or Service port points at, by number or by name. */
    private static int containerPort(V1Container container, IntOrString port) {
        if (port.isInteger()) {
            return port.getIntValue();
        }
        return container.getPorts().stream()
                .filter(p -> port.getStrValue().equals(p.getName()))
                .map(V1ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrValue()));
    }

    private static <T> List<T> ofKind(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T> T only(Class<T> type) {
        List<T> all = ofKind(type);
        assertThat(all).as(type.getSimpleName()).hasSize(1);
        return all.get(0);
    }
}
