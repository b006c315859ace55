package io.pollwatt.verification.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The ready sites that ship in {@code scenario-specs} as classpath resources {@code sites/<name>.yaml}, drawn from
 * the seed's field cases: {@code textile}, {@code food}, {@code building-materials}, {@code plastics},
 * {@code company-55}, {@code chemical-workshop}, {@code hv-main}.
 */
public final class ReadySites {

    /** The classpath folder of the ready sites. */
    public static final String FOLDER = "sites";

    private ReadySites() {}

    /** The names of the ready sites, sorted. */
    public static List<String> names() {
        URL url = loader().getResource(FOLDER + "/");
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    return names(FileSystems.getFileSystem(uri).getPath(FOLDER));
                } catch (FileSystemNotFoundException e) {
                    try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                        return names(fs.getPath(FOLDER));
                    }
                }
            }
            return names(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException("listing the ready sites in " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("classpath folder " + url + " is not a URI", e);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> {
                String file = f.getFileName().toString();
                if (file.endsWith(".yaml")) {
                    out.add(file.substring(0, file.length() - ".yaml".length()));
                }
            });
        }
        Collections.sort(out);
        return out;
    }

    /** The text of a ready site, if there is one of that name. */
    public static Optional<String> text(String name) {
        if (!name.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        try (InputStream in = loader().getResourceAsStream(FOLDER + "/" + name + ".yaml")) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("reading ready site " + name, e);
        }
    }

    /**
     * Reads a ready site; its errors name it {@code sites/<name>.yaml}.
     *
     * @throws IllegalArgumentException when there is no ready site of that name
     * @throws SiteFileException when the ready site is broken
     */
    public static SiteFile read(String name) throws SiteFileException {
        String text = text(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no ready site '" + name + "'; there are: " + String.join(", ", names())));
        return SiteFile.parse(FOLDER + "/" + name + ".yaml", text);
    }

    private static ClassLoader loader() {
        return ReadySites.class.getClassLoader();
    }
}
