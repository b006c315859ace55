package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The "main" meter sits on the production line alone, not on the incomer (the seed), so treatment and indirect
 * loads are missing from it (DQ-11 sub-meters above main, DQ-14).
 *
 * @param target the MAIN point
 * @param window when it is wired so
 */
public record MainCoversOnlyProduction(String target, Window window) implements Fault {

    @Override
    public String kind() {
        return "main-covers-only-production";
    }

    @Override
    public List<String> expectedRules() {
        return List.of("DQ-11", "DQ-14");
    }

    @Override
    public List<String> mustNotFire() {
        return List.of();
    }
}
