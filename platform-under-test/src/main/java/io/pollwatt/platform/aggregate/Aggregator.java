package io.pollwatt.platform.aggregate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * AGG-01…05 over one point's readings: snapping, energy steps with the rollover, reset and jump tests (EM-07,
 * DQ-07, DQ-13), hourly and daily energy from the register and from interval totals (AGG-03, DQ-20 where both
 * came), hourly and daily means (AGG-04/05), validity and completeness (AC-11). AGG-06 (backfill) is simply a new
 * run over the affected days: the result depends only on the readings, not on when they arrived.
 */
public final class Aggregator {

    private static final BigDecimal NINE_TENTHS = new BigDecimal("0.9");
    private static final BigDecimal ONE_TENTH = new BigDecimal("0.1");
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final AggregationSettings settings;
    private final Snapper snapper;
    private final Predicate<String> statistics;

    /** An aggregator with {@code settings} that gives every quantity's statistics. */
    public Aggregator(AggregationSettings settings) {
        this(settings, q -> true);
    }

    /**
     * An aggregator that gives hourly and daily statistics (AGG-04/05) of the quantities {@code statistics} accepts
     * only. Every quantity is still snapped, counted as a record present and reported off the grid; leaving out the
     * statistics nobody reads makes a rule evaluation's aggregation about a third cheaper.
     */
    public Aggregator(AggregationSettings settings, Predicate<String> statistics) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.snapper = new Snapper(settings.interval(), settings.snapTolerance());
        this.statistics = Objects.requireNonNull(statistics, "statistics");
    }

    /** Aggregates {@code input} over the days {@code first} … {@code last}. */
    public PointAggregate aggregate(PointInput input, LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the range ends (" + last + ") before it starts (" + first + ")");
        }
        List<Finding> findings = new ArrayList<>();
        NavigableMap<LocalDateTime, Reading> register = snapper.snapAll("register reading", input.register(), findings);
        NavigableMap<LocalDateTime, Reading> intervals =
                snapper.snapAll("interval total", input.intervalTotals(), findings);
        // only the quantities whose statistics are wanted are kept by instant; the others are snapped for their
        // findings and for the instants that had a record, which is all the hours and days read of them. In name
        // order, so that findings of one time come in the same order on every run.
        Map<String, NavigableMap<LocalDateTime, Reading>> quantities = new TreeMap<>();
        Set<LocalDateTime> present = new HashSet<>(register.keySet());
        for (Map.Entry<String, List<Reading>> q : new TreeMap<>(input.quantities()).entrySet()) {
            if (statistics.test(q.getKey())) {
                NavigableMap<LocalDateTime, Reading> snapped = snapper.snapAll(q.getKey(), q.getValue(), findings);
                quantities.put(q.getKey(), snapped);
                present.addAll(snapped.keySet());
            } else {
                snapper.snapInstants(q.getKey(), q.getValue(), findings, present);
            }
        }
        TreeSet<LocalDateTime> records = new TreeSet<>(present);

        List<EnergyStep> steps = steps(register, input.meter(), findings);
        for (Reading r : intervals.values()) {
            if (r.value().signum() < 0) {
                findings.add(new Finding("DQ-07", r.time(), "interval total " + r.value() + " kWh is negative"));
            }
        }
        List<HourAggregate> hours = new ArrayList<>();
        List<DayAggregate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            List<HourAggregate> ofDay = new ArrayList<>();
            for (int h = 0; h < 24; h++) {
                LocalDateTime start = day.atTime(h, 0);
                ofDay.add(hour(start, register, intervals, steps, quantities, records, input.meter(), findings));
            }
            hours.addAll(ofDay);
            days.add(day(day, ofDay, register, intervals, steps, quantities, records));
        }
        findings.sort(Comparator.comparing(Finding::time));
        return new PointAggregate(steps, hours, days, findings);
    }

    /** AGG-02 with EM-07's rollover test and DQ-13's physical cap. */
    private static List<EnergyStep> steps(
            NavigableMap<LocalDateTime, Reading> register, Register meter, List<Finding> findings) {
        List<EnergyStep> steps = new ArrayList<>();
        Reading prev = null;
        for (Reading now : register.values()) {
            if (prev != null) {
                EnergyStep step = step(prev, now, meter);
                steps.add(step);
                if (step.kind() == EnergyStep.Kind.NEGATIVE) {
                    findings.add(new Finding(
                            "DQ-07",
                            now.time(),
                            "register fell from " + prev.value() + " to " + now.value() + " kWh (not a rollover)"));
                } else if (step.kind() == EnergyStep.Kind.JUMP) {
                    findings.add(new Finding(
                            "DQ-13",
                            now.time(),
                            "register rose by " + step.delta() + " kWh since " + prev.time()
                                    + ", more than can physically pass the meter"));
                }
            }
            prev = now;
        }
        return steps;
    }

    private static EnergyStep step(Reading prev, Reading now, Register meter) {
        BigDecimal delta = now.value().subtract(prev.value());
        BigDecimal cap = meter.capPerHour()
                .map(c -> c.multiply(BigDecimal.valueOf(
                                Duration.between(prev.time(), now.time()).toSeconds()))
                        .divide(SECONDS_PER_HOUR, java.math.MathContext.DECIMAL64))
                .orElse(null);
        if (delta.compareTo(meter.resolution().negate()) >= 0) {
            boolean jump = cap != null && delta.compareTo(cap) > 0;
            return new EnergyStep(prev.time(), now.time(), delta, jump ? EnergyStep.Kind.JUMP : EnergyStep.Kind.NORMAL);
        }
        BigDecimal across = meter.max().subtract(prev.value()).add(now.value()).add(meter.resolution());
        boolean rollover = prev.value().compareTo(meter.max().multiply(NINE_TENTHS)) > 0
                && now.value().compareTo(meter.max().multiply(ONE_TENTH)) < 0
                && (cap == null || across.compareTo(cap) <= 0);
        return rollover
                ? new EnergyStep(prev.time(), now.time(), across, EnergyStep.Kind.ROLLOVER)
                : new EnergyStep(prev.time(), now.time(), delta, EnergyStep.Kind.NEGATIVE);
    }

    private HourAggregate hour(
            LocalDateTime start,
            NavigableMap<LocalDateTime, Reading> register,
            NavigableMap<LocalDateTime, Reading> intervals,
            List<EnergyStep> steps,
            Map<String, NavigableMap<LocalDateTime, Reading>> quantities,
            TreeSet<LocalDateTime> records,
            Register meter,
            List<Finding> findings) {
        LocalDateTime end = start.plusHours(1);
        Energy energy = energy(start, end, register, intervals, steps);
        if (energy.register() != null
                && energy.intervals() != null
                && owned(intervals, start, end).size() == settings.samplesPerHour()) {
            BigDecimal gap = energy.register().subtract(energy.intervals()).abs();
            if (gap.compareTo(meter.resolution().multiply(BigDecimal.valueOf(settings.mismatchSteps()))) > 0) {
                findings.add(new Finding(
                        "DQ-20",
                        start,
                        "hour " + start + ": register gives " + energy.register() + " kWh, interval totals "
                                + energy.intervals() + " kWh"));
            }
        }
        int present = owned(records, start, end).size();
        Map<String, Stats> stats = new LinkedHashMap<>();
        quantities.forEach((name, series) -> {
            List<BigDecimal> values =
                    owned(series, start, end).stream().map(Reading::value).toList();
            if (!values.isEmpty()) {
                stats.put(name, Stats.of(values));
            }
        });
        return new HourAggregate(start, present, present >= settings.minSamplesPerHour(), energy, stats);
    }

    private DayAggregate day(
            LocalDate day,
            List<HourAggregate> hours,
            NavigableMap<LocalDateTime, Reading> register,
            NavigableMap<LocalDateTime, Reading> intervals,
            List<EnergyStep> steps,
            Map<String, NavigableMap<LocalDateTime, Reading>> quantities,
            TreeSet<LocalDateTime> records) {
        LocalDateTime start = day.atStartOfDay();
        LocalDateTime end = start.plusDays(1);
        Energy energy = energy(start, end, register, intervals, steps);
        List<HourAggregate> valid = hours.stream().filter(HourAggregate::valid).toList();
        Map<String, Stats> stats = new LinkedHashMap<>();
        quantities.forEach((name, series) -> {
            List<BigDecimal> means = valid.stream()
                    .map(h -> h.quantities().get(name))
                    .filter(Objects::nonNull)
                    .map(Stats::mean)
                    .toList();
            List<BigDecimal> all =
                    owned(series, start, end).stream().map(Reading::value).toList();
            if (!means.isEmpty()) {
                Stats m = Stats.of(means);
                stats.put(
                        name,
                        new Stats(
                                m.count(),
                                m.mean(),
                                all.stream().min(BigDecimal::compareTo).orElseThrow(),
                                all.stream().max(BigDecimal::compareTo).orElseThrow()));
            }
        });
        int expected =
                (int) (Duration.ofDays(1).toSeconds() / settings.interval().toSeconds());
        return new DayAggregate(
                day,
                owned(records, start, end).size(),
                expected,
                valid.size(),
                valid.size() >= settings.minValidHoursPerDay(),
                energy,
                stats);
    }

    /**
     * The energy of [start, end): from the register, the steps between the two boundary readings (AGG-03 REGISTER:
     * inner readings not needed); from interval totals, the sum of those the period owns (INTERVAL_COU).
     */
    private Energy energy(
            LocalDateTime start,
            LocalDateTime end,
            NavigableMap<LocalDateTime, Reading> register,
            NavigableMap<LocalDateTime, Reading> intervals,
            List<EnergyStep> steps) {
        BigDecimal fromRegister = null;
        BigDecimal raw = null;
        boolean excluded = false;
        if (register.containsKey(start) && register.containsKey(end)) {
            fromRegister = BigDecimal.ZERO;
            raw = BigDecimal.ZERO;
            // the steps run in time order, one after another: those of [start, end) are one run of the list, found
            // by bisection (a scan of every step for every hour and day was the rule ticks' hottest loop)
            for (int i = firstFrom(steps, start); i < steps.size(); i++) {
                EnergyStep s = steps.get(i);
                if (s.to().isAfter(end)) {
                    break;
                }
                raw = raw.add(s.delta());
                if (s.kind().published()) {
                    fromRegister = fromRegister.add(s.delta());
                } else {
                    excluded = true;
                }
            }
        }
        List<Reading> owned = owned(intervals, start, end);
        BigDecimal fromIntervals = null;
        boolean intervalsMissing = owned.size()
                < Duration.between(start, end).toSeconds() / settings.interval().toSeconds();
        for (Reading r : owned) {
            if (r.value().signum() < 0) {
                intervalsMissing = true; // a negative total is excluded like a negative step (DQ-07)
                continue;
            }
            fromIntervals = fromIntervals == null ? r.value() : fromIntervals.add(r.value());
        }
        return settings.energySource() == AggregationSettings.EnergySource.REGISTER
                ? new Energy(fromRegister, fromRegister == null || excluded, raw, fromRegister, fromIntervals)
                : new Energy(
                        fromIntervals, fromIntervals == null || intervalsMissing, raw, fromRegister, fromIntervals);
    }

    /** The index of the first step starting at or after {@code t} ({@code steps.size()} when none does). */
    private static int firstFrom(List<EnergyStep> steps, LocalDateTime t) {
        int lo = 0;
        int hi = steps.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps.get(mid).from().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The grid instants of {@code series} that [start, end) owns under the time label (AGG-04). */
    private List<Reading> owned(NavigableMap<LocalDateTime, Reading> series, LocalDateTime start, LocalDateTime end) {
        // one pass over the view: copying it whole (List.copyOf) walks a sub-map twice, once only to count it, and
        // this runs for every quantity of every hour on every rule tick
        List<Reading> out = new ArrayList<>();
        for (Reading r : settings.label() == AggregationSettings.TimeLabel.START
                ? series.subMap(start, true, end, false).values()
                : series.subMap(start, false, end, true).values()) {
            out.add(r);
        }
        return out;
    }

    private java.util.NavigableSet<LocalDateTime> owned(
            TreeSet<LocalDateTime> instants, LocalDateTime start, LocalDateTime end) {
        return settings.label() == AggregationSettings.TimeLabel.START
                ? instants.subSet(start, true, end, false)
                : instants.subSet(start, false, end, true);
    }
}
