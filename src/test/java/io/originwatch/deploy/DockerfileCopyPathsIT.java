package io.originwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After {@code mvn package} (failsafe runs in verify), every COPY source of Dockerfile.jvm exists,
 * so {@code docker build} cannot fail on a missing path of the fast-jar layout.
 */
class DockerfileCopyPathsIT {

    @Test
    void everyCopySourceExistsAfterPackage() throws IOException {
        for (String source : Dockerfile.read(Dockerfile.JVM).copySources()) {
            Path path = Path.of(source);
            if (source.contains("*")) {
                PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + source);
                try (Stream<Path> files = Files.list(path.getParent())) {
                    assertThat(files.filter(glob::matches).toList())
                            .as("files matching COPY source %s", source)
                            .isNotEmpty();
                }
            } else if (source.endsWith("/")) {
                assertThat(path).as("COPY source directory").isDirectory();
                try (Stream<Path> files = Files.list(path)) {
                    assertThat(files.toList())
                            .as("contents of COPY source %s", source)
                            .isNotEmpty();
                }
            } else {
                assertThat(path).as("COPY source file").isRegularFile();
            }
        }
        assertThat(Path.of("target/quarkus-app/quarkus-run.jar"))
                .as("JAVA_APP_JAR's source")
                .isRegularFile();
    }
}
