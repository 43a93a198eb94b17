package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a kustomization with the real {@code kubectl kustomize} and parses the multi-document
 * output. kubectl is required, not optional: a missing binary fails the test with what to install,
 * so CI can never pass these checks by skipping them.
 */
final class Kustomize {

    static final Path KUBERNETES_DIR = Path.of("deploy/kubernetes");
    private static final Path DEFAULT_KUBECTL = Path.of("/usr/bin/kubectl");
    private static final long RENDER_TIMEOUT_SECONDS = 60;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {}

    /** kubectl from $KUBECTL, /usr/bin/kubectl or the PATH, in that order. */
    static Path kubectl() {
        String env = System.getenv("KUBECTL");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return Path.of(env);
        }
        if (Files.isExecutable(DEFAULT_KUBECTL)) {
            return DEFAULT_KUBECTL;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail(
                "kubectl not found (looked at $KUBECTL, %s and the PATH): install it, e.g. "
                        + "apt-get install kubernetes-client, to render deploy/kubernetes",
                DEFAULT_KUBECTL);
    }

    /** Every object {@code kubectl kustomize dir} renders, in output order. */
    static List<JsonNode> render(Path dir) {
        try {
            Path out = Files.createTempFile("kustomize-", ".yaml");
            Path err = Files.createTempFile("kustomize-", ".err");
            try {
                Process process = new ProcessBuilder(kubectl().toString(), "kustomize", dir.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return fail("kubectl kustomize %s did not finish in %d s", dir, RENDER_TIMEOUT_SECONDS);
                }
                if (process.exitValue() != 0) {
                    return fail(
                            "kubectl kustomize %s failed (exit %d):%n%s",
                            dir, process.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
                }
                return parse(Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return fail("cannot run kubectl kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted rendering " + dir, e);
        }
    }

    static List<JsonNode> parse(String multiDocYaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(multiDocYaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    objects.add(doc);
                }
            }
        }
        return objects;
    }

    /** Directories under deploy/kubernetes holding a kustomization.yaml of the given kind. */
    static List<Path> kustomizations(String kind) {
        try (Stream<Path> files = Files.walk(KUBERNETES_DIR)) {
            return files.filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                    .filter(p -> kind.equals(kindOf(p)))
                    .map(Path::getParent)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return fail("cannot list " + KUBERNETES_DIR, e);
        }
    }

    static String kindOf(Path kustomizationFile) {
        try {
            return YAML.readTree(kustomizationFile.toFile()).path("kind").asText("Kustomization");
        } catch (IOException e) {
            return fail("cannot read " + kustomizationFile, e);
        }
    }

    /** The single object of this kind and name, failing with what was rendered instead. */
    static JsonNode find(List<JsonNode> objects, String kind, String name) {
        List<JsonNode> found = objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .toList();
        if (found.size() != 1) {
            return fail(
                    "expected exactly one %s/%s, found %d among %s",
                    kind,
                    name,
                    found.size(),
                    objects.stream()
                            .map(o -> o.path("kind").asText() + "/"
                                    + o.path("metadata").path("name").asText())
                            .toList());
        }
        return found.get(0);
    }
}
