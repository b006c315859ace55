package io.pollwatt.verification.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.core.feature.FeatureParser;
import io.cucumber.core.gherkin.Pickle;
import io.cucumber.core.resource.Resource;
import io.pollwatt.twin.fault.ScenarioMatrix;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The §10 matrix tags of the catalogue: every row of the rulebook's matrix (the twin's {@link ScenarioMatrix}) has
 * exactly one scenario tagged {@code @matrix-<row>}, and those scenarios, and only those, also carry {@code @matrix},
 * the tag that selects the whole matrix ({@code --tags @matrix}, docs/scenarios.md; {@code certify-platform}).
 */
class MatrixTagsTest {

    private static final String MATRIX = "@matrix";

    @Test
    void every_row_of_the_matrix_has_one_scenario_and_all_of_them_carry_the_matrix_tag() throws Exception {
        Map<Integer, Set<String>> scenariosByRow = new TreeMap<>();
        List<String> untagged = new ArrayList<>();
        for (Pickle pickle : catalogue()) {
            List<String> tags = pickle.getTags();
            String scenario =
                    pickle.getUri() + ":" + pickle.getScenarioLocation().getLine();
            List<Integer> rows = tags.stream()
                    .filter(t -> t.startsWith(MATRIX + "-"))
                    .map(t -> Integer.parseInt(t.substring(MATRIX.length() + 1)))
                    .toList();
            rows.forEach(
                    r -> scenariosByRow.computeIfAbsent(r, k -> new TreeSet<>()).add(scenario));
            if (rows.isEmpty() == tags.contains(MATRIX)) {
                untagged.add(scenario + " " + tags);
            }
        }

        Set<Integer> rulebookRows =
                ScenarioMatrix.rows().stream().map(ScenarioMatrix.Row::row).collect(Collectors.toSet());
        assertThat(scenariosByRow.keySet()).isEqualTo(rulebookRows);
        assertThat(scenariosByRow)
                .allSatisfy((row, scenarios) ->
                        assertThat(scenarios).as("scenarios of row %d", row).hasSize(1));
        assertThat(untagged).as("@matrix and @matrix-<row> go together").isEmpty();
    }

    /** Every pickle of the catalogue's feature files on the classpath (a folder, or the scenario-specs jar). */
    private static List<Pickle> catalogue() throws Exception {
        URI root = MatrixTagsTest.class.getClassLoader().getResource("features").toURI();
        FileSystem jar = null;
        if (root.getScheme().equals("jar")) {
            try {
                jar = FileSystems.newFileSystem(root, Map.of());
            } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                // open already (another test's): read through it, and leave it to its owner
            }
        }
        try (Stream<Path> files = Files.walk(Path.of(root))) {
            List<Pickle> out = new ArrayList<>();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".feature")).toList()) {
                Resource resource = new Resource() {
                    @Override
                    public URI getUri() {
                        return file.toUri();
                    }

                    @Override
                    public InputStream getInputStream() throws java.io.IOException {
                        return Files.newInputStream(file);
                    }
                };
                new FeatureParser(UUID::randomUUID).parseResource(resource).ifPresent(f -> out.addAll(f.getPickles()));
            }
            assertThat(out).as("feature files under %s", root).isNotEmpty();
            return out;
        } finally {
            if (jar != null) {
                jar.close();
            }
        }
    }
}
