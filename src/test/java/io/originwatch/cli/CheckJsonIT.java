package io.originwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.originwatch.lab.LabExtension;
import io.originwatch.lab.LabOrigin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --config FILE --json} against the packaged daemon probing the same origins file: the
 * same list, the same field names at every depth, and the same values for everything that does not
 * depend on when or how often the origin was probed.
 */
class CheckJsonIT {

    @RegisterExtension
    static final LabExtension LAB = new LabExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UP_LINE =
            Pattern.compile("originwatch is up: API (http://localhost:\\d+)/api/origins");

    /** Fields that must be equal: all but timings, times, detail (it can name a port) and streak counters. */
    private static final List<String> SAME_VALUE =
            List.of("name", "url", "host", "cause", "edgeStatus", "httpStatus", "up", "warnings", "labels", "curl");

    @TempDir
    Path dir;

    @Test
    void jsonIsTheApisShapeForTheSameOrigins() throws Exception {
        List<LabOrigin> mixed = Stream.of(
                        "lab-ok",
                        "lab-connection-refused",
                        "lab-headers-too-large",
                        "lab-ok-https",
                        "lab-certificate-expiring",
                        "lab-unexpected-status")
                .map(LAB::origin)
                .toList();
        Path origins =
                OriginsFiles.write(dir.resolve("origins.yaml"), mixed, LAB.lab().caPemFile());
        Path log = dir.resolve("daemon.log");
        Process daemon = new ProcessBuilder(
                        CheckProcess.java(),
                        "-Dquarkus.http.port=0",
                        "-Doriginwatch.edge.enabled=false",
                        "-Doriginwatch.origins-file=" + origins,
                        "-Doriginwatch.defaults.interval=1s",
                        "-jar",
                        CheckProcess.jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            String base = await().atMost(Duration.ofSeconds(120))
                    .until(() -> apiBase(log), b -> b != null || !daemon.isAlive());
            assertThat(base).as("the ready line; log:%n%s", read(log)).isNotNull();
            JsonNode api = await().atMost(Duration.ofSeconds(60))
                    .until(() -> get(base + "/api/origins"), CheckJsonIT::everyOriginProbed);

            CheckProcess.Run run = CheckProcess.check("--config", origins.toString(), "--json");

            assertThat(run.exit()).as(run.all()).isEqualTo(1);
            JsonNode check = JSON.readTree(run.out());
            assertThat(byName(check).keySet()).isEqualTo(byName(api).keySet());
            for (JsonNode fromApi : api) {
                String name = fromApi.path("name").asText();
                JsonNode fromCheck = byName(check).get(name);
                assertThat(fieldPaths(fromCheck, ""))
                        .as("field names of %s", name)
                        .isEqualTo(fieldPaths(fromApi, ""));
                for (String field : SAME_VALUE) {
                    assertThat(fromCheck.get(field)).as("%s of %s", field, name).isEqualTo(fromApi.get(field));
                }
            }
        } finally {
            daemon.destroy();
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    private static String apiBase(Path log) throws IOException {
        Matcher m = UP_LINE.matcher(read(log));
        return m.find() ? m.group(1) : null;
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r =
                    client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        }
    }

    private static boolean everyOriginProbed(JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            return false;
        }
        for (JsonNode o : list) {
            if (o.path("cause").asText().equals("pending")) {
                return false;
            }
        }
        return true;
    }

    private static TreeMap<String, JsonNode> byName(JsonNode list) {
        TreeMap<String, JsonNode> m = new TreeMap<>();
        list.forEach(o -> m.put(o.path("name").asText(), o));
        return m;
    }

    /** Every field's path ({@code timings.connect}, {@code labels}); list items are values, not shape. */
    private static Set<String> fieldPaths(JsonNode node, String prefix) {
        Set<String> paths = new TreeSet<>();
        if (node.isObject() && !prefix.equals("labels.")) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                paths.add(prefix + name);
                paths.addAll(fieldPaths(node.get(name), prefix + name + "."));
            }
        }
        return paths;
    }
}
