package io.pollwatt.verification.cli;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.ParseError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The feature files a suite runs, each parsed before the run: Cucumber parses every file before it runs any, and
 * one file it cannot parse (a tag with a space, a step outside a scenario) ends the whole run with a stack trace.
 * Here such a file is reported with its place and left out, and the others run.
 */
final class FeatureFiles {

    /** The catalogue of scenario-specs, on the class path. */
    static final String CATALOGUE = "features";

    /**
     * What to hand Cucumber, and what could not be parsed.
     *
     * @param locations Cucumber feature arguments ({@code classpath:features/…} or file paths), in path order
     * @param problems one line per file left out: {@code file:line:column: message} of its first parse error
     */
    record Selection(List<String> locations, List<String> problems) {}

    private FeatureFiles() {}

    /** The catalogue's feature files, from a folder or a jar on the class path of {@code loader}. */
    static Selection catalogue(ClassLoader loader) throws IOException {
        URL url = loader.getResource(CATALOGUE);
        if (url == null) {
            throw new IOException("no '" + CATALOGUE + "' folder on the class path (module scenario-specs)");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("cannot read the catalogue at " + url, e);
        }
        if ("jar".equals(uri.getScheme())) {
            FileSystem jar;
            boolean opened = false;
            try {
                jar = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                jar = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            }
            try {
                return select(jar.getPath("/" + CATALOGUE), p -> "classpath:" + CATALOGUE + "/" + p);
            } finally {
                if (opened) {
                    jar.close();
                }
            }
        }
        return select(Path.of(uri), p -> "classpath:" + CATALOGUE + "/" + p);
    }

    /** The feature files at {@code paths} (files, or folders searched for {@code *.feature}). */
    static Selection files(List<Path> paths) throws IOException {
        List<String> locations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path path : paths) {
            Path p = path.toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                throw new IOException("no feature file or folder " + p);
            }
            Selection s = Files.isDirectory(p) ? select(p, rel -> p.resolve(rel).toString()) : one(p, p.toString());
            locations.addAll(s.locations());
            problems.addAll(s.problems());
        }
        return new Selection(List.copyOf(locations), List.copyOf(problems));
    }

    private interface Location {
        String of(String relative);
    }

    private static Selection select(Path root, Location location) throws IOException {
        List<Path> found;
        try (Stream<Path> walk = Files.walk(root)) {
            found = walk.filter(f -> f.getFileName() != null
                            && f.getFileName().toString().endsWith(".feature")
                            && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        }
        List<String> locations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : found) {
            String relative = root.relativize(f).toString().replace('\\', '/');
            Selection s = one(f, location.of(relative));
            locations.addAll(s.locations());
            problems.addAll(s.problems());
        }
        return new Selection(locations, problems);
    }

    /** One file: its location when it parses, else its parse errors. */
    private static Selection one(Path file, String location) {
        GherkinParser parser = GherkinParser.builder()
                .includeSource(false)
                .includeGherkinDocument(false)
                .includePickles(false)
                .build();
        List<String> problems = new ArrayList<>();
        try (Stream<Envelope> messages = parser.parse(location, Files.newInputStream(file))) {
            messages.map(Envelope::getParseError)
                    .flatMap(java.util.Optional::stream)
                    .forEach(e -> problems.add(describe(location, e)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
        if (problems.isEmpty()) {
            return new Selection(List.of(location), List.of());
        }
        // one line a file: its first error (Gherkin often reports a second one that follows from the first)
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        return new Selection(List.of(), List.of(problems.get(0) + more));
    }

    /** {@code location:line:column: message}, the message without the place Gherkin repeats at its start. */
    private static String describe(String location, ParseError e) {
        String message = e.getMessage().replaceFirst("^\\(\\d+:\\d+\\): ", "");
        String place = e.getSource()
                .getLocation()
                .map(l -> ":" + l.getLine() + l.getColumn().map(c -> ":" + c).orElse(""))
                .orElse("");
        return location + place + ": " + message;
    }
}
