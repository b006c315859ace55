package io.pollwatt.platform.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pollwatt.platform.archive.ArchiveRegistry.EnterpriseSummary;
import io.pollwatt.platform.archive.ArchiveRegistry.ImportSummary;
import io.pollwatt.platform.archive.ArchiveRegistry.PointQuantity;
import io.pollwatt.platform.archive.ArchiveRegistry.StackQuantity;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.platform.storage.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive on a real (embedded) PostgreSQL: import, re-import, export, resolution of factor codes. */
class ArchiveRegistryIT {

    @TempDir
    static Path dataDir;

    @TempDir
    Path tmp;

    private static Database db;
    private static ArchiveRegistry archive;
    private static DeviceRegistry devices;

    @BeforeAll
    static void start() {
        db = TestDatabases.open(dataDir.resolve("pg"));
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
        archive = new ArchiveRegistry(db.dataSource(), clock);
        devices = new DeviceRegistry(db.dataSource(), clock);
    }

    @AfterAll
    static void stop() {
        db.close();
        TestDatabases.discard(dataDir.resolve("pg"));
    }

    @BeforeEach
    void empty() throws SQLException {
        execute("delete from enterprise");
        execute("delete from device");
    }

    @Test
    void imports_every_ready_site_and_exports_it_back_to_the_same_archive() throws Exception {
        List<String> ids = new ArrayList<>();
        for (Path file : ReadySiteFiles.all()) {
            SiteArchive read = ArchiveReader.read(file);

            ImportSummary s = archive.importSite(file);

            ids.add(read.id());
            assertThat(s.replaced()).isFalse();
            assertThat(s.points()).isEqualTo(read.points().size());
            assertThat(archive.archive(read.id())).hasValue(read);
            String exported = archive.export(read.id()).orElseThrow();
            assertThat(ArchiveReader.parse("export.yaml", exported))
                    .as(file.toString())
                    .isEqualTo(read);
            // the exported file imports as it is, and changes nothing
            Path again = tmp.resolve(read.id() + ".yaml");
            Files.writeString(again, exported, StandardCharsets.UTF_8);
            assertThat(archive.importSite(again).replaced()).isTrue();
            assertThat(archive.archive(read.id())).hasValue(read);
        }
        assertThat(archive.enterprises())
                .extracting(EnterpriseSummary::id)
                .containsExactlyElementsOf(ids.stream().sorted().toList());
        assertThat(archive.points("E-PLASTICS")).hasSize(5);
        assertThat(archive.points("nobody")).isEmpty();
        assertThat(archive.export("nobody")).isEmpty();
    }

    @Test
    void keeps_capacity_other_limits_line_mode_and_maintenance() throws Exception {
        SiteArchive read = ArchiveReader.parse("limits.yaml", ArchiveReaderTest.LIMITS);

        archive.importArchive(read);

        assertThat(archive.archive(read.id())).hasValue(read);
        assertThat(ArchiveReader.parse("export.yaml", archive.export(read.id()).orElseThrow()))
                .isEqualTo(read);
    }

    @Test
    void registers_the_devices_for_ingest() throws Exception {
        SiteArchive hv = ArchiveReader.read(ReadySiteFiles.named("hv-main"));

        ImportSummary s = archive.importSite(ReadySiteFiles.named("hv-main"));

        assertThat(s.devices()).isEqualTo(2);
        assertThat(s.meters()).isEqualTo(9);
        try (Connection c = db.dataSource().getConnection()) {
            for (String mn : hv.mns()) {
                assertThat(devices.check(c, mn, "123456")).isEqualTo(DeviceRegistry.Verdict.KNOWN);
            }
        }
        assertThat(count("select count(*) from device where enterprise_id = 'E-HV'"))
                .isEqualTo(2);
    }

    @Test
    void a_re_import_replaces_the_enterprises_archive_and_devices() throws Exception {
        archive.importSite(ReadySiteFiles.named("hv-main"));
        long rows = count("select count(*) from point") + count("select count(*) from device_meter");
        archive.importSite(ReadySiteFiles.named("hv-main"));
        assertThat(count("select count(*) from point") + count("select count(*) from device_meter"))
                .isEqualTo(rows);

        Path smaller = tmp.resolve("hv.yaml");
        Files.writeString(smaller, """
                id: E-HV
                name: 改名
                district: 绍兴市
                industry: 包装印刷
                points:
                  - {id: M1, name: 总进线, kind: MAIN, meter: {ct: 50/5}}
                devices:
                  - {mn: 010000A8900016F000169DC0, points: [M1]}
                """, StandardCharsets.UTF_8);
        ImportSummary s = archive.importSite(smaller);

        assertThat(s.replaced()).isTrue();
        assertThat(archive.points("E-HV")).hasSize(1);
        assertThat(archive.archive("E-HV").orElseThrow().name()).isEqualTo("改名");
        assertThat(count("select count(*) from device where enterprise_id = 'E-HV'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from stack")).isZero();
    }

    @Test
    void resolves_factor_codes_of_a_devices_frames_to_points_and_stacks() throws Exception {
        archive.importSite(ReadySiteFiles.named("plastics"));
        archive.importSite(ReadySiteFiles.named("hv-main"));
        String plasticsDtu = ArchiveReader.derivedMn("E-PLASTICS", 'D', 1);
        String hvCollector = ArchiveReader.derivedMn("E-HV", 'C', 1);

        assertThat(archive.resolve(plasticsDtu, "g71301-Rtd")).hasValue(new PointQuantity("E-PLASTICS", "P01", 1, "P"));
        assertThat(archive.resolve(plasticsDtu, "g71810"))
                .hasValue(new PointQuantity("E-PLASTICS", "I1", 10, "EP_IMPORT"));
        assertThat(archive.resolve(plasticsDtu, "g71305")).isEmpty(); // meter 05: P05, installed but not archived
        assertThat(archive.resolve(plasticsDtu, "g79901")).isEmpty(); // no such quantity
        assertThat(archive.resolve(hvCollector, "a24088-Rtd")).hasValue(new StackQuantity("E-HV", "S1", "TVOC"));
        assertThat(archive.resolve("000000000000000000000000", "g71301")).isEmpty();
    }

    @Test
    void refuses_an_mn_of_another_enterprise_and_imports_nothing() throws Exception {
        archive.importSite(ReadySiteFiles.named("hv-main"));
        String taken = ArchiveReader.derivedMn("E-HV", 'D', 1);
        Path file = tmp.resolve("thief.yaml");
        Files.writeString(file, """
                id: E-OTHER
                name: 其他
                district: 杭州市
                industry: 纺织
                points:
                  - {id: M1, name: 总进线, kind: MAIN, meter: {ct: 50/5}}
                devices:
                  - {mn: %s, points: [M1]}
                """.formatted(taken), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> archive.importSite(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(taken)
                .hasMessageContaining("E-HV");
        assertThat(archive.archive("E-OTHER")).isEmpty();
        assertThat(archive.resolve(taken, "g71301")).map(r -> r.enterpriseId()).hasValue("E-HV");
    }

    @Test
    void a_bad_file_imports_nothing() throws Exception {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, "id: E-BAD\nname: x\ndistrict: y\nindustry: z\npoints: [{id: M1}]\n");

        ArchiveFileException e = catchThrowableOfType(ArchiveFileException.class, () -> archive.importSite(file));

        assertThat(e.errors()).isNotEmpty();
        assertThat(archive.enterprises()).isEmpty();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
