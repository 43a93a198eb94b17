package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.originwatch.alert.WebhookSink;
import io.originwatch.origin.Origin;
import io.originwatch.probe.ProbeListener;
import io.originwatch.probe.ProbeResult;
import io.originwatch.probe.ProbeSpec;
import io.originwatch.probe.Prober;
import io.originwatch.testing.LoopbackServer;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Probe header values and webhook secrets from files ({@code header-files.<name>},
 * {@code webhooks[n].secret-file}): read at config time, re-read when the file changes, a mounted
 * Secret's trailing newline stripped, problems named by key and path but never by value.
 */
class HeaderFilesTest {

    private static final String CANARY = "CANARY-FROM-FILE";

    @TempDir
    Path dir;

    private final Queue<String> heads = new ConcurrentLinkedQueue<>();

    private static OriginValidator validator(List<ConfigError> errors) {
        return new OriginValidator(
                new RawOrigin("originwatch.defaults", Map.of(), Map.of(), Map.of()), "originwatch/test", errors);
    }

    private static RawOrigin origin(String url, Map<String, String> headers, Map<String, String> headerFiles) {
        return new RawOrigin(
                "originwatch.origins[0]",
                Map.of(OriginKey.NAME, "shop", OriginKey.URL, url),
                headers,
                Map.of(),
                headerFiles);
    }

    private void serve(Socket s) {
        try (s) {
            heads.add(LoopbackServer.readHead(s.getInputStream()));
            OutputStream out = s.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (java.io.IOException e) {
            // the prober closed first
        }
    }

    @Test
    void theNextProbeSendsTheRotatedValueAndEvidenceNeverHoldsIt() throws Exception {
        Path secret = dir.resolve("x-plain");
        Files.writeString(secret, CANARY + "-1\n");
        try (LoopbackServer origin = new LoopbackServer(this::serve)) {
            List<ConfigError> errors = new ArrayList<>();
            List<Origin> origins = validator(errors)
                    .validate(
                            List.of(origin(origin.url("/").toString(), Map.of(), Map.of("X-Plain", secret.toString()))),
                            new HashMap<>(),
                            errors);
            assertThat(errors).isEmpty();
            ProbeSpec spec = origins.get(0).spec();
            assertThat(spec.toString()).doesNotContain(CANARY);
            Prober prober = new Prober();

            ProbeResult first = prober.probe(spec, ProbeListener.NONE);
            Files.writeString(secret, CANARY + "-2-rotated\n");
            // a rotation within the same second as the first write still changes the size; be explicit anyway
            Files.setLastModifiedTime(secret, FileTime.from(Instant.now().plusSeconds(5)));
            ProbeResult second = prober.probe(spec, ProbeListener.NONE);

            assertThat(heads).hasSize(2);
            List<String> sent = List.copyOf(heads);
            assertThat(sent.get(0)).contains("\r\nX-Plain: " + CANARY + "-1\r\n");
            assertThat(sent.get(1)).contains("\r\nX-Plain: " + CANARY + "-2-rotated\r\n");
            for (ProbeResult r : List.of(first, second)) {
                String evidence = new String(r.evidence().requestHead(), StandardCharsets.ISO_8859_1);
                assertThat(evidence).contains("X-Plain: [redacted]").doesNotContain(CANARY);
            }
        }
    }

    @Test
    void aFileThatCannotBeUsedIsAConfigErrorNamingKeyAndPathButNeverTheValue() throws Exception {
        Path twoLines = dir.resolve("two-lines");
        Files.writeString(twoLines, CANARY + "\nsecond line\n");
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "\n");
        List<ConfigError> errors = new ArrayList<>();
        validator(errors)
                .validate(
                        List.of(origin(
                                "http://127.0.0.1:9/",
                                Map.of("X-Both", "literal"),
                                Map.of(
                                        "X-Missing", dir.resolve("missing").toString(),
                                        "X-Two", twoLines.toString(),
                                        "X-Empty", empty.toString(),
                                        "X-Both", empty.toString()))),
                        new HashMap<>(),
                        errors);
        assertThat(errors)
                .extracting(ConfigError::toString)
                .containsExactlyInAnyOrder(
                        "originwatch.origins[0].header-files.X-Both: also set under headers: set the header in one of the two",
                        "originwatch.origins[0].header-files.X-Empty: the file \"" + empty + "\" is empty",
                        "originwatch.origins[0].header-files.X-Missing: the file \"" + dir.resolve("missing")
                                + "\" cannot be read (NoSuchFileException)",
                        "originwatch.origins[0].header-files.X-Two: the file \"" + twoLines
                                + "\" holds a line break or NUL inside the value (<redacted, 28 chars>); only one"
                                + " trailing newline is stripped");
        assertThat(errors.toString()).doesNotContain(CANARY);
    }

    @Test
    void theOriginsFileTakesHeaderFilesToo() throws Exception {
        Path secret = dir.resolve("token");
        Files.writeString(secret, CANARY + "\r\n");
        Path file = dir.resolve("origins.yaml");
        Files.writeString(file, """
                origins:
                  - name: shop
                    url: http://127.0.0.1:9/
                    header-files:
                      X-Plain: %s
                """.formatted(secret));
        List<ConfigError> errors = new ArrayList<>();
        List<RawOrigin> raws = OriginsFileReader.read(file, errors);
        List<Origin> origins = validator(errors).validate(raws, new HashMap<>(), errors);
        assertThat(errors).isEmpty();
        ProbeSpec.RequestHeader h = origins.get(0).spec().headers().get(0);
        assertThat(h.name()).isEqualTo("X-Plain");
        assertThat(h.secret()).isTrue();
        assertThat(h.value()).as("the trailing CRLF stripped").isEqualTo(CANARY);
    }

    @Test
    void aWebhookSecretAndHeadersFromFilesFollowTheirRotation() throws Exception {
        Path secret = dir.resolve("webhook");
        Files.writeString(secret, "first-key\n");
        Path token = dir.resolve("webhook-token");
        Files.writeString(token, "Bearer one\n");
        AlertingSettings.WebhookTarget target = new AlertingSettings.WebhookTarget(
                java.net.URI.create("http://127.0.0.1:9/"),
                null,
                Map.of("X-Team", "web"),
                new io.originwatch.probe.FileValue(secret),
                Map.of("Authorization", new io.originwatch.probe.FileValue(token)));
        assertThat(target.currentHeaders())
                .containsOnly(Map.entry("X-Team", "web"), Map.entry("Authorization", "Bearer one"));
        Files.writeString(token, "Bearer two-rotated\n");
        assertThat(target.currentHeaders()).containsEntry("Authorization", "Bearer two-rotated");
        assertThat(target.currentSecret()).isEqualTo("first-key");
        Files.writeString(secret, "second-key-rotated\n");
        assertThat(target.currentSecret()).isEqualTo("second-key-rotated");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSink.signature(target.currentSecret(), 1, body))
                .isEqualTo(WebhookSink.signature("second-key-rotated", 1, body));
    }
}
