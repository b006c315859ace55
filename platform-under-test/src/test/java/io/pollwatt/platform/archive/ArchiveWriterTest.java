package io.pollwatt.platform.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ArchiveWriterTest {

    @TestFactory
    Stream<DynamicTest> an_export_reads_back_to_the_same_archive() {
        return ReadySiteFiles.all().stream()
                .map(file -> dynamicTest(file.getFileName().toString(), () -> {
                    SiteArchive a = ArchiveReader.read(file);

                    String yaml = ArchiveWriter.write(a);

                    assertThat(ArchiveReader.parse("export.yaml", yaml)).isEqualTo(a);
                }));
    }

    @Test
    void writes_gaps_in_a_dtu_as_unused_meter_numbers() throws Exception {
        SiteArchive plastics = ArchiveReader.read(ReadySiteFiles.named("plastics"));

        String yaml = ArchiveWriter.write(plastics);

        assertThat(yaml).contains("points: [\"P01\", \"P02\", \"P03\", \"P04\", ~, ~, ~, ~, ~, \"I1\"]");
        assertThat(yaml).doesNotContain("notArchived");
    }

    @Test
    void quotes_text_so_it_stays_text() throws Exception {
        String yaml = ArchiveWriter.write(ArchiveReader.parse(
                "s.yaml",
                ArchiveReaderTest.MINIMAL
                        .replace("测试企业", "\"yes \\\"quoted\\\" #1\"")
                        .replace("E1", "\"123\"")));

        SiteArchive back = ArchiveReader.parse("export.yaml", yaml);

        assertThat(back.name()).isEqualTo("yes \"quoted\" #1");
        assertThat(back.id()).isEqualTo("123");
    }

    @Test
    void an_export_keeps_capacity_other_limits_line_mode_and_maintenance() throws Exception {
        SiteArchive a = ArchiveReader.parse("s.yaml", ArchiveReaderTest.LIMITS);

        String yaml = ArchiveWriter.write(a);

        assertThat(yaml)
                .contains("capacityKva: 630")
                .contains("iMaxA: 90, uMinV: 200, uMaxV: 240, pfMin: 0.8")
                .contains("allowedLines: 1")
                .contains("approved: false");
        assertThat(ArchiveReader.parse("export.yaml", yaml)).isEqualTo(a);
    }
}
