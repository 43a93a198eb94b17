package io.originwatch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports point downward only, and the plain-Java core never imports a framework. Reads the sources
 * (not bytecode) so that a violation names the file and the import line.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/io/originwatch");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final List<String> FRAMEWORKS = List.of("jakarta.", "io.quarkus.", "io.smallrye.", "io.micrometer.");

    /** Which of our own packages each package may import; java.* is always allowed. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "http1", Set.of(),
            "probe", Set.of("http1"),
            "classify", Set.of("http1", "probe"),
            "edge", Set.of(),
            "lab", Set.of(),
            "alert", Set.of("http1", "probe", "classify", "edge"));

    /** Third-party packages the plain layers may use besides java.*. */
    private static final Map<String, List<String>> THIRD_PARTY = Map.of(
            // edge: Jackson databind reads the providers' JSON range lists and writes the last-good
            // cache; a well-kept plain library (no framework) instead of a hand-written JSON reader.
            "edge", List.of("inet.ipaddr.", "com.fasterxml.jackson.core.", "com.fasterxml.jackson.databind."),
            "lab", List.of("org.bouncycastle."));

    static Stream<String> plainPackages() {
        return ALLOWED.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainPackages")
    void plainPackageImportsOnlyWhatItMay(String pkg) throws IOException {
        Path dir = MAIN.resolve(pkg);
        assertThat(dir).as("package directory %s", dir).isDirectory();
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> violations = files.filter(p -> p.toString().endsWith(".java"))
                    .flatMap(p -> badImports(pkg, p).stream())
                    .toList();
            assertThat(violations).as("imports not allowed in io.originwatch.%s", pkg).isEmpty();
        }
    }

    private static List<String> badImports(String pkg, Path file) {
        String src;
        try {
            src = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = IMPORT.matcher(src);
        List<String> bad = new java.util.ArrayList<>();
        while (m.find()) {
            String imp = m.group(1);
            if (!allowed(pkg, imp)) {
                bad.add(file + ": import " + imp);
            }
        }
        return bad;
    }

    private static boolean allowed(String pkg, String imp) {
        if (imp.startsWith("java.") || imp.startsWith("javax.net.") || imp.startsWith("javax.security.")
                || imp.startsWith("javax.naming.")) {
            return true;
        }
        if (FRAMEWORKS.stream().anyMatch(imp::startsWith)) {
            return false;
        }
        if (imp.startsWith("io.originwatch.")) {
            String target = imp.substring("io.originwatch.".length()).split("\\.")[0];
            return target.equals(pkg) || ALLOWED.get(pkg).contains(target);
        }
        return THIRD_PARTY.getOrDefault(pkg, List.of()).stream().anyMatch(imp::startsWith);
    }
}
