package io.pollwatt.twin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pollwatt.twin.electric.Wiring;
import io.pollwatt.twin.fault.DutySwitch;
import io.pollwatt.twin.fault.EnterpriseOutage;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.fault.FedOutsideMain;
import io.pollwatt.twin.fault.FrozenMeter;
import io.pollwatt.twin.fault.MainCoversOnlyProduction;
import io.pollwatt.twin.fault.MergedMain;
import io.pollwatt.twin.fault.MeterOnWrongCircuit;
import io.pollwatt.twin.fault.RegisterNearMax;
import io.pollwatt.twin.fault.RegisterReset;
import io.pollwatt.twin.fault.ReversedCt;
import io.pollwatt.twin.fault.SignFlapping;
import io.pollwatt.twin.fault.TreatmentOff;
import io.pollwatt.twin.fault.TreatmentShifted;
import io.pollwatt.twin.fault.TreatmentUnderLoad;
import io.pollwatt.twin.fault.VfdFrequency;
import io.pollwatt.twin.fault.Window;
import io.pollwatt.twin.fault.WrongCtRatio;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.site.Association;
import io.pollwatt.twin.site.Circuit;
import io.pollwatt.twin.site.CtRatio;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.twin.site.Facility;
import io.pollwatt.twin.site.FacilityKind;
import io.pollwatt.twin.site.JudgementLimits;
import io.pollwatt.twin.site.LoadProfile;
import io.pollwatt.twin.site.Meter;
import io.pollwatt.twin.site.PtRatio;
import io.pollwatt.twin.site.ReportedEnergy;
import io.pollwatt.twin.site.Shift;
import io.pollwatt.twin.site.TreatmentGroup;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TwinTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant MIDNIGHT = Instant.parse("2026-02-28T16:00:00Z"); // 2026-03-01 00:00 +08:00

    static Enterprise textileLine() {
        return textileLine(ReportedEnergy.IMPORT);
    }

    /** The line with P1's meter reporting {@code p1Energy}. */
    static Enterprise textileLine(ReportedEnergy p1Energy) {
        return new Enterprise(
                "E001",
                "纺织公司",
                "临平区",
                "纺织",
                List.of(
                        point("M1", FacilityKind.MAIN, null),
                        point("P1", FacilityKind.PROD, LoadProfile.steady(55, 0.85), p1Energy),
                        point(
                                "P2",
                                FacilityKind.PROD,
                                new LoadProfile(LoadProfile.Shape.CYCLIC, 40, 0.8, 4, Duration.ofMinutes(20), 0.6, 8)),
                        point("T1", FacilityKind.TREAT, LoadProfile.steady(15, 0.85)),
                        point("T2", FacilityKind.TREAT, LoadProfile.steady(15, 0.85)),
                        point("I1", FacilityKind.INDIRECT, LoadProfile.steady(3, 0.9))),
                List.of(new TreatmentGroup(
                        "G1", List.of("T1", "T2"), 1, Duration.ofMinutes(15), Duration.ofMinutes(15))),
                List.of(new Association("P1", "G1"), new Association("P2", "G1")),
                List.of(new Shift(LocalTime.of(8, 0), LocalTime.of(20, 0))),
                List.of(),
                List.of());
    }

    private static Facility point(String id, FacilityKind kind, LoadProfile load) {
        return point(id, kind, load, ReportedEnergy.IMPORT);
    }

    private static Facility point(String id, FacilityKind kind, LoadProfile load, ReportedEnergy energy) {
        CtRatio ct = CtRatio.parse("400/5");
        return new Facility(
                id,
                id,
                kind,
                new Circuit(380, Wiring.THREE_PHASE_FOUR_WIRE, PtRatio.NONE),
                new Meter("M-" + id, ct, ct, 2, 999_999.99, energy),
                load,
                JudgementLimits.NONE,
                null);
    }

    /** Samples every 15 minutes for {@code hours}, flattened in time then archive order. */
    static List<PointSample> run(List<Fault> faults, long seed, int hours) {
        Twin twin = new Twin(textileLine(), faults, new Seeds(seed), ZONE, MIDNIGHT);
        List<PointSample> out = new ArrayList<>(twin.samples());
        for (int q = 1; q <= hours * 4; q++) {
            twin.advanceTo(MIDNIGHT.plus(Duration.ofMinutes(15L * q)));
            out.addAll(twin.samples());
        }
        return out;
    }

    private static Map<String, PointSample> at(List<PointSample> all, Instant t) {
        return all.stream()
                .filter(s -> s.at().equals(t))
                .collect(Collectors.toMap(PointSample::pointId, Function.identity()));
    }

    private static Instant local(int hour, int minute) {
        return MIDNIGHT.plus(Duration.ofHours(hour).plusMinutes(minute));
    }

    @Test
    void the_same_seed_gives_identical_output_and_another_seed_another() {
        assertThat(run(List.of(), 7, 24)).isEqualTo(run(List.of(), 7, 24));
        assertThat(run(List.of(), 8, 24)).isNotEqualTo(run(List.of(), 7, 24));
    }

    @Test
    void main_equals_the_sum_of_what_it_feeds_plus_unmetered_load() {
        List<PointSample> all = run(List.of(), 1, 24);
        for (int h = 0; h < 24; h++) {
            Map<String, PointSample> s = at(all, local(h, 0));
            double subs = s.get("P1").trueKw()
                    + s.get("P2").trueKw()
                    + s.get("T1").trueKw()
                    + s.get("T2").trueKw()
                    + s.get("I1").trueKw();
            assertThat(s.get("M1").trueKw()).isCloseTo(subs * 1.04, within(1e-9));
            double measuredSubs = s.get("P1").measured().pKw()
                    + s.get("P2").measured().pKw()
                    + s.get("T1").measured().pKw()
                    + s.get("T2").measured().pKw()
                    + s.get("I1").measured().pKw();
            assertThat(measuredSubs).isLessThanOrEqualTo(s.get("M1").measured().pKw() * 1.01 + 1e-9);
        }
    }

    @Test
    void treatment_follows_production_with_lead_and_lag_and_the_standby_stays_off() {
        List<PointSample> all = run(List.of(), 1, 24);
        assertThat(at(all, local(7, 30)).get("T1").trueState()).isEqualTo(TrueState.OFF);
        assertThat(at(all, local(7, 45)).get("T1").trueState()).isEqualTo(TrueState.RUN); // 15 min lead
        assertThat(at(all, local(7, 45)).get("P1").trueState()).isEqualTo(TrueState.OFF);
        assertThat(at(all, local(12, 0)).get("T2").trueState()).isEqualTo(TrueState.OFF); // standby
        assertThat(at(all, local(20, 0)).get("P1").trueState()).isEqualTo(TrueState.OFF); // shift ended
        assertThat(at(all, local(20, 0)).get("T1").trueState()).isEqualTo(TrueState.RUN); // 15 min lag
        assertThat(at(all, local(20, 15)).get("T1").trueState()).isEqualTo(TrueState.OFF);
    }

    @Test
    void the_register_integrates_the_measured_power() {
        Twin twin = new Twin(textileLine(), List.of(), new Seeds(3), ZONE, MIDNIGHT);
        double start = twin.samples().get(1).importKwh();
        double sum = 0;
        for (int m = 1; m <= 24 * 60; m++) {
            sum += twin.samples().get(1).measured().pKw() / 60; // P held for the minute after the sample
            twin.advanceTo(MIDNIGHT.plus(Duration.ofMinutes(m)));
        }
        assertThat(twin.samples().get(1).importKwh() - start).isCloseTo(sum, within(1e-6));
        assertThat(sum).isCloseTo(55 * 12, within(55 * 12 * 0.05));
    }

    @Test
    void each_fault_leaves_its_signature() {
        Window noon = Window.of(local(11, 0), Duration.ofHours(2));
        List<Fault> faults = List.of(
                new TreatmentOff("T1", noon),
                new ReversedCt("P1", noon, io.pollwatt.twin.electric.Wiring.THREE_PHASE_FOUR_WIRE, true, false, false),
                new WrongCtRatio("P2", noon, 5, false),
                new FrozenMeter("I1", noon));
        List<PointSample> clean = run(List.of(), 11, 24);
        List<PointSample> faulty = run(faults, 11, 24);
        Map<String, PointSample> c = at(clean, local(12, 0));
        Map<String, PointSample> f = at(faulty, local(12, 0));
        assertThat(f.get("T1").measured().pKw()).isZero();
        assertThat(f.get("T1").trueState()).isEqualTo(TrueState.OFF);
        assertThat(f.get("T1").faults()).containsExactly("treatment-off");
        assertThat(f.get("P1").measured().pKw() / f.get("P1").trueKw()).isCloseTo(1.0 / 3, within(0.02));
        assertThat(f.get("P1").measured().paKw()).isNegative();
        assertThat(f.get("P2").measured().pKw() / f.get("P2").trueKw()).isCloseTo(5, within(0.1));
        assertThat(f.get("I1").measured())
                .isEqualTo(at(faulty, local(11, 15)).get("I1").measured());
        assertThat(f.get("I1").importKwh())
                .isEqualTo(at(faulty, local(11, 15)).get("I1").importKwh());
        // outside the window the run is as without faults, up to the frozen register's lost energy
        assertThat(at(faulty, local(10, 0)).get("P1"))
                .isEqualTo(at(clean, local(10, 0)).get("P1"));
        assertThat(c.get("T1").trueState()).isEqualTo(TrueState.RUN);
    }

    @Test
    void a_combined_energy_meter_counts_down_while_its_cts_are_reversed_and_an_import_register_stalls() {
        Window noon = Window.of(local(11, 0), Duration.ofHours(2));
        for (ReportedEnergy energy : ReportedEnergy.values()) {
            boolean combined = energy == ReportedEnergy.COMBINED;
            Twin twin = new Twin(
                    textileLine(energy),
                    List.of(new ReversedCt("P1", noon, Wiring.THREE_PHASE_FOUR_WIRE, true, true, true, combined)),
                    new Seeds(5),
                    ZONE,
                    MIDNIGHT);
            twin.advanceTo(local(11, 0));
            PointSample before = twin.samples().get(1);
            twin.advanceTo(local(13, 0));
            PointSample after = twin.samples().get(1);
            double reversedKwh = after.exportKwh() - before.exportKwh();
            assertThat(reversedKwh).as(energy.name()).isCloseTo(110, within(110 * 0.05));
            assertThat(after.importKwh() - before.importKwh())
                    .as(energy.name())
                    .isCloseTo(combined ? -reversedKwh : 0, within(1e-6));
        }
    }

    @Test
    void a_reversed_ct_fault_must_state_the_register_its_meter_reports() {
        Window w = Window.of(local(9, 0), Duration.ofHours(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Twin(
                        textileLine(),
                        List.of(new ReversedCt("P1", w, Wiring.THREE_PHASE_FOUR_WIRE, true, true, true, true)),
                        new Seeds(1),
                        ZONE,
                        MIDNIGHT))
                .hasMessageContaining("states a combined-energy meter but the meter reports IMPORT");
    }

    @Test
    void under_load_outage_and_register_reset() {
        List<Fault> faults = List.of(
                new TreatmentUnderLoad("T1", Window.of(local(9, 0), Duration.ofHours(1)), 0.7),
                new EnterpriseOutage("E001", Window.of(local(14, 0), Duration.ofHours(1))),
                new RegisterReset("P1", Window.of(local(16, 0), Duration.ofMinutes(1))));
        List<PointSample> all = run(faults, 5, 24);
        PointSample slow = at(all, local(9, 30)).get("T1");
        assertThat(slow.trueState()).isEqualTo(TrueState.LOW);
        assertThat(slow.trueKw()).isCloseTo(15 * 0.343, within(15 * 0.343 * 0.05));
        Map<String, PointSample> dark = at(all, local(14, 30));
        assertThat(dark.values()).allSatisfy(s -> {
            assertThat(s.measured().uaV()).isZero();
            assertThat(s.measured().pKw()).isZero();
        });
        assertThat(at(all, local(16, 15)).get("P1").importKwh())
                .isLessThan(at(all, local(15, 45)).get("P1").importKwh())
                .isLessThan(20);
    }

    @Test
    void coupling_faults_change_who_runs_when() {
        List<Fault> faults = List.of(
                new DutySwitch("T1", Window.of(local(10, 0), Duration.ofHours(1))),
                new TreatmentShifted(
                        "T1",
                        Window.of(local(7, 0), Duration.ofHours(14)),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15)));
        List<PointSample> all = run(faults, 9, 24);
        assertThat(at(all, local(8, 0)).get("T1").trueState()).isEqualTo(TrueState.OFF); // starts 15 min late
        assertThat(at(all, local(8, 15)).get("T1").trueState()).isEqualTo(TrueState.RUN);
        assertThat(at(all, local(10, 30)).get("T1").trueState()).isEqualTo(TrueState.OFF); // duty handed over
        assertThat(at(all, local(10, 30)).get("T2").trueState()).isEqualTo(TrueState.RUN);
        assertThat(at(all, local(19, 45)).get("T1").trueState()).isEqualTo(TrueState.OFF); // stops 15 min early
        assertThat(at(all, local(19, 45)).get("P1").trueState()).isEqualTo(TrueState.RUN);
    }

    @Test
    void metering_faults_change_what_the_meters_see() {
        Window day = Window.of(local(9, 0), Duration.ofHours(2));
        List<PointSample> all = run(
                List.of(
                        new FedOutsideMain("I1", day),
                        new MeterOnWrongCircuit("T2", day, "P1"),
                        new VfdFrequency("T1", day, 45),
                        new SignFlapping("P2", day),
                        new RegisterNearMax("P1", Window.of(local(9, 0), Duration.ofMinutes(1)), 5)),
                13,
                24);
        Map<String, PointSample> s = at(all, local(10, 0));
        double withoutI1 = s.get("P1").trueKw()
                + s.get("P2").trueKw()
                + s.get("T1").trueKw()
                + s.get("T2").trueKw();
        assertThat(s.get("M1").trueKw()).isCloseTo(withoutI1 * 1.04, within(1e-9));
        assertThat(s.get("T2").measured().pKw())
                .isCloseTo(s.get("P1").measured().pKw(), within(55 * 0.03));
        assertThat(s.get("T1").measured().frequencyHz()).isEqualTo(45);
        double p2now = s.get("P2").measured().pKw();
        double p2next = at(all, local(10, 15)).get("P2").measured().pKw();
        assertThat(Math.signum(p2now) * Math.signum(p2next)).isEqualTo(-1);
        assertThat(at(all, local(10, 0)).get("P1").importKwh()).isLessThan(100); // rolled over past 999 999.99
    }

    @Test
    void a_main_on_the_production_line_misses_the_other_loads() {
        List<PointSample> all =
                run(List.of(new MainCoversOnlyProduction("M1", Window.of(local(0, 0), Duration.ofDays(1)))), 21, 24);
        Map<String, PointSample> s = at(all, local(12, 0));
        assertThat(s.get("M1").trueKw())
                .isCloseTo(s.get("P1").trueKw() + s.get("P2").trueKw(), within(1e-9));
    }

    @Test
    void a_main_merged_from_sub_meters_shows_only_their_sum() {
        List<PointSample> all = run(
                List.of(new MergedMain("M1", Window.of(local(0, 0), Duration.ofDays(1)), List.of("P1", "T1"))), 23, 24);
        Map<String, PointSample> s = at(all, local(12, 0));
        assertThat(s.get("M1").trueKw())
                .isCloseTo(s.get("P1").trueKw() + s.get("T1").trueKw(), within(1e-9));
    }

    @Test
    void a_motor_draws_more_in_its_starting_minute() {
        List<PointSample> all = run(List.of(), 31, 24);
        double starting = at(all, local(8, 0)).get("P1").trueKw(); // the shift starts at 08:00
        double running = at(all, local(8, 15)).get("P1").trueKw();
        assertThat(starting / running).isCloseTo(1.3, within(0.1));
        assertThat(at(all, local(7, 45)).get("T1").trueKw()
                        / at(all, local(8, 0)).get("T1").trueKw())
                .isCloseTo(1.3, within(0.1));
    }

    @Test
    void a_fault_on_the_wrong_kind_of_point_is_refused() {
        Window w = Window.of(local(9, 0), Duration.ofHours(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Twin(textileLine(), List.of(new TreatmentOff("P1", w)), new Seeds(1), ZONE, MIDNIGHT))
                .hasMessageContaining("treatment-off fault on P1: needs a TREAT point, got PROD");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Twin(
                        textileLine(),
                        List.of(new ReversedCt(
                                "P1", w, io.pollwatt.twin.electric.Wiring.THREE_PHASE_THREE_WIRE, true, false, false)),
                        new Seeds(1),
                        ZONE,
                        MIDNIGHT))
                .hasMessageContaining("the meter is THREE_PHASE_FOUR_WIRE");
    }

    /** EM-09: an idling motor load keeps its magnetising current, so its PF falls; at load it is the profile's. */
    @Test
    void an_idling_motor_load_has_a_low_power_factor_and_a_loaded_one_its_own() {
        List<PointSample> p2 = run(List.of(), 7, 20).stream()
                .filter(s -> s.pointId().equals("P2") && s.measured().pKw() > 0)
                .toList();
        List<PointSample> idle =
                p2.stream().filter(s -> s.measured().pKw() < 12).toList();
        List<PointSample> loaded =
                p2.stream().filter(s -> s.measured().pKw() > 32).toList();
        assertThat(idle).isNotEmpty();
        assertThat(loaded).isNotEmpty();
        // idle 8 kW of a 40 kW load at PF 0.8: Q = 0.5 x 30 kvar, PF = 8 / 17 = 0.47
        assertThat(idle).allSatisfy(s -> assertThat(s.measured().powerFactor()).isBetween(0.40, 0.55));
        assertThat(loaded)
                .allSatisfy(s -> assertThat(s.measured().powerFactor()).isBetween(0.77, 0.83));
    }
}
