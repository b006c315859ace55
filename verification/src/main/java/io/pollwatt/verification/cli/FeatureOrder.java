package io.pollwatt.verification.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The catalogue's feature files, the one with the longest run first. Scenarios run side by side in feature order; a
 * 31-day run started last keeps one thread busy alone at the end, started first it runs beside the short ones. The
 * length is read from the runs the files ask for ({@code 起运行 N 天} / {@code N 小时}).
 */
final class FeatureOrder {

    private static final String ROOT = "features";

    private static final Pattern RUN = Pattern.compile("起运行\\s+(\\d+)\\s*(天|小时)");

    private FeatureOrder() {}

    /** {@code classpath:features/…/x.feature} of every feature file, longest run first; empty if none is found. */
    static List<String> longestFirst(ClassLoader loader) {
        List<Feature> features = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(ROOT);
            for (URL root : Collections.list(roots)) {
                if (root.getProtocol().equals("jar")) {
                    readJar(root, features);
                } else if (root.getProtocol().equals("file")) {
                    readFolder(Path.of(root.toURI()), features);
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new UncheckedIOException(new IOException("cannot list the feature files: " + e.getMessage(), e));
        }
        features.sort(
                Comparator.comparingDouble(Feature::longestDays).reversed().thenComparing(Feature::uri));
        return features.stream().map(f -> "classpath:" + f.uri()).distinct().toList();
    }

    private record Feature(String uri, double longestDays) {}

    private static void readJar(URL root, List<Feature> out) throws IOException {
        JarURLConnection c = (JarURLConnection) root.openConnection();
        c.setUseCaches(false);
        try (JarFile jar = c.getJarFile()) {
            for (JarEntry e : Collections.list(jar.entries())) {
                if (e.getName().startsWith(ROOT + "/") && e.getName().endsWith(".feature")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        out.add(new Feature(
                                e.getName(), longest(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
                    }
                }
            }
        }
    }

    private static void readFolder(Path root, List<Feature> out) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".feature")).toList()) {
                String uri = ROOT + "/" + root.relativize(p).toString().replace('\\', '/');
                out.add(new Feature(uri, longest(Files.readString(p))));
            }
        }
    }

    /** The longest run a feature asks for, in days. */
    static double longest(String text) {
        double max = 0;
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            double n = Double.parseDouble(m.group(1));
            max = Math.max(max, m.group(2).equals("天") ? n : n / 24);
        }
        return max;
    }
}
