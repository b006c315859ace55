package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.EnterpriseData;
import io.pollwatt.platform.rules.EnterpriseFixture;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.rules.Series;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Test helpers of the DQ rules: running rules while keeping the evaluation, archive edits, lifelike readings. */
final class DqTesting {

    private DqTesting() {}

    /** The instant of grid index {@code i} of a fixture starting at {@link EnterpriseFixture#DAY}. */
    static LocalDateTime at(int i) {
        return EnterpriseFixture.DAY.plusMinutes(15L * i);
    }

    /** The findings of an evaluation and the evaluation itself, to read the states the rules left behind. */
    record Result(Evaluation e, List<Finding> findings) {
        List<Finding> of(String ruleId, String subtype) {
            return findings.stream()
                    .filter(f -> f.ruleId().equals(ruleId) && f.subtype().equals(subtype))
                    .toList();
        }
    }

    static Result evaluate(EnterpriseFixture f, Rule... rules) {
        return evaluate(f, RuleConfig.defaults(), rules);
    }

    static Result evaluate(EnterpriseFixture f, RuleConfig config, Rule... rules) {
        RuleConfig.Values v = config.forEnterprise("E1");
        return evaluate(f.build(v), config, rules);
    }

    /** Runs {@code rules} in the engine's stage order over {@code data}, keeping the evaluation. */
    static Result evaluate(EnterpriseData data, RuleConfig config, Rule... rules) {
        RuleConfig.Values v = config.forEnterprise("E1");
        Evaluation e = new Evaluation(data, v);
        Findings out = new Findings();
        for (Rule.Stage stage : Rule.Stage.values()) {
            for (Rule r : rules) {
                if (r.stage() == stage) {
                    r.evaluate(e, out);
                }
            }
        }
        return new Result(e, out.list());
    }

    static RuleConfig config(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return RuleConfig.of(m);
    }

    /** {@code data} with its archive changed (points re-attached to their series and thresholds). */
    static EnterpriseData withArchive(EnterpriseData d, UnaryOperator<SiteArchive> change) {
        SiteArchive a = change.apply(d.archive());
        Map<String, PointData> points = new LinkedHashMap<>();
        for (SiteArchive.Point p : a.points()) {
            PointData old = d.point(p.id());
            points.put(p.id(), new PointData(p, old.thresholds(), old.series(), old.aggregate(), old.deviceTotals()));
        }
        return new EnterpriseData(a, d.grid(), points, d.stacks(), d.devices(), d.now(), d.quarantine());
    }

    static UnaryOperator<SiteArchive> dtus(SiteArchive.Dtu... dtus) {
        return a -> copy(a, a.points(), a.unmetered(), List.of(dtus));
    }

    static UnaryOperator<SiteArchive> unmetered(SiteArchive.Unmetered... facilities) {
        return a -> copy(a, a.points(), List.of(facilities), a.dtus());
    }

    static UnaryOperator<SiteArchive> parent(String pointId, String parentId) {
        return a -> {
            List<SiteArchive.Point> points = new ArrayList<>();
            for (SiteArchive.Point p : a.points()) {
                points.add(
                        p.id().equals(pointId)
                                ? new SiteArchive.Point(
                                        p.id(),
                                        p.name(),
                                        p.kind(),
                                        Optional.of(parentId),
                                        p.voltageV(),
                                        p.wiring(),
                                        p.pt(),
                                        p.meterId(),
                                        p.ct(),
                                        p.limits())
                                : p);
            }
            return copy(a, points, a.unmetered(), a.dtus());
        };
    }

    /** A DTU metering {@code pointIds} as meters 1, 2, …. */
    static SiteArchive.Dtu dtu(String mn, String... pointIds) {
        List<SiteArchive.Meter> meters = new ArrayList<>();
        for (int i = 0; i < pointIds.length; i++) {
            meters.add(new SiteArchive.Meter(i + 1, pointIds[i]));
        }
        return new SiteArchive.Dtu(mn, "pw", meters);
    }

    private static SiteArchive copy(
            SiteArchive a,
            List<SiteArchive.Point> points,
            List<SiteArchive.Unmetered> unmetered,
            List<SiteArchive.Dtu> dtus) {
        return new SiteArchive(
                a.id(),
                a.name(),
                a.district(),
                a.industry(),
                a.zone(),
                points,
                a.groups(),
                a.associations(),
                a.controlPeriods(),
                a.stacks(),
                unmetered,
                dtus,
                a.collectors());
    }

    /** {@code n} samples of a load that moves around {@code base} kW (a live meter never repeats for long). */
    static String varying(double base, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(base + ((i * 3) % 7) * 0.25).append(' ');
        }
        return b.toString().trim();
    }

    /** Gives every present sample of {@code pointIds} slightly moving voltages, as the grid's voltage always moves. */
    static EnterpriseFixture liveVoltages(EnterpriseFixture f, String... pointIds) {
        for (String id : pointIds) {
            Series s = f.series(id);
            for (int i = 0; i < s.grid().size(); i++) {
                if (!s.present(i)) {
                    continue;
                }
                double d = ((i * 5) % 7) * 0.3;
                f.set(id, i, "UA", 230.9 + d).set(id, i, "UB", 231.2 - d).set(id, i, "UC", 230.5 + d / 2);
                f.set(id, i, "UAB", 400 + d).set(id, i, "UBC", 400.4 - d).set(id, i, "UCA", 399.6 + d / 2);
            }
        }
        return f;
    }

    /** Sets quantity {@code q} of samples [from, to) of a point. */
    static EnterpriseFixture fill(EnterpriseFixture f, String pointId, int from, int to, String q, double value) {
        for (int i = from; i < to; i++) {
            f.set(pointId, i, q, value);
        }
        return f;
    }
}
