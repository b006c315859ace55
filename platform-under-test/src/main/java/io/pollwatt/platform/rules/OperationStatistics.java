package io.pollwatt.platform.rules;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.state.DailyStatistics;
import io.pollwatt.platform.state.OperatingState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * ST-09 over one evaluation, day by day: each point's daily statistics, each treatment group's (from its ST-08 state,
 * switch-overs counted as RUN), and the enterprise's synchronous-operation rate. Pure: it reads the evaluation's
 * states, so whatever the SAMPLE-stage rules marked NO_DATA or put on the fallback before is already in them.
 *
 * <p>Synchronous-operation rate: over the samples at which some production point with a required group (§1.2) is
 * running and every group required by the running production points has data (state not NO_DATA), the share at
 * which every one of those groups is RUN. A production point with no required group says nothing about treatment
 * and is left out. No such sample in a day: no rate.
 */
public final class OperationStatistics {

    private OperationStatistics() {}

    /** One point's day. */
    public record PointDay(String id, SiteArchive.PointKind kind, DailyStatistics statistics) {}

    /**
     * One treatment group's day: its statistics (running = RUN, low = LOW; no load rate) and its state at every grid
     * instant of the day.
     */
    public record GroupDay(
            String id, List<String> members, int required, DailyStatistics statistics, List<OperatingState> states) {

        public GroupDay {
            members = List.copyOf(members);
            states = List.copyOf(states);
        }

        /** The states as one character per instant: {@link #code}. */
        public String compactStates() {
            StringBuilder b = new StringBuilder(states.size());
            states.forEach(s -> b.append(code(s)));
            return b.toString();
        }
    }

    /**
     * The synchronous-operation rate of a day.
     *
     * @param rate synchronous ÷ production samples; empty when no production sample counted
     * @param synchronousSamples production samples at which every required group ran
     * @param productionSamples samples with production running and every group it requires having data
     */
    public record SynchronousRate(OptionalDouble rate, int synchronousSamples, int productionSamples) {}

    /** One day of an enterprise. */
    public record Day(LocalDate day, List<PointDay> points, List<GroupDay> groups, SynchronousRate synchronousRate) {

        public Day {
            points = List.copyOf(points);
            groups = List.copyOf(groups);
        }
    }

    /** The state's one-character code: R RUN, H HIGH, L LOW, O OFF, {@code -} NO_DATA. */
    public static char code(OperatingState s) {
        return switch (s) {
            case RUN -> 'R';
            case HIGH -> 'H';
            case LOW -> 'L';
            case OFF -> 'O';
            case NO_DATA -> '-';
        };
    }

    /**
     * The days {@code first} … {@code last} of {@code e}; a day's samples are the grid instants on it (a day outside
     * the grid has none). The state before a day is the last state with data before it on the grid (warm-up).
     */
    public static List<Day> of(Evaluation e, LocalDate first, LocalDate last) {
        Objects.requireNonNull(e, "e");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("last day " + last + " is before the first " + first);
        }
        Grid grid = e.grid();
        List<Day> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            int from = grid.ceil(d.atStartOfDay());
            int to = grid.ceil(d.plusDays(1).atStartOfDay());
            List<PointDay> points = new ArrayList<>();
            for (PointData p : e.data().points().values()) {
                points.add(new PointDay(p.id(), p.kind(), pointDay(e, p, from, to)));
            }
            List<GroupDay> groups = new ArrayList<>();
            for (SiteArchive.Group g : e.groups().values()) {
                OperatingState[] s = e.groupState(g.id());
                List<DailyStatistics.Sampled> day = new ArrayList<>();
                List<OperatingState> states = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    day.add(new DailyStatistics.Sampled(s[i], OptionalDouble.empty()));
                    states.add(s[i]);
                }
                DailyStatistics st = DailyStatistics.of(day, before(s, from), e.interval(), OptionalDouble.empty());
                groups.add(new GroupDay(g.id(), g.members(), g.required(), st, states));
            }
            out.add(new Day(d, points, groups, synchronousRate(e, from, to)));
        }
        return out;
    }

    private static DailyStatistics pointDay(Evaluation e, PointData p, int from, int to) {
        OperatingState[] s = e.state(p.id());
        List<DailyStatistics.Sampled> day = new ArrayList<>();
        for (int i = from; i < to; i++) {
            OptionalDouble pKw = s[i] != OperatingState.NO_DATA && p.series().usable("P", i)
                    ? OptionalDouble.of(p.series().value("P", i))
                    : OptionalDouble.empty();
            day.add(new DailyStatistics.Sampled(s[i], pKw));
        }
        return DailyStatistics.of(
                day, before(s, from), e.interval(), p.thresholds().pRef());
    }

    /** The last state with data before {@code i}, NO_DATA when none. */
    private static OperatingState before(OperatingState[] s, int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (s[k] != OperatingState.NO_DATA) {
                return s[k];
            }
        }
        return OperatingState.NO_DATA;
    }

    /** The synchronous-operation rate over samples [from, to). */
    public static SynchronousRate synchronousRate(Evaluation e, int from, int to) {
        List<String> production = e.associatedProduction();
        int synchronous = 0;
        int counted = 0;
        Set<String> needed = new LinkedHashSet<>();
        for (int i = from; i < to; i++) {
            needed.clear();
            for (String p : production) {
                if (e.state(p)[i].running()) {
                    needed.addAll(e.required(p));
                }
            }
            if (needed.isEmpty()) {
                continue; // no production running
            }
            boolean data = true;
            boolean all = true;
            for (String g : needed) {
                OperatingState s = e.groupState(g)[i];
                data &= s != OperatingState.NO_DATA;
                all &= s == OperatingState.RUN;
            }
            if (!data) {
                continue;
            }
            counted++;
            if (all) {
                synchronous++;
            }
        }
        return new SynchronousRate(
                counted == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) synchronous / counted),
                synchronous,
                counted);
    }
}
