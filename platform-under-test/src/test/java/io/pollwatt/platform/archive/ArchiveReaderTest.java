package io.pollwatt.platform.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.pollwatt.platform.archive.ArchiveError.Code;
import io.pollwatt.platform.archive.SiteArchive.PointKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ArchiveReaderTest {

    @TempDir
    Path tmp;

    static final String MINIMAL = """
            id: E1
            name: 测试企业
            district: 临平区
            industry: 纺织
            points:
              - {id: M1, name: 总进线, kind: MAIN, meter: {ct: 400/5}}
              - {id: P1, name: 定型机, kind: PROD, meter: {ct: 200/5}, limits: {pOnKw: 11, pRefKw: 55}}
              - {id: T1, name: 引风机, kind: TREAT, meter: {ct: 50/5}}
            groups:
              - {id: G1, members: T1}
            associations:
              - {production: P1, groups: G1}
            """;

    private static SiteArchive parse(String text) throws ArchiveFileException {
        return ArchiveReader.parse("site.yaml", text);
    }

    private static List<ArchiveError> errors(String text) {
        return catchThrowableOfType(ArchiveFileException.class, () -> parse(text))
                .errors();
    }

    @TestFactory
    Stream<DynamicTest> reads_every_ready_site() {
        return ReadySiteFiles.all().stream()
                .map(file -> dynamicTest(file.getFileName().toString(), () -> {
                    SiteArchive a = ArchiveReader.read(file);
                    assertThat(a.points()).isNotEmpty();
                    assertThat(a.dtus()).isNotEmpty();
                    assertThat(a.mns()).doesNotHaveDuplicates().allMatch(mn -> mn.matches("[0-9A-F]{24}"));
                }));
    }

    @Test
    void reads_a_minimal_site_without_twin_keys() throws ArchiveFileException {
        SiteArchive a = parse(MINIMAL);

        assertThat(a.id()).isEqualTo("E1");
        assertThat(a.zone()).isEqualTo(ArchiveReader.DEFAULT_ZONE);
        assertThat(a.points()).extracting(SiteArchive.Point::id).containsExactly("M1", "P1", "T1");
        SiteArchive.Point p1 = a.point("P1").orElseThrow();
        assertThat(p1.voltageV()).isEqualTo(380);
        assertThat(p1.wiring()).isEqualTo("3P4W");
        assertThat(p1.meterId()).isEqualTo("P1");
        assertThat(p1.ct()).hasToString("200/5");
        assertThat(p1.limits().pOnKw()).hasValue(11);
        assertThat(p1.limits().pHiKw()).isEmpty();
        assertThat(a.groups()).containsExactly(new SiteArchive.Group("G1", List.of("T1"), 1));
        assertThat(a.associations()).containsExactly(new SiteArchive.Association("P1", "G1"));
        // the default devices: one DTU, meters in point order, a derived MN
        assertThat(a.dtus()).hasSize(1);
        assertThat(a.dtus().get(0).mn()).isEqualTo(ArchiveReader.derivedMn("E1", 'D', 1));
        assertThat(a.dtus().get(0).pw()).isEqualTo("123456");
        assertThat(a.dtus().get(0).meters())
                .extracting(SiteArchive.Meter::number, SiteArchive.Meter::pointId)
                .containsExactly(tuple(1, "M1"), tuple(2, "P1"), tuple(3, "T1"));
        assertThat(a.collectors()).isEmpty();
    }

    @Test
    void derived_mns_are_24_hex_digits_fixed_by_the_enterprise_id() {
        String mn = ArchiveReader.derivedMn("E001", 'D', 1);

        assertThat(mn).hasSize(24).matches("5057[0-9A-F]{16}D001");
        assertThat(ArchiveReader.derivedMn("E001", 'D', 1)).isEqualTo(mn);
        assertThat(ArchiveReader.derivedMn("E002", 'D', 1)).isNotEqualTo(mn);
        assertThat(ArchiveReader.derivedMn("E001", 'C', 2)).isEqualTo(mn.substring(0, 20) + "C002");
        // SHA-256("E001") starts A6634568695C7BD7: pinned so that a change of the rule shows
        assertThat(mn).isEqualTo("5057A6634568695C7BD7D001");
    }

    @Test
    void applies_the_archive_and_leaves_out_points_it_lacks() throws Exception {
        SiteArchive plastics = ArchiveReader.read(ReadySiteFiles.named("plastics"));

        assertThat(plastics.points())
                .extracting(SiteArchive.Point::id)
                .containsExactly("P01", "P02", "P03", "P04", "I1");
        assertThat(plastics.groups()).isEmpty(); // G1's only member T1 is not archived
        assertThat(plastics.associations()).isEmpty();
        assertThat(plastics.stacks().get(0).production()).containsExactly("P01", "P02", "P03", "P04");
        assertThat(plastics.stacks().get(0).groups()).isEmpty();
        // the DTU carries all 10 installed meters; the archive knows meters 1-4 and 10
        assertThat(plastics.dtus().get(0).meters())
                .extracting(SiteArchive.Meter::number)
                .containsExactly(1, 2, 3, 4, 10);

        SiteArchive company = ArchiveReader.read(ReadySiteFiles.named("company-55"));
        assertThat(company.point("M1").orElseThrow().ct())
                .isEqualTo(new SiteArchive.Ratio(new BigDecimal("150000"), new BigDecimal("5")));
        assertThat(company.unmetered()).hasSize(6);

        SiteArchive food = ArchiveReader.read(ReadySiteFiles.named("food"));
        SiteArchive.Point fan = food.point("P2").orElseThrow();
        assertThat(fan.kind()).isEqualTo(PointKind.TREAT);
        assertThat(fan.name()).isEqualTo("除尘风机");

        SiteArchive hv = ArchiveReader.read(ReadySiteFiles.named("hv-main"));
        SiteArchive.Point main = hv.point("M1").orElseThrow();
        assertThat(main.wiring()).isEqualTo("3P3W");
        assertThat(main.pt()).map(Object::toString).hasValue("20000/100");
        assertThat(main.voltageV()).isEqualTo(20000);
        assertThat(hv.collectors())
                .containsExactly(new SiteArchive.Collector(ArchiveReader.derivedMn("E-HV", 'C', 1), "123456", "S1"));
        assertThat(hv.groups().get(0).required()).isEqualTo(2);

        SiteArchive textile = ArchiveReader.read(ReadySiteFiles.named("textile"));
        assertThat(textile.controlPeriods()).hasSize(1);
        assertThat(textile.controlPeriods().get(0).start()).isEqualTo(LocalDateTime.parse("2026-03-02T00:00"));
        assertThat(textile.controlPeriods().get(0).limitRatio()).hasValue(0.7);
    }

    @Test
    void reads_devices_as_written() throws ArchiveFileException {
        SiteArchive a = parse(MINIMAL + """
                stacks:
                  - {id: S1, height: 15, production: P1, groups: G1, analyzer: {rawTvoc: 80, efficiency: 0.85}}
                devices:
                  - {mn: 010000A8900016F000169DC0, pw: "654321", points: [P1, ~, M1]}
                  - {mn: 010000A8900016F000169DC1, stack: S1}
                """);

        assertThat(a.dtus())
                .containsExactly(new SiteArchive.Dtu(
                        "010000A8900016F000169DC0",
                        "654321",
                        List.of(new SiteArchive.Meter(1, "P1"), new SiteArchive.Meter(3, "M1"))));
        assertThat(a.collectors())
                .containsExactly(new SiteArchive.Collector("010000A8900016F000169DC1", "123456", "S1"));
    }

    @Test
    void skips_twin_only_keys_unread() throws ArchiveFileException {
        SiteArchive a = parse(MINIMAL + """
                shifts: not even a list
                faults: [{kind: no-such-fault}]
                templates: {anything: [1, 2]}
                """);

        assertThat(a.points()).hasSize(3);
    }

    @Test
    void reports_every_problem_with_its_place_and_code() {
        List<ArchiveError> errors = errors("""
                id: E1
                name: 测试企业
                district: 临平区
                industry: 纺织
                pointz: []
                points:
                  - {id: M1, name: 总进线, kind: MAINS, meter: {ct: 400/5}}
                  - {id: P1, name: 定型机, kind: PROD, meter: {ct: 200}, limits: {pOnKw: -1}}
                  - {id: T1, name: 引风机, kind: TREAT}
                  - {id: T2, name: [x], kind: TREAT, meter: {ct: 50/5}}
                groups:
                  - {id: G1, members: [T1, T9]}
                devices:
                  - {mn: 12345, points: [M1]}
                  - {mn: 010000A8900016F000169DC0, points: [P1, M1]}
                  - {mn: 010000A8900016F000169DC0, stack: S1}
                """);

        assertThat(errors)
                .extracting(ArchiveError::line, ArchiveError::column, ArchiveError::code)
                .containsExactly(
                        tuple(5, 1, Code.UNKNOWN_KEY),
                        tuple(7, 31, Code.BAD_VALUE), // MAINS
                        tuple(8, 49, Code.BAD_VALUE), // ct: 200
                        tuple(8, 71, Code.OUT_OF_RANGE), // pOnKw: -1
                        tuple(9, 5, Code.MISSING_KEY), // meter
                        tuple(10, 20, Code.WRONG_TYPE), // name: [x]
                        tuple(12, 28, Code.BAD_REFERENCE), // T9
                        tuple(14, 10, Code.BAD_VALUE), // mn: 12345
                        tuple(15, 49, Code.BAD_REFERENCE), // M1 on a second DTU
                        tuple(16, 10, Code.BAD_REFERENCE), // the MN again
                        tuple(16, 43, Code.BAD_REFERENCE)); // no stack S1
        assertThat(errors.get(0).message())
                .startsWith("site.yaml:5:1: expected one of id, name, district, industry, zone, shifts, points,");
    }

    @Test
    void reports_syntax_and_duplicate_keys() {
        assertThat(errors("id: E1\nname: [unclosed\n"))
                .extracting(ArchiveError::code)
                .containsExactly(Code.SYNTAX);
        assertThat(errors(MINIMAL + "name: again\n"))
                .extracting(ArchiveError::line, ArchiveError::code)
                .containsExactly(tuple(13, Code.DUPLICATE_KEY));
    }

    @Test
    void reports_a_bad_file_at_once_and_never_in_part(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(
                file, MINIMAL.replace("members: T1", "members: T9") + "zone: Mars/Base\n", StandardCharsets.UTF_8);

        ArchiveFileException e = catchThrowableOfType(ArchiveFileException.class, () -> ArchiveReader.read(file));

        assertThat(e.errors()).extracting(ArchiveError::code).containsExactly(Code.BAD_REFERENCE, Code.BAD_VALUE);
        assertThat(e.getMessage())
                .contains(file + ":10:23: expected a point id (M1, P1, T1), got 'T9'")
                .contains(file + ":13:7:");
    }

    @Test
    void checks_control_periods_and_stacks() {
        List<ArchiveError> errors = errors(MINIMAL + """
                controlPeriods:
                  - {kind: STOP, start: 2026-03-02T00:00, end: 2026-03-01T00:00}
                  - {kind: LIMIT, start: 2026-03-02T00:00, duration: 1d}
                  - {kind: OFF_PEAK, start: 2026-03-02T00:00, duration: 2h, limitRatio: 0.5}
                stacks:
                  - {id: S1, production: [P1]}
                """);

        assertThat(errors)
                .extracting(ArchiveError::line, ArchiveError::code)
                .containsExactly(
                        tuple(14, Code.OUT_OF_RANGE),
                        tuple(15, Code.MISSING_KEY),
                        tuple(16, Code.BAD_VALUE),
                        tuple(18, Code.MISSING_KEY));
        assertThat(Optional.of(errors.get(1).expected())).get().asString().contains("limitRatio");
    }

    static final String LIMITS = MINIMAL.replace(
                    "limits: {pOnKw: 11, pRefKw: 55}",
                    "limits: {pOnKw: 11, pRefKw: 55, iMaxA: 90, uMinV: 200, uMaxV: 240, pfMin: 0.8}")
            + """
            capacityKva: 630
            controlPeriods:
              - {kind: LIMIT, start: 2026-03-02T00:00, duration: 1d, limitRatio: 0.5, allowedLines: 1}
            maintenance:
              - {group: G1, start: 2026-03-03T08:00, end: 2026-03-03T12:00, approved: true, reason: 更换活性炭}
              - {group: T1, start: 2026-03-04T08:00, duration: 2h, approved: false}
            """;

    @Test
    void reads_capacity_other_limits_line_mode_and_maintenance() throws ArchiveFileException {
        SiteArchive a = parse(LIMITS);

        assertThat(a.capacityKva()).hasValue(630);
        SiteArchive.Limits l = a.point("P1").orElseThrow().limits();
        assertThat(l.iMaxA()).hasValue(90);
        assertThat(l.uMinV()).hasValue(200);
        assertThat(l.uMaxV()).hasValue(240);
        assertThat(l.pfMin()).hasValue(0.8);
        assertThat(a.point("M1").orElseThrow().limits()).isEqualTo(SiteArchive.Limits.NONE);
        assertThat(a.controlPeriods().get(0).allowedLines()).hasValue(1);
        assertThat(a.maintenance())
                .containsExactly(
                        new SiteArchive.Maintenance(
                                "G1",
                                LocalDateTime.parse("2026-03-03T08:00"),
                                LocalDateTime.parse("2026-03-03T12:00"),
                                true,
                                "更换活性炭"),
                        new SiteArchive.Maintenance(
                                "T1",
                                LocalDateTime.parse("2026-03-04T08:00"),
                                LocalDateTime.parse("2026-03-04T10:00"),
                                false,
                                ""));
        assertThat(parse(MINIMAL).capacityKva()).isEmpty();
        assertThat(parse(MINIMAL).maintenance()).isEmpty();
    }

    @Test
    void reports_bad_capacity_limits_lines_and_maintenance_at_their_place() {
        List<ArchiveError> errors =
                errors(MINIMAL.replace("limits: {pOnKw: 11, pRefKw: 55}", "limits: {pfMin: 1.2}") + """
                capacityKva: -630
                controlPeriods:
                  - {kind: LIMIT, start: 2026-03-02T00:00, duration: 1d, limitRatio: 0.5, allowedLines: 1.5}
                  - {kind: STOP, start: 2026-03-02T00:00, duration: 1d, allowedLines: 1}
                maintenance:
                  - {group: G9, start: 2026-03-03T08:00, end: 2026-03-03T12:00, approved: yes please}
                  - {group: G1, start: 2026-03-03T08:00, end: 2026-03-03T07:00}
                """);

        assertThat(errors)
                .extracting(ArchiveError::line, ArchiveError::column, ArchiveError::code)
                .containsExactly(
                        tuple(7, 73, Code.OUT_OF_RANGE), // pfMin: 1.2
                        tuple(13, 14, Code.OUT_OF_RANGE), // capacityKva: -630
                        tuple(15, 89, Code.BAD_VALUE), // allowedLines: 1.5
                        tuple(16, 71, Code.BAD_VALUE), // allowedLines on STOP
                        tuple(18, 13, Code.BAD_REFERENCE), // G9
                        tuple(18, 75, Code.BAD_VALUE), // approved: yes please
                        tuple(19, 47, Code.OUT_OF_RANGE)); // end before start
        assertThat(errors.get(1).message()).startsWith("site.yaml:13:14: expected a positive transformer");
    }
}
