package io.pollwatt.twin.fault;

import java.util.List;
import java.util.Objects;

/**
 * Domain-rules §10 as data: each field fault to inject, the fault kinds of this catalogue that stage it, the rules
 * a platform must raise and those that must not fire. The scenario catalogue builds one scenario per row; a test
 * keeps every row consistent with the fault records' own {@link Fault#expectedRules()}.
 */
public final class ScenarioMatrix {

    /**
     * One row of §10.
     *
     * @param row the row number in domain-rules §10
     * @param fault the field fault, as the rulebook words it
     * @param faultKinds the {@link Fault#kind()} names that stage it (empty: normal operation)
     * @param expected rules that must fire
     * @param mustNotFire rules that must not fire ({@code ALM-*}: none of that family)
     * @param note conditions the rulebook attaches (run length, documented blind spots)
     */
    public record Row(
            int row,
            String fault,
            List<String> faultKinds,
            List<String> expected,
            List<String> mustNotFire,
            String note) {
        public Row {
            Objects.requireNonNull(fault, "fault");
            faultKinds = List.copyOf(faultKinds);
            expected = List.copyOf(expected);
            mustNotFire = List.copyOf(mustNotFire);
            Objects.requireNonNull(note, "note");
        }
    }

    private static final List<Row> ROWS = List.of(
            new Row(
                    1,
                    "treatment off 2 h mid-production",
                    List.of("treatment-off"),
                    List.of("ALM-01"),
                    List.of("DQ-*"),
                    "level 2"),
            new Row(
                    2,
                    "treatment on one sample after production starts",
                    List.of("treatment-shifted"),
                    List.of("ALM-02"),
                    List.of("ALM-01"),
                    "startDelay 15 min, stopAdvance 0"),
            new Row(
                    3,
                    "treatment off one sample before production stops",
                    List.of("treatment-shifted"),
                    List.of("ALM-03"),
                    List.of("ALM-01"),
                    "startDelay 0, stopAdvance 15 min"),
            new Row(
                    4,
                    "treatment never on during a 4 h production run",
                    List.of("treatment-off"),
                    List.of("ALM-01"),
                    List.of("DQ-*"),
                    "not started; §10 lists no must-not, DQ-* as in row 1"),
            new Row(
                    5,
                    "treatment fan at 70 % speed (P ≈ 0.34·P_ref)",
                    List.of("treatment-under-load"),
                    List.of("ALM-04"),
                    List.of("ALM-01"),
                    ""),
            new Row(
                    6,
                    "primary off, backup on at the next sample",
                    List.of("duty-switch"),
                    List.of(),
                    List.of("ALM-01", "ALM-03"),
                    ""),
            new Row(
                    7,
                    "production running inside a STOP window",
                    List.of("production-in-stop"),
                    List.of("ALM-06"),
                    List.of(),
                    "level 1"),
            new Row(
                    8,
                    "production at 80 % of baseline during a 50 % LIMIT",
                    List.of("production-above-limit"),
                    List.of("ALM-07"),
                    List.of(),
                    ""),
            new Row(
                    9,
                    "enterprise outage (all voltages 0)",
                    List.of("enterprise-outage"),
                    List.of("ALM-11"),
                    List.of("ALM-01"),
                    "association alarms suppressed"),
            new Row(
                    10,
                    "DTU uplink lost 6 h, then resend",
                    List.of("uplink-outage"),
                    List.of("DQ-06"),
                    List.of("DQ-05"),
                    "DQ-06 closed recoveredByResend; full aggregates"),
            new Row(
                    11,
                    "MN not delivered (device uses a default MN)",
                    List.of("mn-not-delivered"),
                    List.of("DQ-15", "DQ-05"),
                    List.of(),
                    ""),
            new Row(
                    12,
                    "3P4W, one CT reversed",
                    List.of("reversed-ct"),
                    List.of("DQ-08b"),
                    List.of("DQ-08a"),
                    "phase named; P ≈ 1/3 of true"),
            new Row(
                    13,
                    "3P4W, all CTs reversed, combined-energy meter",
                    List.of("reversed-ct"),
                    List.of("DQ-08a", "DQ-08b", "DQ-07"),
                    List.of(),
                    "state from |I|"),
            new Row(14, "3P3W, element 2 reversed", List.of("reversed-ct"), List.of("DQ-08a"), List.of("DQ-08b"), ""),
            new Row(
                    15,
                    "3P3W, element 1 reversed",
                    List.of("reversed-ct"),
                    List.of(),
                    List.of("DQ-08a", "DQ-08b"),
                    "documented blind spot; DQ-11/DQ-16 if sums disagree"),
            new Row(
                    16,
                    "MAIN CT ratio entered 5× too large",
                    List.of("wrong-ct-ratio"),
                    List.of("DQ-14"),
                    List.of(),
                    "sub-points carry ≤ 90 % of the true MAIN energy; run ≥ 3 days; possibly DQ-10"),
            new Row(
                    17,
                    "ratio applied twice on a sub-meter",
                    List.of("wrong-ct-ratio"),
                    List.of("DQ-10", "DQ-11"),
                    List.of(),
                    "at least one of DQ-10 and DQ-11; DQ-09 only if applied to energy alone"),
            new Row(
                    18,
                    "meter replaced, register restarts at 0",
                    List.of("register-reset"),
                    List.of("DQ-07"),
                    List.of(),
                    ""),
            new Row(
                    19,
                    "register rollover at maximum",
                    List.of("register-rollover"),
                    List.of(),
                    List.of("DQ-07"),
                    "ΔE correct"),
            new Row(
                    20,
                    "register jump +50 000 kWh",
                    List.of("register-jump"),
                    List.of("DQ-13", "DQ-09", "DQ-10"),
                    List.of(),
                    "via the physical cap, below the 100 000 kWh type cap"),
            new Row(21, "frozen meter, same P for 3 h", List.of("frozen-meter"), List.of("DQ-12"), List.of(), ""),
            new Row(
                    22,
                    "treatment meter actually on a production circuit",
                    List.of("meter-on-wrong-circuit"),
                    List.of("DQ-16"),
                    List.of(),
                    "suspected; run ≥ 7 days; ALM-01 may be missed (documented)"),
            new Row(
                    23,
                    "sub-meter fed from a second transformer outside MAIN",
                    List.of("fed-outside-main"),
                    List.of("DQ-11"),
                    List.of(),
                    ""),
            new Row(
                    24,
                    "enterprise with no MAIN point",
                    List.of("archive-no-main-point"),
                    List.of("DQ-02"),
                    List.of(),
                    ""),
            new Row(25, "phase-b voltage lost", List.of("phase-voltage-lost"), List.of("DQ-17"), List.of(), ""),
            new Row(26, "DTU clock 20 min fast", List.of("clock-drift"), List.of("DQ-18"), List.of(), ""),
            new Row(
                    27,
                    "treatment running, production off",
                    List.of("treatment-runs-alone"),
                    List.of(),
                    List.of("ALM-*"),
                    ""),
            new Row(28, "both off", List.of(), List.of(), List.of("ALM-*"), "normal operation outside shifts"),
            new Row(
                    29,
                    "enterprise-entered P_on far above the real load",
                    List.of("archive-p-on-too-high"),
                    List.of("DQ-16"),
                    List.of(),
                    "seed: 70 kW threshold, ≈ 15 kW load; run ≥ 30 days; DQ-16(d)"),
            new Row(
                    30,
                    "meter output alternating in sign",
                    List.of("sign-flapping"),
                    List.of("DQ-08c"),
                    List.of(),
                    "absolute-value or wiring fault (seed)"),
            new Row(
                    31,
                    "10 meters behind a registered MN, 5 registered",
                    List.of("archive-unregistered-points"),
                    List.of("DQ-15"),
                    List.of("DQ-05"),
                    "unregistered point; DQ-05 must not fire for the registered 5"),
            new Row(
                    32,
                    "meter installed on a VFD output, drive below 49.5 Hz",
                    List.of("vfd-output"),
                    List.of("DQ-17"),
                    List.of(),
                    "frequency"));

    private ScenarioMatrix() {}

    /** All rows, in the rulebook's order. */
    public static List<Row> rows() {
        return ROWS;
    }

    /** One row by its number. */
    public static Row row(int number) {
        return ROWS.stream()
                .filter(r -> r.row() == number)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("§10 has no row " + number));
    }
}
