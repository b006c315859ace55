package io.pollwatt.platform.series;

import io.pollwatt.platform.state.OperatingState;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A point's live state (实时工况): its operating state (ST-01…07) at its latest real-time record, as {@link PointStates}
 * finds it over that record's day, so the dashboard shows the state the rules would see and not a bare comparison
 * of the last value with P_on (hysteresis and flags count). How old it is shows in {@link Live#time()}.
 */
public final class LiveStates {

    private final PointSeries series;
    private final PointStates states;

    public LiveStates(PointSeries series, PointStates states) {
        this.series = Objects.requireNonNull(series, "series");
        this.states = Objects.requireNonNull(states, "states");
    }

    /**
     * The state at the latest real-time record.
     *
     * @param time the grid instant of the latest record (local DataTime)
     * @param state its state; NO_DATA when that record's power is unusable (flag, not a number)
     * @param pKw the total active power it came from, absent when NO_DATA
     */
    public record Live(LocalDateTime time, OperatingState state, Double pKw) {
        public Live {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(state, "state");
        }
    }

    /** The live state of {@code pointId}; empty when no meter reports the point or it never sent a record. */
    public Optional<Live> live(String enterpriseId, String pointId) throws SQLException {
        Optional<PointSeries.Source> source = series.source(enterpriseId, pointId);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Optional<PointSeries.Sample> latest = series.latest(source.get());
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        // a DataTime within AGG-01's ±2 min belongs to the grid instant it snaps to
        LocalDateTime last = latest.get().dataTime().plus(PointStates.SNAP);
        Optional<PointStates.States> day = states.states(enterpriseId, pointId, last.toLocalDate(), last.toLocalDate());
        if (day.isEmpty()) {
            return Optional.empty();
        }
        List<PointStates.StateAt> at = day.get().states();
        for (int i = at.size() - 1; i >= 0; i--) {
            PointStates.StateAt s = at.get(i);
            if (!s.time().isAfter(last)) {
                return Optional.of(new Live(s.time(), s.state(), s.pKw()));
            }
        }
        return Optional.empty();
    }
}
