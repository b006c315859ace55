package io.pollwatt.verification.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/site-format.md names every key, fault kind and parameter the reader takes. */
class SiteFormatDocTest {

    /** docs/site-format.md of this checkout (tests run in the module folder, surefire's basedir). */
    static Path formatDoc() {
        Path doc = Path.of(System.getProperty("basedir", "."))
                .resolve("../docs/site-format.md")
                .toAbsolutePath()
                .normalize();
        assertThat(doc).as("the site format document").isRegularFile();
        return doc;
    }

    @Test
    void documents_every_key_of_the_format() throws IOException {
        String doc = Files.readString(formatDoc(), StandardCharsets.UTF_8);
        List<String> keys = new ArrayList<>();
        for (List<String> list : List.of(
                SiteReader.SITE_KEYS,
                SiteReader.POINT_KEYS,
                SiteReader.CIRCUIT_KEYS,
                SiteReader.METER_KEYS,
                SiteReader.LOAD_KEYS,
                SiteReader.LIMIT_KEYS,
                SiteReader.GROUP_KEYS,
                SiteReader.ASSOCIATION_KEYS,
                SiteReader.PERIOD_KEYS,
                SiteReader.STACK_KEYS,
                SiteReader.ANALYZER_KEYS,
                SiteReader.FAULT_KEYS,
                SiteReader.ARCHIVE_KEYS,
                SiteReader.ARCHIVED_POINT_KEYS,
                SiteReader.UNMETERED_KEYS,
                SiteReader.DEVICE_KEYS)) {
            keys.addAll(list);
        }

        for (String key : keys) {
            assertThat(doc).as("key %s", key).contains("`" + key + "`");
        }
    }

    @Test
    void documents_every_fault_kind_and_parameter() throws IOException {
        String doc = Files.readString(formatDoc(), StandardCharsets.UTF_8);

        for (FaultCatalogue.Kind kind : FaultCatalogue.KINDS.values()) {
            assertThat(doc).as("fault kind %s", kind.name()).contains("| `" + kind.name() + "` |");
            for (FaultCatalogue.Param p : kind.params()) {
                assertThat(doc).as("parameter %s of %s", p.name(), kind.name()).contains("`" + p.name() + "`");
            }
        }
    }

    @Test
    void documents_every_ready_site() throws IOException {
        String doc = Files.readString(formatDoc(), StandardCharsets.UTF_8);

        assertThat(ReadySites.names())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(doc).contains("| `" + name + "` |"));
    }
}
