package io.pollwatt.platform.series;

import io.pollwatt.platform.archive.ArchiveRegistry;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.state.DailyStatistics;
import io.pollwatt.platform.state.OperatingState;
import io.pollwatt.platform.state.PointRole;
import io.pollwatt.platform.state.PointStateMachine;
import io.pollwatt.platform.state.ReferencePower;
import io.pollwatt.platform.state.StateSettings;
import io.pollwatt.platform.state.Thresholds;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A point's operating states over stored data (ST-01…09): its thresholds from the archive (entered limits) or
 * derived from the 60 days before the range (ST-04), its state at every grid instant of the range from the total
 * active power and its data flag, and each day's operating statistics.
 */
public final class PointStates {

    /** The real-time grid (D1). */
    static final Duration INTERVAL = Duration.ofMinutes(15);

    /** How far a DataTime may be from its grid instant (AGG-01). */
    static final Duration SNAP = Duration.ofMinutes(2);

    /** The window of ST-04 ({@code state.refWindowDays}). */
    static final int REF_WINDOW_DAYS = 60;

    /** Data flags under which a value still shows the point's state (ST-07): normal, and range limit. */
    private static final Set<String> USABLE_FLAGS = Set.of("N", "T");

    private final ArchiveRegistry archive;
    private final PointSeries series;
    private final StateSettings settings;

    public PointStates(ArchiveRegistry archive, PointSeries series, StateSettings settings) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.series = Objects.requireNonNull(series, "series");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The state at one grid instant, with the power it came from (absent when NO_DATA). */
    public record StateAt(LocalDateTime time, OperatingState state, Double pKw) {}

    /** One day's statistics (ST-09). */
    public record Day(LocalDate day, double runningHours, double lowHours, int starts, int stops, Double loadRate) {}

    /** A point's states over a range. */
    public record States(String kind, Thresholds thresholds, List<StateAt> states, List<Day> days) {}

    /** The states of {@code pointId} for the days {@code first} … {@code last}; empty without archive or meter. */
    public Optional<States> states(String enterpriseId, String pointId, LocalDate first, LocalDate last)
            throws SQLException {
        Optional<SiteArchive.Point> point = archive.points(enterpriseId).stream()
                .filter(p -> p.id().equals(pointId))
                .findFirst();
        Optional<PointSeries.Source> source = series.source(enterpriseId, pointId);
        if (point.isEmpty() || source.isEmpty()) {
            return Optional.empty();
        }
        PointRole role = PointRole.of(point.get().kind().name());
        LocalDateTime from = first.atStartOfDay();
        LocalDateTime to = last.plusDays(1).atStartOfDay();
        List<Double> window = new ArrayList<>();
        power(source.get(), from.minusDays(REF_WINDOW_DAYS), from).values().forEach(p -> window.add(p));
        SiteArchive.Limits limits = point.get().limits();
        Thresholds t = Thresholds.resolve(
                role,
                limits.pOnKw(),
                limits.pRefKw(),
                limits.pHiKw(),
                limits.rLow(),
                ReferencePower.of(window, settings.pFloorKw()),
                settings);
        PointStateMachine machine =
                new PointStateMachine(role, t, settings, point.get().voltageV() / 1000.0);
        Map<LocalDateTime, Double> power = power(source.get(), from, to);
        List<StateAt> states = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        OperatingState before = OperatingState.NO_DATA;
        List<DailyStatistics.Sampled> day = new ArrayList<>();
        for (LocalDateTime at = from; at.isBefore(to); at = at.plus(INTERVAL)) {
            Double p = power.get(at);
            OperatingState s = p == null ? machine.noData() : machine.power(p);
            states.add(new StateAt(at, s, p));
            day.add(new DailyStatistics.Sampled(s, p == null ? OptionalDouble.empty() : OptionalDouble.of(p)));
            if (at.plus(INTERVAL).toLocalDate().isAfter(at.toLocalDate())) {
                DailyStatistics d = DailyStatistics.of(day, before, INTERVAL, t.pRef());
                days.add(new Day(
                        at.toLocalDate(),
                        d.runningHours(),
                        d.lowHours(),
                        d.starts(),
                        d.stops(),
                        d.loadRate().isPresent() ? d.loadRate().getAsDouble() : null));
                before = lastKnown(day, before);
                day = new ArrayList<>();
            }
        }
        return Optional.of(new States(point.get().kind().name(), t, states, days));
    }

    private static OperatingState lastKnown(List<DailyStatistics.Sampled> day, OperatingState before) {
        for (int i = day.size() - 1; i >= 0; i--) {
            if (day.get(i).state() != OperatingState.NO_DATA) {
                return day.get(i).state();
            }
        }
        return before;
    }

    /**
     * The usable total active power by grid instant in [from, to): a 2011 value that is a number, with no flag or
     * flag N or T, whose DataTime lies within 2 min of the instant (the first such record of an instant counts).
     */
    private Map<LocalDateTime, Double> power(PointSeries.Source source, LocalDateTime from, LocalDateTime to)
            throws SQLException {
        Map<LocalDateTime, Double> out = new HashMap<>();
        for (PointSeries.Sample s : series.samples(source, from.minus(SNAP), to)) {
            if (!s.cn().equals("2011")) {
                continue;
            }
            String p = s.values().get("P");
            String flag = s.values().get("P-Flag");
            if (p == null || (flag != null && !USABLE_FLAGS.contains(flag))) {
                continue;
            }
            LocalDateTime at = snap(s.dataTime());
            if (at == null || at.isBefore(from) || !at.isBefore(to)) {
                continue;
            }
            try {
                out.putIfAbsent(at, Double.parseDouble(p));
            } catch (NumberFormatException e) {
                // not a number: NO_DATA for the state
            }
        }
        return out;
    }

    private static LocalDateTime snap(LocalDateTime t) {
        long step = INTERVAL.toSeconds();
        LocalDateTime midnight = t.toLocalDate().atStartOfDay();
        long seconds = Duration.between(midnight, t).toSeconds();
        long below = Math.floorDiv(seconds, step) * step;
        if (seconds - below <= SNAP.toSeconds()) {
            return midnight.plusSeconds(below);
        }
        if (below + step - seconds <= SNAP.toSeconds()) {
            return midnight.plusSeconds(below + step);
        }
        return null;
    }
}
