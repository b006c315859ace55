package io.pollwatt.verification.testbed;

import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.sim.PointSample;
import io.pollwatt.twin.sim.StackSample;
import io.pollwatt.twin.sim.Twin;
import io.pollwatt.twin.site.Enterprise;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the twins of a run did, sampled on a grid: the meters' readings (what the devices sent) beside the truth
 * (true power and state, active faults). The twins are rebuilt from the run's seed, so they are the very twins the
 * fleet ran (the fleet derives every random stream from the run seed and the enterprise, style.md §6); a run with an
 * uplink outage still has here the readings an uninterrupted run would have delivered.
 */
public final class TwinTruth {

    private final Map<String, Map<String, List<PointSample>>> samples;
    private final Map<String, Map<String, Map<Instant, PointSample>>> minuteBefore;
    private final Map<String, Map<String, List<StackSample>>> stacks;

    private TwinTruth(
            Map<String, Map<String, List<PointSample>>> samples,
            Map<String, Map<String, Map<Instant, PointSample>>> minuteBefore,
            Map<String, Map<String, List<StackSample>>> stacks) {
        this.samples = samples;
        this.minuteBefore = minuteBefore;
        this.stacks = stacks;
    }

    /**
     * Runs the twins from {@code start} to {@code end} and keeps every point's sample at each {@code step} (the
     * devices' 15-minute grid), both ends included.
     */
    public static TwinTruth run(
            List<Enterprise> enterprises,
            Map<String, List<Fault>> faults,
            long seed,
            ZoneId zone,
            Instant start,
            Instant end,
            Duration step) {
        Seeds seeds = new Seeds(seed);
        Map<String, Map<String, List<PointSample>>> out = new LinkedHashMap<>();
        Map<String, Map<String, Map<Instant, PointSample>>> before = new LinkedHashMap<>();
        Map<String, Map<String, List<StackSample>>> stackOut = new LinkedHashMap<>();
        for (Enterprise e : enterprises) {
            Twin twin = new Twin(e, faults.getOrDefault(e.id(), List.of()), seeds, zone, start);
            Map<String, List<PointSample>> points = new LinkedHashMap<>();
            Map<String, Map<Instant, PointSample>> previous = new LinkedHashMap<>();
            Map<String, List<StackSample>> stackSamples = new LinkedHashMap<>();
            for (Instant t = start; !t.isAfter(end); t = t.plus(step)) {
                if (t.isAfter(start)) {
                    twin.advanceTo(t.minus(Twin.STEP));
                    for (PointSample s : twin.samples()) {
                        previous.computeIfAbsent(s.pointId(), k -> new LinkedHashMap<>())
                                .put(t, s);
                    }
                }
                twin.advanceTo(t);
                for (StackSample s : twin.stackSamples()) {
                    stackSamples
                            .computeIfAbsent(s.stackId(), k -> new ArrayList<>())
                            .add(s);
                }
                for (PointSample s : twin.samples()) {
                    points.computeIfAbsent(s.pointId(), k -> new ArrayList<>()).add(s);
                }
            }
            out.put(e.id(), points);
            before.put(e.id(), previous);
            stackOut.put(e.id(), stackSamples);
        }
        return new TwinTruth(out, before, stackOut);
    }

    /** A point's samples in time order; empty for an unknown enterprise or point. */
    public List<PointSample> samples(String enterpriseId, String pointId) {
        return samples.getOrDefault(enterpriseId, Map.of()).getOrDefault(pointId, List.of());
    }

    /** The enterprise's stack analysers' samples on the grid, by stack id (stacks with an analyser only). */
    public Map<String, List<StackSample>> stacks(String enterpriseId) {
        return stacks.getOrDefault(enterpriseId, Map.of());
    }

    /** The enterprise's point ids, in archive order. */
    public List<String> points(String enterpriseId) {
        return List.copyOf(samples.getOrDefault(enterpriseId, Map.of()).keySet());
    }

    /**
     * What a device polling at grid instant {@code t} may have read: the twin at {@code t} and a minute before. The
     * fleet steps the twins and polls the meters at the same virtual instant in no fixed order, so a record stamped
     * {@code t} holds one of the two; a comparison of single readings (AC-04, AC-05) tries both.
     */
    public List<PointSample> polledAt(String enterpriseId, String pointId, Instant t) {
        List<PointSample> out = new java.util.ArrayList<>(2);
        at(enterpriseId, pointId, t).ifPresent(out::add);
        PointSample b = minuteBefore
                .getOrDefault(enterpriseId, Map.of())
                .getOrDefault(pointId, Map.of())
                .get(t);
        if (b != null) {
            out.add(b);
        }
        return out;
    }

    /** Energies are sent with two decimals: a day's difference of two rounded readings may be off by one unit. */
    public static final BigDecimal ENERGY_TOLERANCE = new BigDecimal("0.011");

    /**
     * The point's import-register difference over the local {@code day}: what an uninterrupted run delivers as its
     * day energy; empty when the grid does not hold both ends of the day.
     */
    public Optional<BigDecimal> dayImportKwh(String enterpriseId, String pointId, LocalDate day, ZoneId zone) {
        Optional<PointSample> a =
                at(enterpriseId, pointId, day.atStartOfDay(zone).toInstant());
        Optional<PointSample> b =
                at(enterpriseId, pointId, day.plusDays(1).atStartOfDay(zone).toInstant());
        return a.isEmpty() || b.isEmpty()
                ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(b.get().importKwh() - a.get().importKwh()));
    }

    /** The point's sample at exactly {@code t}, if the grid has it. */
    public Optional<PointSample> at(String enterpriseId, String pointId, Instant t) {
        return samples(enterpriseId, pointId).stream()
                .filter(s -> s.at().equals(t))
                .findFirst();
    }
}
