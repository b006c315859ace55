package io.pollwatt.twin.site;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily production shift (班次): production runs from {@code start} to {@code end} every day; an end before the
 * start crosses midnight (the plastics factory's 08:00 finish after a night shift); an end equal to the start is
 * round the clock.
 *
 * @param start start time of day
 * @param end end time of day
 */
public record Shift(LocalTime start, LocalTime end) {

    public Shift {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        // start == end is a shift round the clock (24 h)
    }

    /** Whether production runs at time of day {@code t}. */
    public boolean covers(LocalTime t) {
        if (start.equals(end)) {
            return true;
        }
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }
}
