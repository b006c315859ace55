package io.pollwatt.platform.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/site-format.md says what the platform reads, and names every key the platform's reader takes. */
class ArchiveFormatDocTest {

    @Test
    void documents_what_the_platform_reads() throws IOException {
        Path doc = Path.of(System.getProperty("basedir", "."))
                .resolve("../docs/site-format.md")
                .toAbsolutePath()
                .normalize();
        String text = Files.readString(doc, StandardCharsets.UTF_8);

        assertThat(text).contains("## What the platform reads").contains("## Devices");
        String section = text.substring(text.indexOf("## What the platform reads"));
        for (List<String> keys : List.of(
                ArchiveReader.SITE_KEYS,
                ArchiveReader.POINT_KEYS,
                ArchiveReader.CIRCUIT_KEYS,
                ArchiveReader.METER_KEYS,
                ArchiveReader.GROUP_KEYS,
                ArchiveReader.STACK_KEYS,
                ArchiveReader.ARCHIVE_KEYS)) {
            for (String key : keys) {
                assertThat(section).as("key %s", key).contains("`" + key + "`");
            }
        }
        for (List<String> keys :
                List.of(ArchiveReader.LIMIT_KEYS, ArchiveReader.PERIOD_KEYS, ArchiveReader.MAINTENANCE_KEYS)) {
            for (String key : keys) {
                assertThat(text).as("key %s", key).contains("`" + key + "`");
            }
        }
        for (String key : ArchiveReader.DEVICE_KEYS) {
            assertThat(text).as("device key %s", key).contains("| `" + key + "` |");
        }
        assertThat(text).contains(ArchiveReader.derivedMn("E001", 'D', 1));
    }
}
