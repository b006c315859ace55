package io.pollwatt.verification.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.pollwatt.twin.electric.Wiring;
import io.pollwatt.twin.export.TwinRun;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.fault.ReversedCt;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.twin.site.Facility;
import io.pollwatt.twin.site.FacilityKind;
import io.pollwatt.twin.site.Meter;
import io.pollwatt.twin.site.Stack;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The ready sites of scenario-specs load, run a simulated day, and hold what the seed's field cases say. */
class ReadySitesTest {

    private static final LocalDateTime START = LocalDateTime.parse("2026-03-01T00:00");

    @Test
    void lists_the_ready_sites() {
        assertThat(ReadySites.names())
                .containsExactly(
                        "building-materials",
                        "chemical-workshop",
                        "company-55",
                        "food",
                        "hv-main",
                        "plastics",
                        "textile");
    }

    @TestFactory
    Stream<DynamicTest> every_ready_site_loads_and_runs_one_simulated_day() {
        return ReadySites.names().stream()
                .map(name -> dynamicTest(name, () -> {
                    SiteFile site = ReadySites.read(name);
                    Run run = Run.of(site, 7);
                    int points = site.enterprise().facilities().size();
                    long analyzers = site.enterprise().stacks().stream()
                            .filter(s -> s.analyzer() != null)
                            .count();

                    assertThat(run.readings).hasSize(1 + 97 * points);
                    assertThat(run.truth).hasSize(1 + 96 * points);
                    assertThat(run.stacks).hasSize(1 + 97 * (int) analyzers);
                    assertThat(run.faults).hasSize(site.faults().size());
                    assertThat(String.join("\n", run.readings))
                            .doesNotContain("NaN")
                            .doesNotContain("Infinity");
                }));
    }

    @Test
    void a_ready_site_that_does_not_exist_is_refused_naming_the_ready_ones() {
        assertThat(ReadySites.text("no-such-site")).isEmpty();
        assertThat(ReadySites.text("../sites/textile")).isEmpty();
        assertThatThrownBy(() -> ReadySites.read("no-such-site"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("textile");
    }

    @Test
    void textile_has_the_seeds_30_points_3_treatment_sets_and_stacks_of_15_and_45_m() throws SiteFileException {
        Enterprise e = ReadySites.read("textile").enterprise();

        assertThat(kinds(e))
                .containsEntry(FacilityKind.MAIN, 1)
                .containsEntry(FacilityKind.PROD, 18)
                .containsEntry(FacilityKind.TREAT, 10)
                .containsEntry(FacilityKind.INDIRECT, 1)
                .containsEntry(FacilityKind.PROD_TREAT, 0);
        assertThat(e.facilities()).hasSize(30);
        assertThat(e.groups()).hasSize(3);
        assertThat(e.facilities(FacilityKind.TREAT))
                .extracting(Facility::name)
                .anySatisfy(n -> assertThat(n).contains("静电除油"))
                .anySatisfy(n -> assertThat(n).contains("冷却"));
        assertThat(e.stacks()).extracting(Stack::heightM).containsExactly(15.0, 45.0);
        Stack boiler = e.stacks().get(1);
        assertThat(boiler.productionIds())
                .singleElement()
                .satisfies(p -> assertThat(e.facility(p).orElseThrow().name()).contains("锅炉"));
    }

    @Test
    void food_has_no_main_and_its_bran_dust_fan_is_production_archived_as_treatment() throws SiteFileException {
        SiteFile site = ReadySites.read("food");
        Enterprise e = site.enterprise();

        assertThat(e.facilities(FacilityKind.MAIN)).isEmpty();
        Facility fan = e.facilities().stream()
                .filter(f -> f.name().contains("除尘风机"))
                .findFirst()
                .orElseThrow();
        assertThat(fan.kind()).isEqualTo(FacilityKind.PROD);
        assertThat(site.archive().point(fan.id()).orElseThrow().kind()).contains(FacilityKind.TREAT);
        assertThat(fan.limits().pOnKw().getAsDouble()).isEqualTo(0.2);
        Facility machines = e.facility("P1").orElseThrow();
        assertThat(machines.load().ratedKw()).isEqualTo(15);
        assertThat(machines.limits().pOnKw().getAsDouble()).isEqualTo(70);
    }

    @Test
    void building_materials_meters_the_spray_booth_incomers_and_has_no_treatment_point() throws SiteFileException {
        SiteFile site = ReadySites.read("building-materials");
        Enterprise e = site.enterprise();

        assertThat(e.facilities(FacilityKind.MAIN)).isEmpty();
        assertThat(e.facilities(FacilityKind.TREAT)).isEmpty();
        assertThat(e.facilities(FacilityKind.PROD)).hasSize(2).allSatisfy(p -> {
            assertThat(p.name()).contains("喷漆房");
            assertThat(site.archive().point(p.id()).orElseThrow().kind()).contains(FacilityKind.TREAT);
            assertThat(site.archive().point(p.id()).orElseThrow().name().orElseThrow())
                    .startsWith("废气处理");
        });
        assertThat(site.archive().unmetered())
                .extracting(Archive.UnmeteredFacility::name)
                .containsExactly("喷淋塔", "光氧设备");
    }

    @Test
    void plastics_treatment_stops_at_1930_while_the_night_shift_runs_until_0800() throws SiteFileException {
        SiteFile site = ReadySites.read("plastics");
        Enterprise e = site.enterprise();

        assertThat(e.facilities()).hasSize(10);
        assertThat(e.facilities(FacilityKind.MAIN)).isEmpty();
        assertThat(site.archive().notArchived()).hasSize(5);
        assertThat(e.facilities().stream().filter(f -> site.archive().isArchived(f.id())))
                .hasSize(5);
        Facility treatment = e.facilities(FacilityKind.TREAT).get(0);
        assertThat(treatment.name()).contains("空压机").contains("光氧");
        assertThat(site.faults()).extracting(Fault::kind).contains("treatment-off", "treatment-under-load");

        Run run = Run.of(site, 7);
        assertThat(run.truth("2026-03-01T19:15", treatment.id())).startsWith("LOW,");
        assertThat(run.truth("2026-03-01T19:30", treatment.id())).startsWith("OFF,");
        assertThat(run.truth("2026-03-01T23:45", treatment.id())).startsWith("OFF,");
        assertThat(run.truth("2026-03-01T23:45", "P06")).startsWith("RUN,");
    }

    @Test
    void company_55_has_55_points_an_oversized_main_ratio_and_negative_powers() throws SiteFileException {
        SiteFile site = ReadySites.read("company-55");
        Enterprise e = site.enterprise();

        assertThat(e.facilities()).hasSize(55);
        Facility main = e.facilities(FacilityKind.MAIN).get(0);
        Meter meter = main.meter();
        assertThat(meter.configuredCt()).isNotEqualTo(meter.installedCt());
        assertThat(meter.ratioError()).isEqualTo(1000);
        List<String> reversed = new ArrayList<>();
        site.faults().stream().filter(f -> f instanceof ReversedCt).forEach(f -> reversed.add(f.target()));
        assertThat(reversed).isNotEmpty();

        Run run = Run.of(site, 7);
        assertThat(run.reading("2026-03-01T10:00", main.id(), "p_kw")).isGreaterThan(100_000);
        for (String point : reversed) {
            assertThat(run.reading("2026-03-01T10:00", point, "p_kw")).as(point).isNegative();
        }
    }

    @Test
    void chemical_workshop_meters_the_reactor_and_moulding_below_the_workshop_incomer() throws SiteFileException {
        Enterprise e = ReadySites.read("chemical-workshop").enterprise();

        Facility workshop = e.facilities(FacilityKind.PROD_TREAT).get(0);
        assertThat(workshop.name()).contains("车间总进线");
        List<Facility> below = e.facilities().stream()
                .filter(f -> workshop.id().equals(f.parentId()))
                .toList();
        assertThat(below.stream().filter(f -> f.kind() == FacilityKind.PROD))
                .extracting(Facility::name)
                .containsExactly("一车间反应釜", "一车间压模成型");
        assertThat(below.stream().filter(f -> f.kind() == FacilityKind.INDIRECT))
                .extracting(Facility::name)
                .containsExactly("一车间进料泵", "一车间温水冷却", "一车间烘箱干燥");
        assertThat(e.associations())
                .filteredOn(a -> below.stream().anyMatch(f -> f.id().equals(a.productionId())))
                .extracting(a -> e.facility(a.productionId()).orElseThrow().name())
                .containsExactly("一车间反应釜", "一车间压模成型");
    }

    @Test
    void hv_main_is_a_20_kv_three_wire_incomer_on_a_pt() throws SiteFileException {
        Facility main = ReadySites.read("hv-main")
                .enterprise()
                .facilities(FacilityKind.MAIN)
                .get(0);

        assertThat(main.circuit().nominalLineVoltageV()).isEqualTo(20_000);
        assertThat(main.circuit().wiring()).isEqualTo(Wiring.THREE_PHASE_THREE_WIRE);
        assertThat(main.circuit().pt().factor()).isEqualTo(200);
    }

    private static Map<FacilityKind, Integer> kinds(Enterprise e) {
        Map<FacilityKind, Integer> out = new EnumMap<>(FacilityKind.class);
        for (FacilityKind k : FacilityKind.values()) {
            out.put(k, e.facilities(k).size());
        }
        return out;
    }

    /** One day of a site through {@link TwinRun}, as lines. */
    private static final class Run {
        final List<String> readings;
        final List<String> truth;
        final List<String> stacks;
        final List<String> faults;

        private Run(List<String> readings, List<String> truth, List<String> stacks, List<String> faults) {
            this.readings = readings;
            this.truth = truth;
            this.stacks = stacks;
            this.faults = faults;
        }

        static Run of(SiteFile site, long seed) {
            StringBuilder r = new StringBuilder();
            StringBuilder t = new StringBuilder();
            StringBuilder s = new StringBuilder();
            StringBuilder f = new StringBuilder();
            TwinRun.run(
                    site.enterprise(),
                    site.faults(),
                    seed,
                    site.zone(),
                    START.atZone(site.zone()).toInstant(),
                    Duration.ofDays(1),
                    new TwinRun.Outputs(r, t, s, f));
            return new Run(lines(r), lines(t), lines(s), lines(f));
        }

        private static List<String> lines(StringBuilder sb) {
            return sb.length() == 0 ? List.of() : Arrays.asList(sb.toString().split("\n"));
        }

        /** truth.csv from the state on: {@code STATE,kw,kwh,faults}. */
        String truth(String intervalStart, String point) {
            String prefix = intervalStart + "," + point + ",";
            return truth.stream()
                    .filter(l -> l.startsWith(prefix))
                    .map(l -> l.substring(prefix.length()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no truth row " + prefix));
        }

        double reading(String time, String point, String column) {
            int index = Arrays.asList(readings.get(0).split(",")).indexOf(column);
            String prefix = time + "," + point + ",";
            String line = readings.stream()
                    .filter(l -> l.startsWith(prefix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no reading " + prefix));
            return Double.parseDouble(line.split(",", -1)[index]);
        }
    }
}
