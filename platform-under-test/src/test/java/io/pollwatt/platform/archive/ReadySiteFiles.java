package io.pollwatt.platform.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ready sites of scenario-specs, read as files from this checkout: the platform must not depend on scenario-specs,
 * so its tests find them beside the module (surefire's basedir), as SiteFormatDocTest finds the docs.
 */
final class ReadySiteFiles {

    private ReadySiteFiles() {}

    static Path folder() {
        Path dir = Path.of(System.getProperty("basedir", "."))
                .resolve("../scenario-specs/src/main/resources/sites")
                .toAbsolutePath()
                .normalize();
        assertThat(dir).as("the ready sites").isDirectory();
        return dir;
    }

    static List<Path> all() {
        try (Stream<Path> files = Files.list(folder())) {
            List<Path> out =
                    files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertThat(out).hasSizeGreaterThanOrEqualTo(7);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path named(String name) {
        return folder().resolve(name + ".yaml");
    }
}
