package io.originwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The origins file's streamed path reads every document it accepts exactly as the whole-document
 * path does (origins, maintenance keys, and errors in the same order), and hands every other
 * document to that path.
 */
class OriginsFileStreamTest {

    private static final String FILE = "/etc/originwatch/origins.yaml";
    private static final int MAX = OriginsFileReader.DEFAULT_MAX_BYTES;

    @ParameterizedTest
    @ValueSource(
            strings = {
                // the bench's shape, with every tenth origin labelled
                """
                origins:
                  - name: o0
                    url: http://127.0.0.2:20000/
                    host: site.example
                    interval: 30s
                    labels:
                      reload: "1"
                  - name: o1
                    url: http://127.0.0.3:20001/
                    interval: 30s
                """,
                // numbers, timestamps, booleans in every YAML 1.1 spelling, nulls, quoted keys, lists
                """
                origins:
                  - name: shop
                    url: https://shop.example/health
                    timeout: 5
                    expect-status: [200, 301, "302"]
                    follow-redirects: Yes
                    insecure: off
                    via-edge-url: ~
                    method:
                    headers:
                      X-Trace: 2026-12-02
                      Accept: "*/*"
                    labels:
                      team.name: payments
                      "tier": 1e3
                      empty: ""
                """,
                // unknown keys inside items and at the top, reported in the order of their flat keys
                """
                zeta: 1
                origins:
                  - name: a
                    url: http://a.example/
                    colour: blue
                  - {name: b, url: "http://b.example/", bogus: {deep: [1, 2]}}
                  - name: c
                  - nme: typo
                  - name: d
                  - name: e
                  - name: f
                  - name: g
                  - name: h
                  - name: i
                  - name: j
                    colour: red
                alpha: [x, "y,z"]
                maintenance: now
                """,
                // maintenance windows beside the origins, and a repeated key inside an item (the last wins)
                """
                maintenance:
                  windows:
                    - name: nightly
                      origins: [shop]
                      cron: "0 2 * * *"
                      duration: 30m
                origins:
                  - name: shop
                    url: http://first.example/
                    url: http://second.example/
                """,
                "origins: []\n",
                "other: 1\n",
            })
    void readsAcceptedDocumentsAsTheWholeDocumentPathDoes(String yaml) {
        List<ConfigError> streamedErrors = new ArrayList<>();
        Optional<OriginsFileReader.Content> streamed = OriginsFileStream.read(FILE, yaml, MAX, streamedErrors);
        List<ConfigError> wholeErrors = new ArrayList<>();
        OriginsFileReader.Content whole = OriginsFileReader.whole(FILE, yaml, MAX, wholeErrors);

        assertThat(streamed).as("taken by the streamed path").isPresent();
        assertThat(streamed.get()).isEqualTo(whole);
        assertThat(streamedErrors).containsExactlyElementsOf(wholeErrors);
    }

    /** The shortcut past SnakeYAML's resolver answers as the resolver does, for every first character. */
    @org.junit.jupiter.api.Test
    void takesAsTextOnlyWhatTheResolverTakesAsText() {
        org.yaml.snakeyaml.resolver.Resolver resolver = new org.yaml.snakeyaml.resolver.Resolver();
        java.util.Set<org.yaml.snakeyaml.nodes.Tag> text = java.util.Set.of(
                org.yaml.snakeyaml.nodes.Tag.STR,
                org.yaml.snakeyaml.nodes.Tag.INT,
                org.yaml.snakeyaml.nodes.Tag.FLOAT,
                org.yaml.snakeyaml.nodes.Tag.TIMESTAMP);
        List<String> samples = List.of("", "x", "1", "12:30", "2026-12-02", "1e3", ".5", "-1", "+.inf", ".NaN", "0x1F");
        for (char c = 0; c < 128; c++) {
            for (String sample : samples) {
                String v = c + sample;
                if (OriginsFileStream.NOT_TEXT_FIRST.indexOf(c) < 0) {
                    assertThat(resolver.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, v, true))
                            .as(v)
                            .isIn(text);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // an anchor and an alias
                """
                origins:
                  - &shop
                    name: shop
                    url: http://shop.example/
                  - *shop
                """,
                // a merge key
                """
                base: &base {interval: 30s}
                origins:
                  - <<: *base
                    name: shop
                    url: http://shop.example/
                """,
                // explicit tags
                "origins:\n  - name: !!str shop\n    url: http://shop.example/\n",
                "origins:\n  - name: shop\n    url: !custom http://shop.example/\n",
                // other shapes
                "origins: shop\n",
                "origins:\n  - shop\n",
                "origins:\n  - null\n",
                "- name: shop\n",
                "",
                "origins[0]: {name: shop, url: 'http://shop.example/'}\norigins: []\n",
                "origins: []\norigins:\n  - name: shop\n",
                // not valid YAML, and two documents
                "origins:\n  - name: shop\n   url: http://shop.example/\n",
                "origins: [\n",
                "origins: []\n---\norigins: []\n",
            })
    void leavesEveryOtherDocumentToTheWholeDocumentPath(String yaml) {
        List<ConfigError> errors = new ArrayList<>();

        assertThat(OriginsFileStream.read(FILE, yaml, MAX, errors)).isEmpty();
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "origins:\n  - name: shop\n   url: http://shop.example/\n",
                "origins: [\n",
                "origins: []\n---\norigins: []\n",
                "origins:\n  - name: !custom shop\n",
            })
    void reportsWhatTheWholeDocumentPathReports(String yaml) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("origins", ".yaml");
        try {
            java.nio.file.Files.writeString(file, yaml);
            List<ConfigError> errors = new ArrayList<>();
            OriginsFileReader.readAll(file, MAX, errors);
            List<ConfigError> expected = new ArrayList<>();
            OriginsFileReader.whole(file.toString(), yaml, MAX, expected);

            assertThat(errors).isNotEmpty().containsExactlyElementsOf(expected);
            assertThat(errors.getFirst().message()).startsWith("not valid YAML: ");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {40, 47, 48, 49, 50, 51, 52, 100_000})
    void nestingIsRefusedAtTheDepthTheWholeDocumentPathRefusesIt(int depth) throws Exception {
        // an item's value nested `depth` flow mappings deep: around SnakeYAML's limit of 50 both paths
        // agree on where it starts failing, and a hostile depth is an error, not a stack overflow
        String nested = "{a: ".repeat(depth) + "x" + "}".repeat(depth);
        String yaml = "origins:\n  - name: shop\n    url: http://shop.example/\n    deep: " + nested + "\n";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("origins", ".yaml");
        try {
            java.nio.file.Files.writeString(file, yaml);
            List<ConfigError> errors = new ArrayList<>();
            OriginsFileReader.Content read = OriginsFileReader.readAll(file, MAX, errors);
            List<ConfigError> expected = new ArrayList<>();
            OriginsFileReader.Content whole = OriginsFileReader.whole(file.toString(), yaml, MAX, expected);

            assertThat(errors).containsExactlyElementsOf(expected);
            assertThat(read.origins()).isEqualTo(whole.origins());
            if (depth >= 100) {
                assertThat(errors).anySatisfy(e -> assertThat(e.message()).startsWith("not valid YAML: "));
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }
}
