package io.pollwatt.twin.fault;

import io.pollwatt.twin.electric.Wiring;
import java.util.List;
import java.util.Objects;

/**
 * CTs connected with reversed polarity (极性反接, EM-05; §10 rows 12–15). On a 3P3W meter phase a is element 1 and
 * phase c element 2; phase b is not measured there. What a platform can see depends on the wiring: in 3P4W a
 * reversed phase shows as a negative phase power (DQ-08b) and two or more as a negative total (DQ-08a); in 3P3W
 * element 2 reversed makes the total negative (DQ-08a), element 1 reversed keeps it positive and plausible — the
 * rulebook's documented blind spot.
 *
 * @param target the point
 * @param window when the wiring is wrong
 * @param wiring the meter's wiring
 * @param phaseA phase a (element 1) reversed
 * @param phaseB phase b reversed (3P4W only)
 * @param phaseC phase c (element 2) reversed
 */
public record ReversedCt(String target, Window window, Wiring wiring, boolean phaseA, boolean phaseB, boolean phaseC)
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

    @Override
    public String kind() {
        return "reversed-ct";
    }

    @Override
    public List<String> expectedRules() {
        if (wiring == Wiring.THREE_PHASE_THREE_WIRE) {
            if (phaseA && phaseC) {
                return List.of("DQ-08a", "DQ-07");
            }
            return phaseC ? List.of("DQ-08a") : List.of();
        }
        int reversed = (phaseA ? 1 : 0) + (phaseB ? 1 : 0) + (phaseC ? 1 : 0);
        return reversed == 1
                ? List.of("DQ-08b")
                : reversed == 2 ? List.of("DQ-08a", "DQ-08b") : List.of("DQ-08a", "DQ-08b", "DQ-07");
    }

    @Override
    public List<String> mustNotFire() {
        if (wiring == Wiring.THREE_PHASE_THREE_WIRE) {
            return phaseA && !phaseC ? List.of("DQ-08a", "DQ-08b") : List.of("DQ-08b");
        }
        return phaseA ^ phaseB ^ phaseC && !(phaseA && phaseB && phaseC) ? List.of("DQ-08a") : List.of();
    }
}
