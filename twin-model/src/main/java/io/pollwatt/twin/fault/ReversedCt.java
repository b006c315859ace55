package io.pollwatt.twin.fault;

import java.util.List;

/**
 * CTs connected with reversed polarity (极性反接, EM-05; §10 rows 12–15). On a 3P3W meter phase a is element 1 and
 * phase c element 2.
 *
 * @param target the point
 * @param window when the wiring is wrong
 * @param phaseA phase a (element 1) reversed
 * @param phaseB phase b reversed (3P4W only)
 * @param phaseC phase c (element 2) reversed
 */
public record ReversedCt(String target, Window window, boolean phaseA, boolean phaseB, boolean phaseC)
        implements Fault {

    public ReversedCt {
        if (!phaseA && !phaseB && !phaseC) {
            throw new IllegalArgumentException("a reversed-CT fault reverses at least one phase");
        }
    }

    @Override
    public String kind() {
        return "reversed-ct";
    }

    @Override
    public List<String> expectedRules() {
        int n = (phaseA ? 1 : 0) + (phaseB ? 1 : 0) + (phaseC ? 1 : 0);
        return n == 1 && phaseB ? List.of("DQ-08b") : n == 3 ? List.of("DQ-08a", "DQ-08b", "DQ-07") : List.of("DQ-08a");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
