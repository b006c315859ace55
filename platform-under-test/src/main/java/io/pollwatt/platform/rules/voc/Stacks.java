package io.pollwatt.platform.rules.voc;

import io.pollwatt.platform.aggregate.AggregationSettings;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the VOC rules share: each stack with its analyser series and its association (§1.2 stack association). */
final class Stacks {

    static final String TVOC = "TVOC";
    static final String VELOCITY = "VELOCITY";

    private Stacks() {}

    /** One archived stack with analyser data. */
    record Stack(SiteArchive.Stack archived, Series series, List<String> production, List<String> groups) {
        String id() {
            return archived.id();
        }

        /** The members of its treatment groups. */
        List<String> treatment(Evaluation e) {
            List<String> out = new ArrayList<>();
            groups.forEach(g -> out.addAll(e.groups().get(g).members()));
            return out;
        }
    }

    /** The archived stacks that have an analyser series, with the associated points and groups that exist. */
    static List<Stack> of(Evaluation e) {
        List<Stack> out = new ArrayList<>();
        for (SiteArchive.Stack s : e.data().archive().stacks()) {
            Series series = e.data().stacks().get(s.id());
            if (series == null) {
                continue;
            }
            List<String> production = s.production().stream()
                    .filter(p -> e.data().point(p) != null && e.data().point(p).production())
                    .toList();
            List<String> groups =
                    s.groups().stream().filter(g -> e.groups().containsKey(g)).toList();
            out.add(new Stack(s, series, production, groups));
        }
        return out;
    }

    /** AGG-04's minimum records of a valid hour: the key when configured, else the aggregation's default (3 of 4). */
    static int minSamplesPerHour(Evaluation e) {
        if (e.config().all().containsKey("agg.minSamplesPerHour")) {
            return e.config().count("agg.minSamplesPerHour");
        }
        return AggregationSettings.defaults().minSamplesPerHour();
    }

    /** The first sample at which every one of {@code points} and the stack's series are known. */
    static int known(Evaluation e, Stack s, List<String> points) {
        return Math.min(s.series().known(), e.known(points));
    }

    /** A usable analyser value as evidence (null when there is none). */
    static Double value(Series s, String q, int i) {
        return s.usable(q, i) ? s.value(q, i) : null;
    }

    /** The states of {@code points} at {@code i}, as evidence. */
    static Map<String, Object> states(Evaluation e, List<String> points, int i) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String p : points) {
            PointData d = e.data().point(p);
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("state", e.state(p)[i].name());
            double kw = d.series().value("P", i);
            pm.put("pKw", Double.isNaN(kw) ? null : kw);
            m.put(p, pm);
        }
        return m;
    }
}
