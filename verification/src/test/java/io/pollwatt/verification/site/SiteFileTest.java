package io.pollwatt.verification.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.pollwatt.twin.electric.Wiring;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.fault.ReversedCt;
import io.pollwatt.twin.fault.TreatmentOff;
import io.pollwatt.twin.site.Facility;
import io.pollwatt.twin.site.FacilityKind;
import io.pollwatt.twin.site.LoadProfile;
import io.pollwatt.twin.site.ReportedEnergy;
import io.pollwatt.twin.site.Shift;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteFileTest {

    @TempDir
    Path tmp;

    /** The smallest site: one main, one production point, one treatment point. */
    static final String MINIMAL = """
            id: E1
            name: 测试企业
            district: 临平区
            industry: 纺织
            shifts: ["08:00-20:00"]
            points:
              - {id: M1, name: 总进线, kind: MAIN, meter: {ct: 400/5}}
              - {id: P1, name: 定型机, kind: PROD, meter: {ct: 200/5}, load: {shape: STEADY, ratedKw: 55}}
              - {id: T1, name: 引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
            groups:
              - {id: G1, members: T1}
            associations:
              - {production: P1, groups: G1}
            """;

    private static SiteFile parse(String text) throws SiteFileException {
        return SiteFile.parse("site.yaml", text);
    }

    private static List<SiteError> errors(String text) {
        return catchThrowableOfType(SiteFileException.class, () -> parse(text)).errors();
    }

    @Test
    void reads_a_minimal_site_with_its_defaults() throws SiteFileException {
        SiteFile site = parse(MINIMAL);

        assertThat(site.source()).isEqualTo("site.yaml");
        assertThat(site.zone()).isEqualTo(SiteFile.DEFAULT_ZONE);
        assertThat(site.enterprise().id()).isEqualTo("E1");
        assertThat(site.enterprise().facilities()).extracting(Facility::id).containsExactly("M1", "P1", "T1");
        Facility main = site.enterprise().facility("M1").orElseThrow();
        assertThat(main.load()).isNull();
        assertThat(main.circuit().nominalLineVoltageV()).isEqualTo(380);
        assertThat(main.circuit().wiring()).isEqualTo(Wiring.THREE_PHASE_FOUR_WIRE);
        assertThat(main.meter().id()).isEqualTo("M1");
        assertThat(main.meter().configuredCt()).isEqualTo(main.meter().installedCt());
        assertThat(main.meter().accuracyPercent()).isEqualTo(2);
        assertThat(main.meter().registerMaxKwh()).isEqualTo(999_999.99);
        assertThat(main.meter().energy()).isEqualTo(ReportedEnergy.IMPORT);
        LoadProfile load = site.enterprise().facility("P1").orElseThrow().load();
        assertThat(load.powerFactor()).isEqualTo(0.85);
        assertThat(load.variationPercent()).isEqualTo(4);
        assertThat(load.dutyCycle()).isEqualTo(1);
        assertThat(load.cycle()).isEqualTo(Duration.ZERO);
        assertThat(site.enterprise().groups().get(0).requiredRunning()).isEqualTo(1);
        assertThat(site.enterprise().groups().get(0).lead()).isEqualTo(Duration.ZERO);
        assertThat(site.faults()).isEmpty();
        assertThat(site.archive()).isEqualTo(Archive.AS_INSTALLED);
    }

    @Test
    void reads_the_complete_example_of_the_format_document() throws IOException, SiteFileException {
        String doc = Files.readString(SiteFormatDocTest.formatDoc(), StandardCharsets.UTF_8);
        int from = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String example = doc.substring(from, doc.indexOf("```", from));

        SiteFile site = parse(example);

        assertThat(site.enterprise().facilities()).hasSize(6);
        assertThat(site.enterprise().facility("T2").orElseThrow().load())
                .isEqualTo(site.enterprise().facility("T1").orElseThrow().load());
        assertThat(site.enterprise().facility("P2").orElseThrow().load().powerFactor())
                .as("THERMOSTATIC loads default to a resistive PF")
                .isEqualTo(1.0);
        assertThat(site.enterprise().associations()).hasSize(2);
        assertThat(site.enterprise().stacks().get(0).analyzer().backgroundTvocMgM3())
                .isEqualTo(SiteReader.DEFAULT_BACKGROUND_TVOC);
        assertThat(site.faults()).hasSize(2);
        Fault off = site.faults().get(0);
        assertThat(off).isInstanceOf(TreatmentOff.class);
        // 10:00 in Asia/Shanghai is 02:00 UTC
        assertThat(off.window().start()).isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
        assertThat(off.window().end()).isEqualTo(Instant.parse("2026-03-01T04:00:00Z"));
        assertThat((ReversedCt) site.faults().get(1))
                .extracting(ReversedCt::phaseA, ReversedCt::phaseB, ReversedCt::phaseC)
                .containsExactly(true, true, false);
        assertThat(site.archive().notArchived()).containsExactly("I1");
        assertThat(site.archive().point("P1").orElseThrow().ct().orElseThrow().toString())
                .isEqualTo("400/5");
    }

    /**
     * A file with many different problems: every one is reported at once, at its line and column (the line and
     * column of each are counted in the text below).
     */
    @Test
    void reports_every_problem_of_a_bad_file_at_its_line_and_column() {
        String bad = """
                id: E-BAD
                name: 坏的站点
                district: 杭州市
                industry: 测试
                shifts: ["08:00-20:00", "08:00-08:00"]
                points:
                  - id: M1
                    name: 总进线
                    kind: MAIN
                    meter: {ct: 400/5}
                  - id: P1
                    name: 生产线
                    kind: PRODUCTION
                    meter: {ct: "200:5"}
                    load: {shape: STEADY, ratedKw: -5, pf: high}
                  - id: T1
                    name: 风机
                    kind: TREAT
                    meter: {accuracy: 2}
                    load: {shape: STEADY, ratedKw: 10, idleKw: 50, ratedkw: 3}
                groups:
                  - {id: G1, members: [T1, T9]}
                associations:
                  - {production: M1, groups: G1}
                faults:
                  - {kind: treatment-off, target: T1, start: 2026-03-01T10:00}
                name: 再一次
                """;

        List<SiteError> errors = errors(bad);

        assertThat(errors)
                .extracting(SiteError::line, SiteError::column, SiteError::code)
                .containsExactly(
                        // "08:00-08:00" is a shift round the clock, not an error
                        tuple(13, 11, SiteError.Code.BAD_VALUE), // kind PRODUCTION
                        tuple(14, 17, SiteError.Code.BAD_VALUE), // ratio 200:5
                        tuple(15, 36, SiteError.Code.OUT_OF_RANGE), // ratedKw -5
                        tuple(15, 44, SiteError.Code.WRONG_TYPE), // pf high
                        tuple(19, 12, SiteError.Code.MISSING_KEY), // meter without ct
                        // the twin's LoadProfile refuses an idle draw above the rated power
                        tuple(20, 11, SiteError.Code.REJECTED_BY_TWIN),
                        tuple(20, 52, SiteError.Code.UNKNOWN_KEY), // ratedkw
                        tuple(22, 28, SiteError.Code.BAD_REFERENCE), // member T9
                        tuple(24, 18, SiteError.Code.BAD_REFERENCE), // production M1 is MAIN
                        tuple(26, 5, SiteError.Code.MISSING_KEY), // fault without end or duration
                        tuple(27, 1, SiteError.Code.DUPLICATE_KEY)); // name again
        assertThat(errors)
                .extracting(SiteError::message)
                .contains(
                        "site.yaml:13:11: expected one of MAIN, PROD, TREAT, PROD_TREAT, INDIRECT, got 'PRODUCTION'",
                        "site.yaml:14:17: expected the installed CT ratio, like 200/5, got '200:5'",
                        "site.yaml:15:36: expected a positive power in kW, got '-5'",
                        "site.yaml:15:44: expected a power factor, got 'high'",
                        "site.yaml:19:12: expected key 'ct' (the installed CT ratio, like 200/5) in meter of point"
                                + " T1, got 'accuracy'",
                        "site.yaml:20:11: expected a load the twin accepts, got 'idle draw must be 0..rated, got 50.0'",
                        "site.yaml:22:28: expected a TREAT point id (T1), got 'T9'",
                        "site.yaml:24:18: expected a PROD point id (PROD_TREAT is never associated, domain-rules D6)"
                                + " (the file has none); M1 is MAIN, got 'M1'",
                        "site.yaml:27:1: expected each key once in a mapping ('name' is already at line 2), got 'name'");
        assertThat(errors.get(6).message())
                .startsWith(
                        "site.yaml:20:52: expected one of shape, ratedKw, pf, variation, cycle, duty, idleKw in load"
                                + " of point T1, got 'ratedkw'");
    }

    @Test
    void the_exception_message_holds_one_line_per_problem() {
        SiteFileException e = catchThrowableOfType(
                SiteFileException.class,
                () -> parse(MINIMAL.replace("ratedKw: 55", "ratedKw: -55").replace("400/5", "400")));

        assertThat(e.getMessage().split("\n"))
                .containsExactly(
                        "site.yaml:7:49: expected the installed CT ratio, like 200/5, got '400'",
                        "site.yaml:8:88: expected a positive power in kW, got '-55'");
    }

    @Test
    void a_yaml_syntax_error_is_reported_at_its_place() {
        List<SiteError> errors = errors("""
                id: E1
                points:
                  - id: P1
                    name: [a, b
                  - id: P2
                """);

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(SiteError.Code.SYNTAX);
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.column()).isEqualTo(7);
            assertThat(e.message()).contains("flow sequence at 4:11");
        });
    }

    @Test
    void an_empty_file_a_list_or_two_documents_are_not_a_site() {
        assertThat(errors(""))
                .singleElement()
                .extracting(SiteError::message)
                .isEqualTo("site.yaml:1:1: expected a site: a mapping with id, name, points, …, got ''");
        assertThat(errors("- a\n- b\n"))
                .singleElement()
                .extracting(SiteError::message)
                .isEqualTo("site.yaml:1:1: expected the site (a mapping of keys), got '[…]'");
        assertThat(errors(MINIMAL + "---\nid: E2\n"))
                .extracting(SiteError::line, SiteError::code)
                .containsExactly(tuple(15, SiteError.Code.SYNTAX));
    }

    @Test
    void missing_top_level_keys_are_each_reported() {
        List<SiteError> errors = errors("id: E1\nname: x\n");

        assertThat(errors)
                .extracting(SiteError::message)
                .containsExactlyInAnyOrder(
                        "site.yaml:1:1: expected key 'district' (the administrative district) in the site, got 'id,"
                                + " name'",
                        "site.yaml:1:1: expected key 'industry' (the industry) in the site, got 'id, name'",
                        "site.yaml:1:1: expected key 'shifts' (a list of shifts like 08:00-20:00) in the site, got"
                                + " 'id, name'",
                        "site.yaml:1:1: expected key 'points' (a list of metering points) in the site, got 'id,"
                                + " name'");
    }

    @Test
    void anchors_aliases_and_merge_keys_expand_and_a_template_problem_is_reported_once() throws SiteFileException {
        String text = MINIMAL.replace("points:\n", """
                templates:
                  fan: &fan {shape: STEADY, ratedKw: 15, pf: 0.8}
                points:
                """)
                .replace("load: {shape: STEADY, ratedKw: 15}", "load: {<<: *fan, ratedKw: 22}")
                .replace("load: {shape: STEADY, ratedKw: 55}", "load: *fan");

        SiteFile site = parse(text);
        assertThat(site.enterprise().facility("T1").orElseThrow().load().ratedKw())
                .isEqualTo(22);
        assertThat(site.enterprise().facility("T1").orElseThrow().load().powerFactor())
                .isEqualTo(0.8);
        assertThat(site.enterprise().facility("P1").orElseThrow().load().ratedKw())
                .isEqualTo(15);

        List<SiteError> errors = errors(
                text.replace("ratedKw: 15, pf: 0.8", "ratedKw: -15, pf: 0.8").replace("ratedKw: 22}", "pf: 0.9}"));
        assertThat(errors)
                .extracting(SiteError::line, SiteError::column)
                .as("one error, at the template, though two points use it")
                .containsExactly(tuple(7, 38));
    }

    @Test
    void references_are_checked_whatever_order_the_entries_come_in() {
        String text = MINIMAL.replace(
                                "- {id: M1, name: 总进线, kind: MAIN, meter: {ct: 400/5}}",
                                "- {id: M1, name: 总进线, kind: MAIN, meter: {ct: 400/5}, parent: X1}")
                        .replace(
                                "- {id: T1, name: 引风机,",
                                "- {id: X1, name: 环1, kind: INDIRECT, parent: X2, meter: {ct: 5/5}, load: {shape: STEADY,"
                                        + " ratedKw: 1}}\n  - {id: X2, name: 环2, kind: INDIRECT, parent: X1, meter: {ct: 5/5},"
                                        + " load: {shape: STEADY, ratedKw: 1}}\n  - {id: T1, name: 引风机,")
                + "stacks:\n  - {id: S1, height: 15, production: [P1, T1], groups: G9}\n"
                + "faults:\n  - {kind: voc-exceedance, target: S1, start: 2026-03-01T00:00, duration: 1h, factor: 3}\n"
                + "  - {kind: reversed-ct, target: P1, start: 2026-03-01T00:00, duration: 1h, phaseB: true}\n";

        List<SiteError> errors = errors(text);

        assertThat(errors).extracting(SiteError::code).containsOnly(SiteError.Code.BAD_REFERENCE);
        assertThat(errors)
                .extracting(SiteError::message)
                .anySatisfy(m -> assertThat(m).contains("X1 → X2 → X1 is a loop"))
                .anySatisfy(m -> assertThat(m).contains("a PROD or PROD_TREAT point id (P1); T1 is TREAT, got 'T1'"))
                .anySatisfy(m -> assertThat(m).contains("expected a group id (G1), got 'G9'"))
                .anySatisfy(m ->
                        assertThat(m).contains("expected a stack id whose stack has an analyzer (the file has none)"));
    }

    @Test
    void a_reversed_ct_on_a_combined_energy_meter_expects_negative_energy() throws SiteFileException {
        String reversed =
                "faults:\n  - {kind: reversed-ct, target: P1, start: 2026-03-01T00:00, duration: 1h, phaseA: true,"
                        + " phaseB: true, phaseC: true}\n";
        SiteFile combined =
                parse(MINIMAL.replace("meter: {ct: 200/5}", "meter: {ct: 200/5, energy: COMBINED}") + reversed);
        SiteFile plain = parse(MINIMAL + reversed);

        assertThat(combined.enterprise().facility("P1").orElseThrow().meter().energy())
                .isEqualTo(ReportedEnergy.COMBINED);
        assertThat(combined.faults().get(0).expectedRules()).containsExactly("DQ-08a", "DQ-08b", "DQ-07");
        assertThat(plain.faults().get(0).expectedRules()).containsExactly("DQ-08a", "DQ-08b");
        assertThat(errors(MINIMAL.replace("meter: {ct: 200/5}", "meter: {ct: 200/5, energy: net}")))
                .singleElement()
                .extracting(SiteError::code, SiteError::line)
                .containsExactly(SiteError.Code.BAD_VALUE, 8);
    }

    @Test
    void phase_b_cannot_be_reversed_on_a_three_wire_meter() {
        String text = MINIMAL.replace(
                        "kind: PROD, meter: {ct: 200/5}", "kind: PROD, circuit: {wiring: 3P3W}, meter: {ct: 200/5}")
                + "faults:\n  - {kind: reversed-ct, target: P1, start: 2026-03-01T00:00, duration: 1h, phaseB: true}\n";

        assertThat(errors(text))
                .singleElement()
                .extracting(SiteError::message)
                .isEqualTo("site.yaml:15:84: expected phaseA or phaseC on a 3P3W meter (it has no phase b element),"
                        + " got 'phaseB: true'");
    }

    @Test
    void a_cycle_is_whole_minutes_because_the_twin_steps_in_minutes() {
        String text = MINIMAL.replace(
                "load: {shape: STEADY, ratedKw: 55}", "load: {shape: CYCLIC, ratedKw: 55, cycle: 90s, duty: 0.5}");

        assertThat(errors(text))
                .singleElement()
                .extracting(SiteError::code, SiteError::expected, SiteError::actual)
                .containsExactly(SiteError.Code.OUT_OF_RANGE, "a cycle of whole minutes, at least 1m", "90s");
    }

    @Test
    void a_high_voltage_circuit_needs_a_pt() {
        String text = MINIMAL.replace("kind: MAIN, meter:", "kind: MAIN, circuit: {voltage: 20000}, meter:");

        assertThat(errors(text))
                .singleElement()
                .extracting(SiteError::code, SiteError::line)
                .containsExactly(SiteError.Code.MISSING_KEY, 7);
    }

    @Test
    void shifts_may_cross_midnight_or_run_round_the_clock() throws SiteFileException {
        SiteFile night = parse(MINIMAL.replace("[\"08:00-20:00\"]", "[\"20:00-08:00\"]"));
        SiteFile always = parse(MINIMAL.replace("[\"08:00-20:00\"]", "[\"00:00-24:00\"]"));

        assertThat(night.enterprise().shifts()).containsExactly(new Shift(LocalTime.of(20, 0), LocalTime.of(8, 0)));
        assertThat(always.enterprise().shifts())
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.covers(LocalTime.NOON) || s.covers(LocalTime.MIDNIGHT))
                        .isTrue());
        for (int h = 0; h < 24; h++) {
            LocalTime t = LocalTime.of(h, 30);
            assertThat(always.enterprise().shifts().stream().anyMatch(s -> s.covers(t)))
                    .as("covers %s", t)
                    .isTrue();
        }
    }

    @Test
    void every_fault_kind_can_be_staged() throws SiteFileException {
        StringBuilder faults = new StringBuilder("stacks:\n  - {id: S1, height: 15, production: P1, groups: G1,"
                + " analyzer: {rawTvoc: 50, efficiency: 0.8}}\nfaults:\n");
        for (FaultCatalogue.Kind kind : FaultCatalogue.KINDS.values()) {
            faults.append("  - {kind: ").append(kind.name());
            String target = kind.target() == FaultCatalogue.Target.TREAT
                    ? "T1"
                    : kind.target() == FaultCatalogue.Target.MAIN
                            ? "M1"
                            : kind.target() == FaultCatalogue.Target.ANALYZER_STACK
                                    ? "S1"
                                    : kind.target() == FaultCatalogue.Target.ENTERPRISE ? "E1" : "P1";
            faults.append(", target: ").append(target).append(", start: 2026-03-01T08:00, duration: 2h");
            for (FaultCatalogue.Param p : kind.params()) {
                faults.append(", ").append(p.name()).append(": ").append(sample(p));
            }
            faults.append("}\n");
        }

        SiteFile site = parse(MINIMAL + faults);

        assertThat(site.faults()).extracting(Fault::kind).containsExactlyElementsOf(FaultCatalogue.KINDS.keySet());
    }

    private static String sample(FaultCatalogue.Param p) {
        switch (p.type()) {
            case NUMBER:
                return "0.5";
            case BOOLEAN:
                return "true";
            case DURATION:
                return "10m";
            case PHASE:
                return "a";
            case POINT_ID:
                return "T1";
            case POINT_IDS:
                return "[P1, T1]";
            default:
                throw new IllegalStateException("no sample for " + p.type());
        }
    }

    @Test
    void the_archive_is_kept_as_data() throws SiteFileException {
        SiteFile site = parse(MINIMAL + """
                archive:
                  notArchived: T1
                  points:
                    - {id: P1, name: 废气处理1, kind: TREAT, ct: 100/5, pt: 10000/100, wiring: 3P3W}
                  unmetered:
                    - {name: 喷淋塔, kind: TREAT}
                """);

        assertThat(site.archive().isArchived("T1")).isFalse();
        assertThat(site.archive().isArchived("P1")).isTrue();
        Archive.ArchivedPoint p1 = site.archive().point("P1").orElseThrow();
        assertThat(p1.name()).contains("废气处理1");
        assertThat(p1.kind()).contains(FacilityKind.TREAT);
        assertThat(p1.ct().orElseThrow().factor()).isEqualTo(20);
        assertThat(p1.pt().orElseThrow().factor()).isEqualTo(100);
        assertThat(p1.wiring()).contains(Wiring.THREE_PHASE_THREE_WIRE);
        assertThat(site.archive().unmetered())
                .containsExactly(new Archive.UnmeteredFacility("喷淋塔", FacilityKind.TREAT));
        assertThat(site.archive().point("M1")).isEmpty();
    }

    @Test
    void accepts_the_archive_only_keys_and_ignores_them() throws SiteFileException {
        String plain = MINIMAL + """
                controlPeriods:
                  - {kind: LIMIT, start: 2026-03-02T00:00, duration: 1d, limitRatio: 0.5}
                """;
        String archiveOnly = MINIMAL.replace(
                        "load: {shape: STEADY, ratedKw: 55}}",
                        "load: {shape: STEADY, ratedKw: 55}, limits: {iMaxA: 90, uMinV: 200, uMaxV: 240, pfMin: 0.8}}")
                + """
                capacityKva: 630
                controlPeriods:
                  - {kind: LIMIT, start: 2026-03-02T00:00, duration: 1d, limitRatio: 0.5, allowedLines: 1}
                maintenance:
                  - {group: G1, start: 2026-03-03T08:00, end: 2026-03-03T12:00, approved: true, reason: 检修}
                """;

        SiteFile site = parse(archiveOnly);

        assertThat(site.enterprise()).isEqualTo(parse(plain).enterprise());
        assertThat(SiteReader.ARCHIVE_ONLY_KEYS)
                .allSatisfy(k -> assertThat(SiteReader.SITE_KEYS.contains(k)
                                || SiteReader.LIMIT_KEYS.contains(k)
                                || SiteReader.PERIOD_KEYS.contains(k))
                        .as(k)
                        .isTrue());
    }

    @Test
    void the_enterprise_cross_check_message_is_mapped_to_the_entries_it_names() {
        List<SiteError> errors = SiteReader.enterpriseErrors(
                "site.yaml",
                MINIMAL,
                "enterprise E1 has 3 problem(s): group G1 member T1 is wrong; point P1 is odd; something else");

        assertThat(errors)
                .extracting(SiteError::line, SiteError::column, SiteError::code, SiteError::actual)
                .containsExactly(
                        tuple(1, 1, SiteError.Code.REJECTED_BY_TWIN, "something else"),
                        tuple(8, 5, SiteError.Code.REJECTED_BY_TWIN, "point P1 is odd"),
                        tuple(11, 5, SiteError.Code.REJECTED_BY_TWIN, "group G1 member T1 is wrong"));
    }

    @Test
    void reads_a_file_and_refuses_bytes_that_are_not_utf8() throws IOException, SiteFileException {
        Path good = Files.writeString(tmp.resolve("good.yaml"), MINIMAL, StandardCharsets.UTF_8);
        Path bad = Files.write(tmp.resolve("bad.yaml"), new byte[] {'i', 'd', ':', ' ', (byte) 0xC3, (byte) 0x28});

        assertThat(SiteFile.read(good).source()).isEqualTo(good.toString());
        assertThatThrownBy(() -> SiteFile.read(bad))
                .isInstanceOf(SiteFileException.class)
                .hasMessage(bad + ":1:1: expected UTF-8 text, got 'bytes that are not UTF-8'");
        assertThatThrownBy(() -> SiteFile.read(tmp.resolve("none.yaml"))).isInstanceOf(IOException.class);
    }

    @Test
    void local_times_are_read_in_the_site_zone() throws SiteFileException {
        String text = MINIMAL.replace("industry: 纺织\n", "industry: 纺织\nzone: Europe/Berlin\n")
                + "faults:\n  - {kind: treatment-off, target: T1, start: 2026-03-01 10:00, end: 2026-03-01T11:00}\n";

        SiteFile site = parse(text);

        assertThat(site.zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(site.faults().get(0).window().start()).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(errors(text.replace("Europe/Berlin", "Mars/Olympus")))
                .extracting(SiteError::code, SiteError::actual)
                .containsExactly(tuple(SiteError.Code.BAD_VALUE, "Mars/Olympus"));
    }
}
