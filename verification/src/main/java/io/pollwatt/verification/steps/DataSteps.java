package io.pollwatt.verification.steps;

import io.cucumber.java.en.Then;
import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.series.PointSeries;
import io.pollwatt.verification.testbed.PlatformStore;
import io.pollwatt.verification.testbed.TwinTruth;
import io.pollwatt.verification.testbed.WholeDays;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the platform stored (Then), against what the twins measured: no record lost, and day energies equal to those
 * of an uninterrupted run (the twins rebuilt from the run's seed deliver every reading, {@code TwinTruth}). Points
 * that reach the platform through no archived meter are left out: they have no series.
 */
public final class DataSteps {

    private final ScenarioWorld world;

    public DataSteps(ScenarioWorld world) {
        this.world = world;
    }

    @Then("平台重启过 {int} 次")
    public void restarted(int times) {
        int got = world.result().platformRestarts();
        if (got != times) {
            throw new AssertionError("expected the platform restarted " + times + " time(s), it was " + got);
        }
    }

    /** Every archived point has every record of every whole day of the run (completeness 100 %, AGG-06). */
    @Then("平台各点位每日数据完整")
    public void every_day_complete() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Day d : days()) {
            DayAggregate day = d.aggregate();
            checked++;
            if (day.records() != day.expected()) {
                problems.add(d.enterprise() + "/" + d.point() + " " + day.day() + ": " + day.records() + " of "
                        + day.expected() + " records");
            }
        }
        if (checked == 0) {
            throw new IllegalStateException(
                    "no whole day of an archived point to check: run at least two days (the first one lacks its opening record)");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("records missing on the platform:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * Every archived point's day energy on the platform equals the difference of the twin's import register over
     * that day (what an uninterrupted run delivers), for every whole day of the run whose closing reading arrived;
     * and every day but the last has it.
     */
    @Then("平台各点位日电量与不中断运行一致")
    public void day_energy_as_uninterrupted() {
        List<String> problems = new ArrayList<>();
        int compared = 0;
        ZoneId zone = world.zone();
        for (Day d : days()) {
            DayAggregate day = d.aggregate();
            Optional<BigDecimal> expected = world.truth().dayImportKwh(d.enterprise(), d.point(), day.day(), zone);
            if (expected.isEmpty()) {
                continue; // the twin run does not cover the day's both ends
            }
            if (!day.energy().complete()) {
                if (day.day().plusDays(1).atStartOfDay(zone).toInstant().isBefore(world.runEnd())) {
                    problems.add(d.enterprise() + "/" + d.point() + " " + day.day() + ": day energy incomplete");
                }
                continue;
            }
            compared++;
            BigDecimal got = day.energy().published();
            if (got.subtract(expected.get()).abs().compareTo(TwinTruth.ENERGY_TOLERANCE) > 0) {
                problems.add(d.enterprise() + "/" + d.point() + " " + day.day() + ": platform " + got.toPlainString()
                        + " kWh, uninterrupted run " + expected.get().setScale(2, java.math.RoundingMode.HALF_UP)
                        + " kWh");
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    "day energies differ from an uninterrupted run:\n  " + String.join("\n  ", problems));
        }
        if (compared == 0) {
            throw new IllegalStateException(
                    "no day energy to compare: run at least two days from midnight (the first day lacks its opening record)");
        }
    }

    /**
     * The realtime records missing on the platform, over every archived point and the whole run after the devices'
     * first record, are exactly those of {@code [from, to)} (local times on the 15-minute grid): what the devices
     * dropped after keeping them for their retention, and nothing else.
     */
    @Then("平台缺失的实时数据恰为 {string} 至 {string}")
    public void missing_exactly(String fromText, String toText) {
        ZoneId zone = world.zone();
        LocalDateTime from = LocalDateTime.parse(fromText);
        LocalDateTime to = LocalDateTime.parse(toText);
        LocalDateTime first = LocalDateTime.ofInstant(world.runStart(), zone).plus(GRID);
        LocalDateTime end = LocalDateTime.ofInstant(world.runEnd(), zone);
        PlatformStore store = world.store();
        List<String> problems = new ArrayList<>();
        for (SiteArchive a : world.archives()) {
            for (SiteArchive.Point p : a.points()) {
                Optional<List<PointSeries.Sample>> records = store.samples(a.id(), p.id(), first, end);
                if (records.isEmpty()) {
                    continue;
                }
                java.util.Set<LocalDateTime> present = new java.util.HashSet<>();
                records.get().stream().filter(x -> x.cn().equals("2011")).forEach(x -> present.add(x.dataTime()));
                List<LocalDateTime> missing = new ArrayList<>();
                for (LocalDateTime t = first; t.isBefore(end); t = t.plus(GRID)) {
                    if (!present.contains(t)) {
                        missing.add(t);
                    }
                }
                List<LocalDateTime> expected = new ArrayList<>();
                for (LocalDateTime t = from; t.isBefore(to); t = t.plus(GRID)) {
                    expected.add(t);
                }
                if (!missing.equals(expected)) {
                    problems.add(a.id() + "/" + p.id() + ": missing " + ranges(missing));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    "expected exactly [" + from + ", " + to + ") missing:\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * Active gap fill: the platform asked the devices for the minute data of a real-time gap (2051 with
     * BeginTime/EndTime, {@code GET /api/stats} gapRequests) and holds, for every archived point the devices report, a
     * minute (2051 interval) record for each 15-minute interval of [{@code from}, {@code to}) (local times).
     */
    @Then("平台已主动补数，取回 {string} 至 {string} 每个间隔的分钟数据")
    public void gap_filled(String fromText, String toText) {
        long requests = world.result().platform().gapRequests();
        if (requests == 0) {
            throw new AssertionError("the platform never asked a device for the minute data of a gap (gapRequests 0)");
        }
        LocalDateTime from = LocalDateTime.parse(fromText);
        LocalDateTime to = LocalDateTime.parse(toText);
        PlatformStore store = world.store();
        List<String> problems = new ArrayList<>();
        int points = 0;
        for (SiteArchive a : world.archives()) {
            for (SiteArchive.Point p : a.points()) {
                Optional<List<PointSeries.Sample>> records = store.samples(a.id(), p.id(), from, to);
                if (records.isEmpty()) {
                    continue;
                }
                points++;
                java.util.Set<LocalDateTime> minute = new java.util.HashSet<>();
                records.get().stream().filter(x -> x.cn().equals("2051")).forEach(x -> minute.add(x.dataTime()));
                List<LocalDateTime> lacking = new ArrayList<>();
                for (LocalDateTime t = from; t.isBefore(to); t = t.plus(GRID)) {
                    if (!minute.contains(t)) {
                        lacking.add(t);
                    }
                }
                if (!lacking.isEmpty()) {
                    problems.add(a.id() + "/" + p.id() + ": no minute record for " + ranges(lacking));
                }
            }
        }
        if (points == 0) {
            throw new IllegalStateException("no archived point with a meter to check");
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("the platform asked " + requests + " time(s) but lacks minute data:\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static final java.time.Duration GRID = java.time.Duration.ofMinutes(15);

    /** {@code [a, b) [c, d)} of consecutive grid instants. */
    private static String ranges(List<LocalDateTime> times) {
        if (times.isEmpty()) {
            return "nothing";
        }
        StringBuilder b = new StringBuilder();
        LocalDateTime start = times.get(0);
        LocalDateTime last = start;
        for (int i = 1; i <= times.size(); i++) {
            if (i == times.size() || !times.get(i).equals(last.plus(GRID))) {
                b.append('[').append(start).append(", ").append(last.plus(GRID)).append(") ");
                if (i < times.size()) {
                    start = times.get(i);
                }
            }
            if (i < times.size()) {
                last = times.get(i);
            }
        }
        return b.toString().strip();
    }

    /** One archived point's aggregate of one whole day of the run. */
    private record Day(String enterprise, String point, DayAggregate aggregate) {}

    private List<Day> days() {
        WholeDays whole = WholeDays.of(world.runStart(), world.runEnd(), world.zone());
        List<Day> out = new ArrayList<>();
        if (whole.isEmpty()) {
            return out;
        }
        PlatformStore store = world.store();
        for (SiteArchive a : world.archives()) {
            for (SiteArchive.Point p : a.points()) {
                Optional<List<DayAggregate>> agg = store.days(a.id(), p.id(), whole.first(), whole.last());
                if (agg.isEmpty()) {
                    continue;
                }
                for (DayAggregate day : agg.get()) {
                    out.add(new Day(a.id(), p.id(), day));
                }
            }
        }
        return out;
    }
}
