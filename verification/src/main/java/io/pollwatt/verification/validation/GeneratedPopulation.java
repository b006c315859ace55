package io.pollwatt.verification.validation;

import io.pollwatt.emulator.fleet.DevicePlan;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.population.PopulationGenerator;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.twin.site.Facility;
import io.pollwatt.twin.site.Stack;
import io.pollwatt.verification.scoring.StagedFault;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A generated population with random faults, all from one run seed: enterprise {@code V0001…} from the stream
 * {@code population/V0001}, its faults ({@link PopulationGenerator#faults}: treatment off or under-loaded, reversed
 * CT, wrong CT ratio, frozen meter, lost phase voltage) from {@code validate-faults/V0001}. One seed gives one
 * population and one fault set, whatever else the run does. Devices follow the derived plan of a site file without
 * {@code devices:} (docs/site-format.md), and the archive is what {@link PopulationArchive} enters.
 *
 * @param enterprises the twins, in id order
 * @param faults staged faults by enterprise id
 * @param plans device plans by enterprise id
 * @param archives the platform's archives, in id order
 * @param zone the enterprises' zone
 */
public record GeneratedPopulation(
        List<Enterprise> enterprises,
        Map<String, List<Fault>> faults,
        Map<String, DevicePlan> plans,
        List<SiteArchive> archives,
        ZoneId zone) {

    public GeneratedPopulation {
        enterprises = List.copyOf(enterprises);
        faults = Collections.unmodifiableMap(new LinkedHashMap<>(faults));
        plans = Collections.unmodifiableMap(new LinkedHashMap<>(plans));
        archives = List.copyOf(archives);
    }

    /**
     * Generates the population.
     *
     * @param seeds the run's streams
     * @param count how many enterprises (≥ 1)
     * @param points metering points per enterprise (≥ 4)
     * @param start the first simulated instant
     * @param period how long the run lasts; faults fall inside it
     * @param faultRate faults per enterprise and simulated day, on average (≥ 0): an enterprise gets the whole part
     *     and one more with the probability of the fraction
     * @param zone the enterprises' zone
     */
    public static GeneratedPopulation generate(
            Seeds seeds, int count, int points, Instant start, Duration period, double faultRate, ZoneId zone) {
        if (count < 1) {
            throw new IllegalArgumentException("the population needs at least 1 enterprise, got " + count);
        }
        if (!(faultRate >= 0) || Double.isInfinite(faultRate)) {
            throw new IllegalArgumentException("the fault rate must be ≥ 0 per enterprise and day, got " + faultRate);
        }
        if (period.compareTo(Duration.ofMinutes(30)) < 0) {
            throw new IllegalArgumentException("the run must last at least 30 minutes, got " + period);
        }
        List<Enterprise> enterprises = new ArrayList<>();
        Map<String, List<Fault>> faults = new LinkedHashMap<>();
        Map<String, DevicePlan> plans = new LinkedHashMap<>();
        List<SiteArchive> archives = new ArrayList<>();
        double expected = faultRate * period.toMinutes() / (24.0 * 60);
        for (int i = 1; i <= count; i++) {
            String id = "V%04d".formatted(i);
            Enterprise e = PopulationGenerator.enterprise(id, points, seeds.streamFor("population/" + id));
            Random r = seeds.streamFor("validate-faults/" + id);
            int n = (int) Math.floor(expected) + (r.nextDouble() < expected - Math.floor(expected) ? 1 : 0);
            DevicePlan plan = DevicePlan.derived(
                    id,
                    e.facilities().stream().map(Facility::id).toList(),
                    e.stacks().stream().map(Stack::id).toList(),
                    e.stacks().stream()
                            .filter(s -> s.analyzer() != null)
                            .map(Stack::id)
                            .collect(Collectors.toCollection(TreeSet::new)));
            enterprises.add(e);
            faults.put(id, PopulationGenerator.faults(e, n, start, period, r));
            plans.put(id, plan);
            archives.add(PopulationArchive.of(e, plan, zone));
        }
        return new GeneratedPopulation(enterprises, faults, plans, archives, zone);
    }

    /** Every staged fault with its enterprise: the ground truth the sweep scores against. */
    public List<StagedFault> stagedFaults() {
        List<StagedFault> out = new ArrayList<>();
        faults.forEach((id, list) -> list.forEach(f -> out.add(new StagedFault(id, zone, f))));
        return out;
    }

    /** How many faults of each kind were staged, kinds in name order. */
    public Map<String, Integer> faultKinds() {
        Map<String, Integer> out = new TreeMap<>();
        faults.values().forEach(list -> list.forEach(f -> out.merge(f.kind(), 1, Integer::sum)));
        return out;
    }
}
