package io.pollwatt.verification.steps;

import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.report.model.Completeness;
import io.pollwatt.report.model.EnergyDay;
import io.pollwatt.report.model.OperatingState;
import io.pollwatt.report.model.PointRole;
import io.pollwatt.report.model.RaisedAlarm;
import io.pollwatt.report.model.Sample;
import io.pollwatt.report.model.ScenarioReport;
import io.pollwatt.report.model.ScenarioStatus;
import io.pollwatt.report.model.StateBand;
import io.pollwatt.report.model.TruthWindow;
import io.pollwatt.report.model.TvocSample;
import io.pollwatt.report.model.TvocSeries;
import io.pollwatt.twin.sim.PointSample;
import io.pollwatt.twin.sim.TrueState;
import io.pollwatt.twin.site.Facility;
import io.pollwatt.twin.site.FacilityKind;
import io.pollwatt.verification.scoring.ScenarioScore;
import io.pollwatt.verification.site.SiteFile;
import io.pollwatt.verification.testbed.PlatformStore;
import io.pollwatt.verification.testbed.WholeDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the human report shows of one scenario, as the plain records of {@code reports}: each point's load curve and
 * true states (the twins, on the devices' 15-minute grid), the staged faults, the platform's alarms with the fault
 * each one detected, and from the platform's store the day energies and completeness of whole days.
 */
final class ScenarioReports {

    private ScenarioReports() {}

    static ScenarioReport of(
            ScenarioWorld world,
            String name,
            String uri,
            int line,
            List<String> tags,
            String status,
            String error,
            ScenarioScore score) {
        ScenarioStatus st = switch (status) {
            case "PASSED" -> ScenarioStatus.PASSED;
            case "SKIPPED", "PENDING", "UNDEFINED" -> ScenarioStatus.SKIPPED;
            default -> ScenarioStatus.FAILED;
        };
        List<io.pollwatt.report.model.PointSeries> curves = new ArrayList<>();
        List<StateBand> states = new ArrayList<>();
        for (SiteFile site : world.sites()) {
            String e = site.enterprise().id();
            for (Facility f : site.enterprise().facilities()) {
                List<PointSample> samples = world.truth().samples(e, f.id());
                if (samples.isEmpty()) {
                    continue;
                }
                curves.add(new io.pollwatt.report.model.PointSeries(
                        f.id(),
                        f.id() + " " + f.name(),
                        role(f.kind()),
                        samples.stream()
                                .map(s -> new Sample(
                                        s.at(),
                                        s.measured().pKw(),
                                        s.measured().meanCurrentA(f.circuit().wiring())))
                                .toList()));
                states.addAll(bands(f.id(), samples));
            }
        }
        List<TruthWindow> faults = world.stagedFaults().stream()
                .map(s -> new TruthWindow(
                        s.fault().kind(),
                        s.fault().target(),
                        s.fault().window().start(),
                        s.fault().window().end(),
                        s.expectedRules()))
                .toList();
        Map<Long, String> matched = new LinkedHashMap<>();
        score.alarms().forEach(a -> {
            if (a.matchedFault() != null) {
                matched.put(a.alarmId(), a.matchedFault());
            }
        });
        ZoneId zone = world.zone();
        PlatformStore store = world.store();
        List<RaisedAlarm> alarms = new ArrayList<>();
        for (Alarm a : world.alarms()) {
            alarms.add(new RaisedAlarm(
                    Long.toString(a.id()),
                    a.ruleId(),
                    a.subtype(),
                    Math.max(1, Math.min(3, a.level())),
                    a.key(),
                    a.points(),
                    a.start().atZone(zone).toInstant(),
                    a.end() == null ? null : a.end().atZone(zone).toInstant(),
                    evidenceFrames(world, store, a),
                    null,
                    matched.get(a.id())));
        }
        List<TvocSeries> tvoc = new ArrayList<>();
        for (SiteFile site : world.sites()) {
            String e = site.enterprise().id();
            world.truth().stacks(e).forEach((stackId, samples) -> {
                List<String> treatment = site.enterprise().stacks().stream()
                        .filter(stack -> stack.id().equals(stackId))
                        .flatMap(stack -> stack.groupIds().stream())
                        .flatMap(g -> site.enterprise().groups().stream().filter(x -> x.id().equals(g)))
                        .flatMap(g -> g.members().stream())
                        .toList();
                tvoc.add(new TvocSeries(
                        stackId,
                        stackId + " 排放口",
                        null,
                        samples.stream()
                                .map(x -> new TvocSample(x.at(), x.tvocMgM3()))
                                .toList(),
                        states.stream()
                                .filter(b -> !treatment.isEmpty() && b.pointId().equals(treatment.get(0)))
                                .toList()));
            });
        }
        List<EnergyDay> energy = new ArrayList<>();
        List<Completeness> completeness = new ArrayList<>();
        platformDays(world, energy, completeness);
        return new ScenarioReport(
                name, uri, line, tags, st, error, curves, states, faults, alarms, tvoc, energy, completeness);
    }

    /** How many frames the report shows beside an alarm, and how far from its start they may have arrived. */
    private static final int FRAMES = 3;

    private static final java.time.Duration FRAME_WINDOW = java.time.Duration.ofMinutes(15);

    /**
     * The first frames the platform's evidence log holds from the devices of the alarm's points around its start:
     * what the alarm was raised on, as received.
     */
    private static List<String> evidenceFrames(ScenarioWorld world, PlatformStore store, Alarm a) {
        List<String> mns = new ArrayList<>();
        for (String point : a.points()) {
            store.mn(a.enterpriseId(), point).filter(m -> !mns.contains(m)).ifPresent(mns::add);
        }
        Instant at = a.start().atZone(world.zone()).toInstant();
        return store.acceptedFrames(mns, at.minus(FRAME_WINDOW), at.plus(FRAME_WINDOW), FRAMES);
    }

    private static PointRole role(FacilityKind kind) {
        return PointRole.valueOf(kind.name()); // the report's roles are the rulebook's point types
    }

    private static OperatingState state(TrueState s) {
        return switch (s) {
            case OFF -> OperatingState.OFF;
            case LOW -> OperatingState.LOW;
            case RUN -> OperatingState.RUN;
            case HIGH -> OperatingState.HIGH;
        };
    }

    /** Consecutive samples of one true state, each band running to the next sample. */
    private static List<StateBand> bands(String point, List<PointSample> samples) {
        List<StateBand> out = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= samples.size(); i++) {
            if (i == samples.size()
                    || samples.get(i).trueState() != samples.get(from).trueState()) {
                Instant end = i == samples.size()
                        ? samples.get(i - 1).at()
                        : samples.get(i).at();
                if (end.isAfter(samples.get(from).at())) {
                    out.add(new StateBand(
                            point,
                            samples.get(from).at(),
                            end,
                            state(samples.get(from).trueState())));
                }
                from = i;
            }
        }
        return out;
    }

    /** Whole days after the run's first: MAIN against the sub-meters, and each point's completeness. */
    private static void platformDays(ScenarioWorld world, List<EnergyDay> energy, List<Completeness> completeness) {
        WholeDays whole = WholeDays.of(world.runStart(), world.runEnd(), world.zone());
        if (whole.isEmpty()) {
            return;
        }
        PlatformStore store = world.store();
        SiteArchive a = world.archives().get(0); // the report's energy balance is the first site's
        Map<LocalDate, Double> main = new LinkedHashMap<>();
        Map<LocalDate, Map<String, Double>> subs = new LinkedHashMap<>();
        for (SiteArchive.Point p : a.points()) {
            Optional<List<DayAggregate>> agg = store.days(a.id(), p.id(), whole.first(), whole.last());
            if (agg.isEmpty()) {
                continue;
            }
            for (DayAggregate d : agg.get()) {
                completeness.add(new Completeness(p.id(), d.day(), Math.min(1.0, d.completeness())));
                if (!d.energy().complete()) {
                    continue;
                }
                double kwh = d.energy().published().doubleValue();
                if (p.kind().name().equals("MAIN")) {
                    main.merge(d.day(), kwh, Double::sum);
                } else {
                    subs.computeIfAbsent(d.day(), k -> new LinkedHashMap<>()).put(p.id() + " " + p.name(), kwh);
                }
            }
        }
        main.forEach((day, kwh) -> energy.add(new EnergyDay(day, kwh, subs.getOrDefault(day, Map.of()))));
    }

    /** Tags without their leading {@code @}, as the report lists them. */
    static List<String> tags(java.util.Collection<String> tags) {
        return tags.stream().map(t -> t.startsWith("@") ? t.substring(1) : t).collect(Collectors.toList());
    }
}
