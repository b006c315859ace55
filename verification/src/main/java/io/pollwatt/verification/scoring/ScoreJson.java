package io.pollwatt.verification.scoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * Scores as JSON: a scenario's (attached to the scenario in Cucumber's messages) and the per-rule quality of a
 * suite (in {@code summary.json}). Delays are in minutes; keys keep their order so output is stable.
 */
public final class ScoreJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScoreJson() {}

    public static ObjectNode scenario(ScenarioScore s) {
        ObjectNode o = NODES.objectNode();
        o.put("agreesWithTruth", s.agreesWithTruth());
        ArrayNode det = o.putArray("detections");
        for (ScenarioScore.Detection d : s.detections()) {
            det.addObject()
                    .put("fault", d.faultKind())
                    .put("target", d.target())
                    .put("rule", d.rule())
                    .put("alarm", d.alarmId())
                    .put("faultStart", d.faultStart().toString())
                    .put("delayMinutes", minutes(d.delay()));
        }
        ArrayNode miss = o.putArray("misses");
        for (ScenarioScore.Miss m : s.misses()) {
            miss.addObject()
                    .put("fault", m.faultKind())
                    .put("target", m.target())
                    .put("rule", m.rule())
                    .put("faultStart", m.faultStart().toString())
                    .put("faultEnd", m.faultEnd().toString());
        }
        ArrayNode fa = o.putArray("falseAlarms");
        for (ScenarioScore.FalseAlarm f : s.falseAlarms()) {
            ObjectNode x = fa.addObject()
                    .put("alarm", f.alarmId())
                    .put("rule", f.rule())
                    .put("key", f.key())
                    .put("start", f.start());
            if (f.forbiddenBy() != null) {
                x.put("forbiddenBy", f.forbiddenBy());
            }
        }
        o.put("alarms", s.alarms().size());
        return o;
    }

    public static ArrayNode rules(List<RuleTally.Quality> qualities) {
        ArrayNode a = NODES.arrayNode();
        for (RuleTally.Quality q : qualities) {
            ObjectNode o = a.addObject()
                    .put("rule", q.rule())
                    .put("expected", q.expected())
                    .put("detected", q.detected())
                    .put("missed", q.missed())
                    .put("alarms", q.alarms())
                    .put("falseAlarms", q.falseAlarms())
                    .put("forbidden", q.forbidden());
            putOrNull(o, "precision", q.precision());
            putOrNull(o, "recall", q.recall());
            putOrNull(o, "delayMedianMinutes", q.medianDelay() == null ? null : minutes(q.medianDelay()));
            putOrNull(o, "delayMaxMinutes", q.maxDelay() == null ? null : minutes(q.maxDelay()));
        }
        return a;
    }

    private static void putOrNull(ObjectNode o, String name, Double v) {
        if (v == null) {
            o.putNull(name);
        } else {
            o.put(name, Math.round(v * 10_000) / 10_000.0);
        }
    }

    private static double minutes(Duration d) {
        return d.toSeconds() / 60.0;
    }
}
