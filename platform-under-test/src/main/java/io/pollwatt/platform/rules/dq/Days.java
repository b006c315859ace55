package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.rules.Grid;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole local days of a grid ([00:00, 24:00), rulebook AGG-05) as index ranges, for the rules evaluated at day
 * close. A day cut by the grid's start is not a day the rule can judge (its earlier samples are not in the
 * evaluation), nor is one cut by its end (it has not closed).
 */
final class Days {

    /** Samples [from, to) of one day. */
    record Day(int from, int to) {}

    private Days() {}

    /** The whole days of {@code grid} that are closed for a series known up to {@code known}. */
    static List<Day> closed(Grid grid, int known) {
        List<Day> out = new ArrayList<>();
        long perDay = Duration.ofDays(1).toSeconds() / grid.step().toSeconds();
        if (perDay <= 0 || Duration.ofDays(1).toSeconds() % grid.step().toSeconds() != 0) {
            return out;
        }
        for (int i = 0; i < grid.size(); i++) {
            if (grid.time(i).toLocalTime().equals(LocalTime.MIDNIGHT)) {
                int to = (int) (i + perDay);
                if (to <= Math.min(grid.size(), known)) {
                    out.add(new Day(i, to));
                }
                i = to - 1;
            }
        }
        return out;
    }
}
