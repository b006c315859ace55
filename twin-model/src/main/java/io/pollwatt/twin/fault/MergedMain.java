package io.pollwatt.twin.fault;

import java.util.List;

/**
 * The archived "main" is several sub-meters merged (the seed): the MAIN point reports only the sum of {@code
 * members}, so everything else the incomer feeds is missing from it (DQ-11 sub-meters above main, DQ-14).
 *
 * @param target the MAIN point
 * @param window when it is so
 * @param members the points whose sum it shows
 */
public record MergedMain(String target, Window window, List<String> members) implements Fault {

    public MergedMain {
        members = List.copyOf(members);
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a merged main sums at least one point");
        }
    }

    @Override
    public String kind() {
        return "merged-main";
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
