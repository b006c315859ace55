package io.pollwatt.certification.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/certification.md lists the catalogue data file as it is: same cases, same order, same selection data. */
class CatalogueDocTest {

    private static final Path DOC = Path.of("..", "docs", "certification.md");

    @Test
    void the_documented_table_is_the_catalogue_data_file() throws IOException {
        List<String> documented = new ArrayList<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            String[] cells = line.split("\\|");
            // | id | title | clause | what is checked | pass criteria | profiles | needs | kind |
            if (cells.length == 9 && cells[1].trim().matches("[A-Z]{2,3}(-[A-Z]{3})?-[0-9]{2,4}")) {
                documented.add(String.join(
                        " / ",
                        cells[1].trim(),
                        cells[2].trim(),
                        cells[3].trim(),
                        cells[6].trim(),
                        cells[7].trim(),
                        cells[8].trim()));
            }
        }
        List<String> data = Catalogue.standard().cases().stream()
                .map(c -> String.join(
                        " / ",
                        c.id(),
                        c.title(),
                        c.clause(),
                        c.profiles().stream().map(Profile::id).collect(Collectors.joining(", ")),
                        needs(c),
                        c.kind().name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        assertThat(documented).as("rows of the case table in " + DOC).containsExactlyElementsOf(data);
    }

    private static String needs(CertCase c) {
        List<String> parts = new ArrayList<>();
        if (!c.requiredCns().isEmpty()) {
            parts.add("CN "
                    + c.requiredCns().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (c.needsPacketisation()) {
            parts.add("packetisation");
        }
        return parts.isEmpty() ? "—" : String.join("; ", parts);
    }
}
