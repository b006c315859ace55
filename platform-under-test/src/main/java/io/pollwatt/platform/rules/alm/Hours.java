package io.pollwatt.platform.rules.alm;

import io.pollwatt.platform.aggregate.AggregationSettings;
import io.pollwatt.platform.aggregate.HourAggregate;
import io.pollwatt.platform.aggregate.Stats;
import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.state.OperatingState;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The whole hours of the evaluated grid for the hour-based control-period rules (ALM-06 {@code mainResidual},
 * ALM-07): an hour [hh:00, hh+1:00) owns the records stamped hh:00 … hh:45 (AGG-04, START labels) and counts only when
 * all of them lie in the grid. Hourly values come from the point's aggregation (AGG-03/04) when the loader made one,
 * else from the realtime samples: the mean of the usable P samples when at least {@code agg.minSamplesPerHour} are
 * there (energy = mean P × 1 h).
 */
final class Hours {

    private Hours() {}

    /** Samples per hour (4 at Δ = 15 min). */
    static int perHour(Evaluation e) {
        return (int) Math.round(60 / e.grid().minutes());
    }

    /**
     * AGG-04's minimum records of a valid hour: {@code agg.minSamplesPerHour} when the configuration has that key, else
     * the aggregation's own default (3 of 4) — the rule configuration does not carry the key yet.
     */
    static int minSamples(Evaluation e) {
        if (e.config().all().containsKey("agg.minSamplesPerHour")) {
            return e.config().count("agg.minSamplesPerHour");
        }
        return AggregationSettings.defaults().minSamplesPerHour();
    }

    /** Whether grid index {@code i} starts an hour that lies wholly in the grid. */
    static boolean hourStart(Evaluation e, int i) {
        LocalDateTime t = e.grid().time(i);
        return t.getMinute() == 0
                && t.getSecond() == 0
                && i + perHour(e) <= e.grid().size();
    }

    /** The first index of each whole hour with its start in [from, to) and its end at or before {@code endBy}. */
    static List<Integer> starts(Evaluation e, int from, int to, int endBy) {
        int n = perHour(e);
        return java.util.stream.IntStream.range(
                        Math.max(0, from), Math.min(to, e.grid().size()))
                .filter(i -> hourStart(e, i) && i + n <= endBy)
                .boxed()
                .toList();
    }

    /** Hourly mean P (kW) of point {@code p} in the hour starting at {@code h}; NaN when the hour is not valid. */
    static double meanPower(Evaluation e, PointData p, int h) {
        Optional<HourAggregate> agg = aggregateHour(e, p, h);
        if (agg.isPresent()) {
            Stats s = agg.get().quantities().get("P");
            return agg.get().valid() && s != null ? s.mean().doubleValue() : Double.NaN;
        }
        OperatingState[] st = e.state(p.id());
        double sum = 0;
        int count = 0;
        for (int i = h; i < h + perHour(e); i++) {
            if (st[i] != OperatingState.NO_DATA && p.series().usable("P", i)) {
                sum += p.series().value("P", i);
                count++;
            }
        }
        return count >= minSamples(e) ? sum / count : Double.NaN;
    }

    /** Hourly energy (kWh) of point {@code p}: the aggregation's complete energy, else mean P × 1 h; NaN if unknown. */
    static double energy(Evaluation e, PointData p, int h) {
        Optional<HourAggregate> agg = aggregateHour(e, p, h);
        if (agg.isPresent()) {
            return agg.get().energy().complete()
                    ? agg.get().energy().published().doubleValue()
                    : Double.NaN;
        }
        return meanPower(e, p, h); // × 1 h
    }

    /** The sum of {@code f} over {@code points}; NaN when one of them is NaN or there are none. */
    static double sum(Evaluation e, List<PointData> points, int h, HourValue f) {
        if (points.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (PointData p : points) {
            sum += f.of(e, p, h);
        }
        return sum;
    }

    /** A value of one point in one hour. */
    interface HourValue {
        double of(Evaluation e, PointData p, int h);
    }

    private static Optional<HourAggregate> aggregateHour(Evaluation e, PointData p, int h) {
        LocalDateTime t = e.grid().time(h);
        return p.aggregate()
                .flatMap(a -> a.hours().stream().filter(x -> x.hour().equals(t)).findFirst());
    }

    /** Whether any sample of the hour starting at {@code h} is in an outage (ALM-11). */
    static boolean outage(Evaluation e, int h) {
        boolean[] out = e.outage();
        for (int i = h; i < h + perHour(e); i++) {
            if (out[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * An episode of consecutive hours {@code first} … {@code last} of {@code hours} as an episode of grid samples: from
     * the first hour's first sample to the last hour's last sample.
     */
    static Episodes.Episode samples(Evaluation e, List<Integer> hours, Episodes.Episode ofHours) {
        return new Episodes.Episode(
                hours.get(ofHours.start()), hours.get(ofHours.end()) + perHour(e) - 1, ofHours.open());
    }

    /** The last sample of the hour at which an hour episode reached {@code n} hours (the hour closes there), or −1. */
    static int reached(Evaluation e, List<Integer> hours, Episodes.Episode ofHours, int n) {
        int k = ofHours.reached(n);
        return k < 0 ? -1 : hours.get(k) + perHour(e) - 1;
    }
}
