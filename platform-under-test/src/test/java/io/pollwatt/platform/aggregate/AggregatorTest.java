package io.pollwatt.platform.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class AggregatorTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final LocalDateTime T0 = DAY.atStartOfDay();
    /** 200 kVA × 1.2 = 240 kWh in an hour at most. */
    private static final Register METER = Register.dlt645(new BigDecimal("240"));

    private final Aggregator aggregator = new Aggregator(AggregationSettings.defaults());

    /** Register readings every 15 min from 00:00 to 24:00, {@code perStep} kWh apart, from {@code start}. */
    private static List<Reading> register(String start, String perStep, Predicate<Integer> present) {
        List<Reading> out = new ArrayList<>();
        BigDecimal e = new BigDecimal(start);
        for (int k = 0; k <= 96; k++) {
            if (present.test(k)) {
                out.add(new Reading(T0.plusMinutes(15L * k), e));
            }
            e = e.add(new BigDecimal(perStep));
        }
        return out;
    }

    private static List<Reading> power(String kw, Predicate<Integer> present) {
        List<Reading> out = new ArrayList<>();
        for (int k = 0; k < 96; k++) {
            if (present.test(k)) {
                out.add(Reading.of(T0.plusMinutes(15L * k), kw));
            }
        }
        return out;
    }

    private PointAggregate run(List<Reading> register, List<Reading> p) {
        return aggregator.aggregate(new PointInput(register, List.of(), Map.of("P", p), METER), DAY, DAY);
    }

    private static HourAggregate hour(PointAggregate a, int h) {
        return a.hours().get(h);
    }

    @Test
    void a_complete_day_gives_exact_hourly_and_daily_totals_and_means() {
        PointAggregate a = run(register("1000.00", "10.00", k -> true), power("40", k -> true));
        assertThat(a.hours()).hasSize(24).allSatisfy(h -> {
            assertThat(h.energy().published()).isEqualByComparingTo("40.00");
            assertThat(h.energy().complete()).isTrue();
            assertThat(h.valid()).isTrue();
            assertThat(h.quantities().get("P").mean()).isEqualByComparingTo("40");
        });
        DayAggregate d = a.days().get(0);
        assertThat(d.energy().published()).isEqualByComparingTo("960.00");
        assertThat(d.energy().complete()).isTrue();
        assertThat(d.valid()).isTrue();
        assertThat(d.records()).isEqualTo(96);
        assertThat(d.completeness()).isEqualTo(1.0);
        assertThat(d.quantities().get("P").max()).isEqualByComparingTo("40");
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void a_missing_inner_reading_leaves_the_hour_exact_a_missing_boundary_makes_two_hours_partial() {
        PointAggregate inner = run(register("0", "2.50", k -> k != 2), power("10", k -> k != 2));
        assertThat(hour(inner, 0).energy().published()).isEqualByComparingTo("10.00");
        assertThat(hour(inner, 0).energy().complete()).isTrue();
        assertThat(hour(inner, 0).records()).isEqualTo(3);
        assertThat(hour(inner, 0).valid()).isTrue();

        PointAggregate boundary = run(register("0", "2.50", k -> k != 4), power("10", k -> k != 4 && k != 5));
        assertThat(hour(boundary, 0).energy().published()).isNull();
        assertThat(hour(boundary, 0).energy().partial()).isTrue();
        assertThat(hour(boundary, 1).energy().published()).isNull();
        assertThat(hour(boundary, 1).records()).isEqualTo(3); // 01:15, 01:30, 01:45 (register) — P misses 01:15
        assertThat(hour(boundary, 1).quantities().get("P").count()).isEqualTo(2);
        assertThat(hour(boundary, 2).energy().published()).isEqualByComparingTo("10.00");
        // the day's boundaries are there: its energy is exact whatever is missing inside (AGG-05)
        assertThat(boundary.days().get(0).energy().published()).isEqualByComparingTo("240.00");
        assertThat(boundary.days().get(0).energy().complete()).isTrue();
    }

    @Test
    void an_hour_with_two_records_is_invalid_and_a_day_with_fewer_than_twenty_valid_hours_too() {
        PointAggregate a = run(register("0", "1", k -> k % 4 == 0 || k % 4 == 1), power("5", k -> k % 4 < 2));
        assertThat(a.hours()).allSatisfy(h -> assertThat(h.valid()).isFalse());
        assertThat(a.days().get(0).valid()).isFalse();
        assertThat(a.days().get(0).validHours()).isZero();
        assertThat(a.days().get(0).completeness()).isEqualTo(0.5);
        assertThat(a.days().get(0).quantities()).doesNotContainKey("P"); // no valid hourly mean to average
        assertThat(a.days().get(0).energy().published()).isEqualByComparingTo("96");
    }

    @Test
    void a_register_that_wraps_at_its_maximum_is_a_rollover_with_the_energy_across_it() {
        List<Reading> r = List.of(
                Reading.of(T0, "999960.00"),
                Reading.of(T0.plusMinutes(15), "999980.00"),
                Reading.of(T0.plusMinutes(30), "5.00"),
                Reading.of(T0.plusMinutes(45), "25.00"),
                Reading.of(T0.plusMinutes(60), "45.00"));
        PointAggregate a = run(r, List.of());
        assertThat(a.steps().get(1).kind()).isEqualTo(EnergyStep.Kind.ROLLOVER);
        assertThat(a.steps().get(1).delta()).isEqualByComparingTo("25.00"); // 999999.99 − 999980 + 5 + 0.01
        assertThat(hour(a, 0).energy().published()).isEqualByComparingTo("85.00");
        assertThat(hour(a, 0).energy().complete()).isTrue();
        assertThat(a.findings()).isEmpty();
    }

    @Test
    void a_replaced_meter_is_negative_energy_even_past_nine_tenths_of_the_maximum() {
        List<Reading> r = List.of(
                Reading.of(T0, "950000.00"),
                Reading.of(T0.plusMinutes(15), "950020.00"),
                Reading.of(T0.plusMinutes(30), "0.00"), // a new meter: the wrap would be 49,980 kWh in 15 min
                Reading.of(T0.plusMinutes(45), "20.00"),
                Reading.of(T0.plusMinutes(60), "40.00"));
        PointAggregate a = run(r, List.of());
        assertThat(a.steps().get(1).kind()).isEqualTo(EnergyStep.Kind.NEGATIVE);
        assertThat(hour(a, 0).energy().published()).isEqualByComparingTo("60.00"); // the three good steps
        assertThat(hour(a, 0).energy().partial()).isTrue();
        assertThat(hour(a, 0).energy().raw()).isEqualByComparingTo("-949960.00"); // what DQ-07 tests
        assertThat(a.findings()).extracting(Finding::rule).containsExactly("DQ-07");
        assertThat(a.findings().get(0).time()).isEqualTo(T0.plusMinutes(30));
    }

    @Test
    void a_jump_beyond_the_physical_cap_is_excluded_and_found() {
        List<Reading> r = new ArrayList<>(register("100", "10", k -> k <= 4));
        r.set(3, Reading.of(T0.plusMinutes(45), "50130")); // +50,000 kWh, and back down after
        PointAggregate a = run(r, List.of());
        assertThat(a.steps().get(2).kind()).isEqualTo(EnergyStep.Kind.JUMP);
        assertThat(a.steps().get(3).kind()).isEqualTo(EnergyStep.Kind.NEGATIVE);
        assertThat(hour(a, 0).energy().partial()).isTrue();
        assertThat(hour(a, 0).energy().raw()).isEqualByComparingTo("40"); // the jump and the fall cancel in raw
        assertThat(a.findings()).extracting(Finding::rule).containsExactly("DQ-13", "DQ-07");
    }

    @Test
    void readings_near_the_grid_are_snapped_others_found_and_a_second_value_for_an_instant_set_aside() {
        List<Reading> p = List.of(
                Reading.of(T0.plusSeconds(15 * 60 + 120), "10"), // 00:17:00 → 00:15
                Reading.of(T0.plusSeconds(30 * 60 - 120), "11"), // 00:28:00 → 00:30
                Reading.of(T0.plusSeconds(45 * 60 - 121), "12"), // 00:42:59 → nowhere
                Reading.of(T0.plusMinutes(15), "99"), // a second, different value for 00:15
                Reading.of(T0.plusMinutes(30), "11")); // a resend: silent
        PointAggregate a = run(List.of(), p);
        Stats s = hour(a, 0).quantities().get("P");
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.min()).isEqualByComparingTo("10");
        assertThat(s.max()).isEqualByComparingTo("11");
        assertThat(a.findings()).hasSize(2).allSatisfy(f -> assertThat(f.rule()).isEqualTo("DQ-18"));
        assertThat(a.findings()).anySatisfy(f -> assertThat(f.detail()).contains("10 kept, 99 set aside"));
    }

    @Test
    void interval_totals_give_the_hour_and_a_disagreement_with_the_register_is_found() {
        List<Reading> cou = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            cou.add(Reading.of(T0.plusMinutes(15L * k), k == 5 ? "9.90" : "10.00"));
        }
        cou.remove(7); // 01:45 never came
        AggregationSettings settings = new AggregationSettings(
                Duration.ofMinutes(15),
                Duration.ofMinutes(2),
                AggregationSettings.EnergySource.INTERVAL_COU,
                AggregationSettings.TimeLabel.START,
                3,
                20,
                2);
        PointAggregate a = new Aggregator(settings)
                .aggregate(new PointInput(register("0", "10", k -> k <= 8), cou, Map.of(), METER), DAY, DAY);
        assertThat(hour(a, 0).energy().published()).isEqualByComparingTo("40.00");
        assertThat(hour(a, 0).energy().complete()).isTrue();
        assertThat(hour(a, 1).energy().published()).isEqualByComparingTo("29.90"); // three of four, not filled in
        assertThat(hour(a, 1).energy().partial()).isTrue();
        assertThat(hour(a, 1).energy().register()).isEqualByComparingTo("40");
        assertThat(a.findings()).isEmpty(); // hour 1 has not all its totals: nothing to compare

        cou.add(Reading.of(T0.plusMinutes(105), "10.00"));
        PointAggregate complete = new Aggregator(settings)
                .aggregate(new PointInput(register("0", "10", k -> k <= 8), cou, Map.of(), METER), DAY, DAY);
        assertThat(complete.findings()).extracting(Finding::rule).containsExactly("DQ-20"); // 39.90 vs 40
    }

    @Test
    void with_end_labels_an_hour_owns_the_records_from_quarter_past_to_the_full_hour() {
        AggregationSettings end = new AggregationSettings(
                Duration.ofMinutes(15),
                Duration.ofMinutes(2),
                AggregationSettings.EnergySource.REGISTER,
                AggregationSettings.TimeLabel.END,
                3,
                20,
                2);
        List<Reading> p = List.of(
                Reading.of(T0, "1"),
                Reading.of(T0.plusMinutes(15), "2"),
                Reading.of(T0.plusMinutes(30), "3"),
                Reading.of(T0.plusMinutes(45), "4"),
                Reading.of(T0.plusMinutes(60), "5"));
        PointAggregate a =
                new Aggregator(end).aggregate(new PointInput(List.of(), List.of(), Map.of("P", p), METER), DAY, DAY);
        assertThat(hour(a, 0).quantities().get("P").mean()).isEqualByComparingTo("3.5");
        assertThat(hour(a, 0).records()).isEqualTo(4);
    }

    @Test
    void statistics_of_some_quantities_only_leave_counts_energies_and_findings_as_they_are() {
        List<Reading> i = power("12", k -> k % 2 == 0); // current in every other record, power in the first half
        List<Reading> offGrid = List.of(Reading.of(T0.plusMinutes(7), "3"));
        PointInput in = new PointInput(
                register("1000.00", "10.00", k -> true),
                List.of(),
                Map.of("P", power("40", k -> k < 48), "I", i, "Q", offGrid),
                METER);
        PointAggregate all = aggregator.aggregate(in, DAY, DAY);
        PointAggregate onlyP = new Aggregator(AggregationSettings.defaults(), "P"::equals).aggregate(in, DAY, DAY);

        assertThat(onlyP.hours()).hasSameSizeAs(all.hours());
        for (int h = 0; h < 24; h++) {
            assertThat(hour(onlyP, h).records()).isEqualTo(hour(all, h).records());
            assertThat(hour(onlyP, h).valid()).isEqualTo(hour(all, h).valid());
            assertThat(hour(onlyP, h).energy()).isEqualTo(hour(all, h).energy());
            assertThat(hour(onlyP, h).quantities().keySet()).isEqualTo(h < 12 ? Set.of("P") : Set.of());
            assertThat(hour(all, h).quantities()).containsKey("I");
        }
        assertThat(onlyP.days().get(0).quantities().get("P"))
                .isEqualTo(all.days().get(0).quantities().get("P"));
        assertThat(onlyP.days().get(0).quantities()).containsOnlyKeys("P");
        assertThat(onlyP.days().get(0).records()).isEqualTo(all.days().get(0).records());
        assertThat(onlyP.steps()).isEqualTo(all.steps());
        assertThat(onlyP.findings())
                .isEqualTo(all.findings())
                .extracting(Finding::rule)
                .contains("DQ-18");
    }

    @Test
    void a_quantity_without_statistics_still_counts_its_records_and_gives_its_findings() {
        // no register: the records present come from the quantities alone; I is the only one after noon, one reading
        // snapped from 13:16, one instant sent twice with different values and one off every grid instant
        List<Reading> i = new ArrayList<>(power("12", k -> k % 2 == 0));
        i.add(Reading.of(T0.plusMinutes(13 * 60 + 16), "5"));
        i.add(Reading.of(T0.plusMinutes(14 * 60), "6"));
        i.add(Reading.of(T0.plusMinutes(14 * 60 + 7), "7"));
        PointInput in = new PointInput(
                List.of(),
                List.of(),
                Map.of("P", power("40", k -> k < 48), "I", i, "U", power("230", k -> k < 3)),
                METER);
        PointAggregate all = aggregator.aggregate(in, DAY, DAY);
        PointAggregate onlyP = new Aggregator(AggregationSettings.defaults(), "P"::equals).aggregate(in, DAY, DAY);

        assertThat(hour(onlyP, 13).records()).isEqualTo(3); // 13:00, 13:30 and the snapped 13:16
        for (int h = 0; h < 24; h++) {
            assertThat(hour(onlyP, h).records())
                    .as("hour %d", h)
                    .isEqualTo(hour(all, h).records());
            assertThat(hour(onlyP, h).valid())
                    .as("hour %d", h)
                    .isEqualTo(hour(all, h).valid());
        }
        assertThat(onlyP.days().get(0).records()).isEqualTo(all.days().get(0).records());
        assertThat(onlyP.findings())
                .isEqualTo(all.findings())
                .extracting(Finding::detail)
                .anySatisfy(d -> assertThat(d).contains("I at ", "12 kept, 6 set aside"))
                .anySatisfy(d -> assertThat(d).contains("I stamped", "is on no grid instant"));
    }

    @Test
    void late_data_give_the_same_result_as_data_on_time() {
        List<Reading> r = register("500", "7.25", k -> true);
        List<Reading> p = power("29", k -> true);
        PointAggregate onTime = run(r, p);
        List<Reading> shuffledR = new ArrayList<>(r);
        List<Reading> shuffledP = new ArrayList<>(p);
        Collections.shuffle(shuffledR, new Random(3));
        Collections.shuffle(shuffledP, new Random(4));
        assertThat(run(shuffledR, shuffledP)).isEqualTo(onTime);
    }

    @Test
    void settings_that_cannot_work_are_refused_naming_the_key() {
        assertThatThrownBy(() -> new AggregationSettings(
                        Duration.ofMinutes(7),
                        Duration.ofMinutes(2),
                        AggregationSettings.EnergySource.REGISTER,
                        AggregationSettings.TimeLabel.START,
                        3,
                        20,
                        2))
                .hasMessageContaining("agg.realtimeIntervalMin");
        assertThatThrownBy(() -> new AggregationSettings(
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(8),
                        AggregationSettings.EnergySource.REGISTER,
                        AggregationSettings.TimeLabel.START,
                        3,
                        20,
                        2))
                .hasMessageContaining("agg.snapToleranceMin");
        assertThatThrownBy(() -> new AggregationSettings(
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(2),
                        AggregationSettings.EnergySource.REGISTER,
                        AggregationSettings.TimeLabel.START,
                        5,
                        20,
                        2))
                .hasMessageContaining("agg.minSamplesPerHour must be 1..4");
    }
}
