package io.originwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The layer table of the developers' guide, enforced. A package imports only packages of a lower layer
 * (and the few same-layer neighbours listed in {@link #SIBLINGS}); the plain-Java layers (below
 * {@code config}) use no framework; a third-party library is used only where the table allows it.
 *
 * <p>Reads the sources, not bytecode, so that a violation names the file and the reference. Both
 * import lines and fully qualified names in the code (including Javadoc links) count as references.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/io/originwatch");

    /** Layer of each package, bottom up, as in the guide's table. */
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            Map.entry("http1", 1),
            Map.entry("edge.cidr", 1),
            Map.entry("http2", 1),
            Map.entry("probe", 2),
            Map.entry("classify", 2),
            Map.entry("edge.ranges", 2),
            Map.entry("edge.allowlist", 2),
            Map.entry("lab", 2),
            Map.entry("origin", 3),
            Map.entry("alert", 4),
            Map.entry("evidence", 4),
            Map.entry("maintenance", 4),
            Map.entry("discovery", 4),
            Map.entry("config", 5),
            Map.entry("handover", 5),
            Map.entry("schedule", 6),
            Map.entry("metrics", 7),
            Map.entry("cluster", 8),
            Map.entry("app", 8),
            Map.entry("api", 9),
            Map.entry("ui", 9),
            Map.entry("cli", 9));

    /** Same-layer references that are allowed, one direction each (the reverse would be a cycle). */
    private static final Map<String, Set<String>> SIBLINGS = Map.of(
            "classify", Set.of("probe"), // a verdict classifies a probe result
            "edge.allowlist", Set.of("edge.ranges"), // drift is measured against the ranges in force
            "app", Set.of("cluster"), // the lifecycle starts and stops the cluster member
            "ui", Set.of("api"), // the console reads the API's views: one road for data
            "cli", Set.of("api")); // check --json prints the API's OriginView: one shape by construction

    /** The first layer that may use a framework. */
    private static final int FRAMEWORK_LAYER = 5;

    private static final List<String> FRAMEWORKS = List.of(
            "jakarta.", "io.quarkus.", "io.smallrye.", "io.micrometer.", "io.vertx.", "org.eclipse.microprofile.");

    /** Libraries confined to some packages: nobody else may use them. */
    private static final Map<String, Set<String>> CONFINED = Map.of(
            "org.conscrypt.", Set.of("probe"),
            "io.netty.", Set.of("http2"), // HPACK only, behind http2.Hpack
            "io.fabric8.", Set.of("edge.allowlist", "app"),
            "org.bouncycastle.", Set.of("lab", "probe"), // probe: PEM client keys (PKCS#1, SEC1, PKCS#8)
            "org.quartz.", Set.of("schedule"),
            "com.hazelcast.", Set.of("cluster"),
            "io.micrometer.", Set.of("metrics")); // every meter of the daemon is registered in metrics

    /** Third-party libraries the plain layers may use besides java.* (each also listed in CONFINED or here). */
    private static final Map<String, List<String>> PLAIN_THIRD_PARTY = Map.of(
            "edge.cidr", List.of("inet.ipaddr."),
            "edge.ranges", List.of("inet.ipaddr."),
            "edge.allowlist", List.of("inet.ipaddr.", "io.fabric8."),
            "probe", List.of("org.conscrypt.", "org.bouncycastle."),
            "http2", List.of("io.netty."),
            "lab", List.of("org.bouncycastle."));

    private static final List<String> JDK =
            List.of("java.", "javax.net.", "javax.security.", "javax.crypto.", "javax.naming.");

    private static final Pattern IMPORT =
            Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** A fully qualified name in code or Javadoc: a lower-case package path, then a capitalised type. */
    private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w.])((?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*)");

    static Stream<String> packages() {
        return LAYER.keySet().stream().sorted().filter(p -> Files.isDirectory(dir(p)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packages")
    void referencesPointDownward(String pkg) {
        List<String> violations = new ArrayList<>();
        for (Path file : sources(pkg)) {
            for (String ref : references(file)) {
                String why = violation(pkg, ref);
                if (why != null) {
                    violations.add(MAIN.relativize(file) + ": " + ref + " (" + why + ")");
                }
            }
        }
        assertThat(violations)
                .as("references not allowed in io.originwatch.%s", pkg)
                .isEmpty();
    }

    @Test
    void everyPackageHasARowInTheTable() throws IOException {
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            List<String> unknown = dirs.filter(d -> Files.isDirectory(d) && hasJava(d))
                    .map(d -> MAIN.relativize(d).toString().replace('/', '.'))
                    .filter(p -> !p.isEmpty() && !LAYER.containsKey(p))
                    .toList();
            assertThat(unknown)
                    .as("packages with no layer in ArchitectureTest.LAYER")
                    .isEmpty();
        }
        assertThat(Files.list(MAIN).filter(p -> p.toString().endsWith(".java")).toList())
                .as("classes directly in io.originwatch")
                .isEmpty();
    }

    /** Belt and braces for the table: the package graph as written has no cycle. */
    @Test
    void noPackageCycle() {
        Map<String, Set<String>> graph = new TreeMap<>();
        packages().forEach(pkg -> {
            Set<String> targets = new TreeSet<>();
            for (Path file : sources(pkg)) {
                for (String ref : references(file)) {
                    String target = ownPackage(ref);
                    if (target != null && !target.equals(pkg)) {
                        targets.add(target);
                    }
                }
            }
            graph.put(pkg, targets);
        });
        Map<String, Integer> state = new HashMap<>();
        for (String pkg : graph.keySet()) {
            List<String> path = new ArrayList<>();
            boolean cycle = cycleFrom(pkg, graph, state, path);
            // the walk's path ends where it closed the cycle: name only the cycle, not the way to it
            List<String> loop = cycle ? path.subList(path.indexOf(path.get(path.size() - 1)), path.size()) : path;
            assertThat(cycle).as("package cycle %s", String.join(" -> ", loop)).isFalse();
        }
    }

    private static boolean cycleFrom(
            String pkg, Map<String, Set<String>> graph, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(pkg);
        if (s != null) {
            if (s == 1) {
                path.add(pkg);
            }
            return s == 1;
        }
        state.put(pkg, 1);
        path.add(pkg);
        for (String next : graph.getOrDefault(pkg, Set.of())) {
            if (cycleFrom(next, graph, state, path)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        state.put(pkg, 2);
        return false;
    }

    /** Null when allowed, else why not. */
    private static String violation(String pkg, String ref) {
        if (JDK.stream().anyMatch(ref::startsWith)) {
            return null;
        }
        String own = ownPackage(ref);
        if (own != null) {
            if (own.equals(pkg)) {
                return null;
            }
            Integer target = LAYER.get(own);
            if (target == null) {
                return "package with no layer";
            }
            int mine = LAYER.get(pkg);
            if (target < mine || SIBLINGS.getOrDefault(pkg, Set.of()).contains(own)) {
                return null;
            }
            return "layer " + target + " is not below layer " + mine;
        }
        for (Map.Entry<String, Set<String>> c : CONFINED.entrySet()) {
            if (ref.startsWith(c.getKey()) && !c.getValue().contains(pkg)) {
                return "only " + c.getValue() + " may use " + c.getKey() + "*";
            }
        }
        if (LAYER.get(pkg) >= FRAMEWORK_LAYER) {
            return null;
        }
        if (FRAMEWORKS.stream().anyMatch(ref::startsWith)) {
            return "framework in a plain-Java layer";
        }
        return PLAIN_THIRD_PARTY.getOrDefault(pkg, List.of()).stream().anyMatch(ref::startsWith)
                ? null
                : "third-party library in a plain-Java layer";
    }

    /** Our package a reference points into ("edge.ranges"), or null for anything else. */
    private static String ownPackage(String ref) {
        if (!ref.startsWith("io.originwatch.")) {
            return null;
        }
        String[] parts = ref.substring("io.originwatch.".length()).split("\\.");
        StringBuilder pkg = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty() && Character.isUpperCase(part.charAt(0))) {
                break;
            }
            pkg.append(pkg.isEmpty() ? "" : ".").append(part);
        }
        return pkg.toString();
    }

    private static List<String> references(Path file) {
        String src;
        try {
            src = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> refs = new ArrayList<>();
        Matcher m = IMPORT.matcher(src);
        while (m.find()) {
            refs.add(m.group(1));
        }
        String body = IMPORT.matcher(src).replaceAll("").replaceFirst("(?m)^package [\\w.]+;", "");
        body = body.replaceAll("\"(?:[^\"\\\\\\n]|\\\\.)*\"", "\"\""); // string literals are data, not references
        Matcher q = QUALIFIED.matcher(body);
        while (q.find()) {
            String ref = q.group(1);
            if (isKnownRoot(ref)) {
                refs.add(ref);
            }
        }
        return refs;
    }

    /** Only names under the roots we police count as qualified references (not "e.g.Foo" in prose). */
    private static boolean isKnownRoot(String ref) {
        return ref.startsWith("io.")
                || ref.startsWith("org.")
                || ref.startsWith("jakarta.")
                || ref.startsWith("com.")
                || ref.startsWith("inet.");
    }

    private static Path dir(String pkg) {
        return MAIN.resolve(pkg.replace('.', '/'));
    }

    private static boolean hasJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sources(String pkg) {
        try (Stream<Path> files = Files.list(dir(pkg))) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
