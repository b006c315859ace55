package io.pollwatt.twin.fault;

import io.pollwatt.twin.electric.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * CTs connected with reversed polarity (极性反接, EM-05; §10 rows 12–15). On a 3P3W meter phase a is element 1 and
 * phase c element 2; phase b is not measured there. What a platform can see depends on the wiring: in 3P4W a
 * reversed phase shows as a negative phase power (DQ-08b) and two or more as a negative total (DQ-08a); in 3P3W
 * element 2 reversed makes the total negative (DQ-08a), element 1 reversed keeps it positive and plausible — the
 * rulebook's documented blind spot. Wherever the total is negative, a combined-energy meter's reading falls (DQ-07,
 * row 13); an import register only stalls.
 *
 * @param target the point
 * @param window when the wiring is wrong
 * @param wiring the meter's wiring
 * @param phaseA phase a (element 1) reversed
 * @param phaseB phase b reversed (3P4W only)
 * @param phaseC phase c (element 2) reversed
 * @param combinedEnergy the meter reports combined active energy (import − export)
 */
public record ReversedCt(
        String target,
        Window window,
        Wiring wiring,
        boolean phaseA,
        boolean phaseB,
        boolean phaseC,
        boolean combinedEnergy)
        implements Fault {

    public ReversedCt {
        Objects.requireNonNull(wiring, "wiring");
        if (!phaseA && !phaseB && !phaseC) {
            throw new IllegalArgumentException("a reversed-CT fault reverses at least one phase");
        }
        if (wiring == Wiring.THREE_PHASE_THREE_WIRE && phaseB) {
            throw new IllegalArgumentException("a 3P3W meter has no phase-b CT to reverse (" + target + ")");
        }
    }

    /** On a meter that reports its import register. */
    public ReversedCt(String target, Window window, Wiring wiring, boolean phaseA, boolean phaseB, boolean phaseC) {
        this(target, window, wiring, phaseA, phaseB, phaseC, false);
    }

    @Override
    public String kind() {
        return "reversed-ct";
    }

    @Override
    public List<String> expectedRules() {
        List<String> rules = new ArrayList<>();
        if (totalNegative()) {
            rules.add("DQ-08a");
        }
        if (wiring == Wiring.THREE_PHASE_FOUR_WIRE) {
            rules.add("DQ-08b"); // every reversed phase shows as a negative phase power
        }
        if (totalNegative() && combinedEnergy) {
            rules.add("DQ-07");
        }
        return List.copyOf(rules);
    }

    /** Whether the measured total P is negative: two or more of three phases in 3P4W, element 2 in 3P3W. */
    private boolean totalNegative() {
        if (wiring == Wiring.THREE_PHASE_THREE_WIRE) {
            return phaseC;
        }
        return (phaseA ? 1 : 0) + (phaseB ? 1 : 0) + (phaseC ? 1 : 0) >= 2;
    }

    @Override
    public List<String> mustNotFire() {
        if (wiring == Wiring.THREE_PHASE_THREE_WIRE) {
            return phaseA && !phaseC ? List.of("DQ-08a", "DQ-08b") : List.of("DQ-08b");
        }
        return phaseA ^ phaseB ^ phaseC && !(phaseA && phaseB && phaseC) ? List.of("DQ-08a") : List.of();
    }
}
