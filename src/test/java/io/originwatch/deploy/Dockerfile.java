package io.originwatch.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile read as its instructions: comments dropped, line continuations joined, each
 * instruction split into keyword and arguments. Enough for static checks without a Docker engine.
 */
final class Dockerfile {

    static final Path JVM = Path.of("src/main/docker/Dockerfile.jvm");

    record Instruction(String keyword, String arguments) {
        /** The words after the keyword, options such as --interval=30s included. */
        List<String> words() {
            return List.of(arguments.trim().split("\\s+"));
        }
    }

    private final List<Instruction> instructions;

    private Dockerfile(List<Instruction> instructions) {
        this.instructions = List.copyOf(instructions);
    }

    static Dockerfile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().strip();
            current.setLength(0);
            if (!text.isEmpty()) {
                int space = text.indexOf(' ');
                out.add(new Instruction(
                        text.substring(0, space).toUpperCase(Locale.ROOT),
                        text.substring(space + 1).strip()));
            }
        }
        return new Dockerfile(out);
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    Optional<Instruction> last(String keyword) {
        List<Instruction> found = all(keyword);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /** Default of an ARG declared as NAME=value. */
    Optional<String> argDefault(String name) {
        return all("ARG").stream()
                .map(Instruction::arguments)
                .filter(a -> a.startsWith(name + "="))
                .map(a -> a.substring(name.length() + 1))
                .findFirst();
    }

    /** Value of an ENV NAME=value (single pair per instruction, quotes removed). */
    Optional<String> env(String name) {
        return all("ENV").stream()
                .map(Instruction::arguments)
                .filter(a -> a.startsWith(name + "="))
                .map(a -> a.substring(name.length() + 1).replaceAll("^\"|\"$", ""))
                .findFirst();
    }

    /** Source paths of every COPY (all words but options and the destination). */
    List<String> copySources() {
        List<String> sources = new ArrayList<>();
        for (Instruction copy : all("COPY")) {
            List<String> words =
                    copy.words().stream().filter(w -> !w.startsWith("--")).toList();
            sources.addAll(words.subList(0, words.size() - 1));
        }
        return sources;
    }

    /** The HEALTHCHECK's exec-form command (the JSON array after CMD). */
    List<String> healthcheckCommand() {
        Instruction hc = last("HEALTHCHECK").orElseThrow(() -> new AssertionError(JVM + " has no HEALTHCHECK"));
        int cmd = hc.arguments().indexOf("CMD [");
        if (cmd < 0) {
            throw new AssertionError("HEALTHCHECK is not in exec form (CMD [...]): " + hc.arguments());
        }
        try {
            return new ObjectMapper()
                    .readValue(hc.arguments().substring(cmd + 4), new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new AssertionError("HEALTHCHECK CMD is not a JSON array: " + hc.arguments(), e);
        }
    }
}
