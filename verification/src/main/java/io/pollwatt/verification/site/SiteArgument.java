package io.pollwatt.verification.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a {@code --sites} argument names: a site file, every {@code *.yaml} of a folder (in name order), or a ready
 * site. Each command reads the files with its own reader (the twin's, or the platform's archive reader).
 */
public sealed interface SiteArgument {

    /** A site file on disk. */
    record File(Path path) implements SiteArgument {}

    /** A ready site, by name ({@code textile}). */
    record Ready(String name) implements SiteArgument {
        /** The name it has in error messages, as a file of the ready-site folder. */
        public String source() {
            return ReadySites.FOLDER + "/" + name + ".yaml";
        }

        /** Its text. */
        public String text() {
            return ReadySites.text(name).orElseThrow();
        }
    }

    /**
     * The sites {@code argument} names.
     *
     * @throws IllegalArgumentException naming the ready sites when it is neither a file, a folder nor one of them
     */
    static List<SiteArgument> resolve(String argument) throws IOException {
        Path path = Path.of(argument);
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                return files.filter(p -> p.toString().endsWith(".yaml"))
                        .sorted()
                        .<SiteArgument>map(File::new)
                        .toList();
            }
        }
        if (Files.exists(path)) {
            return List.of(new File(path));
        }
        if (ReadySites.text(argument).isPresent()) {
            return List.of(new Ready(argument));
        }
        throw new IllegalArgumentException("no site file, folder or ready site '" + argument + "'; the ready sites"
                + " are: " + String.join(", ", ReadySites.names()));
    }
}
