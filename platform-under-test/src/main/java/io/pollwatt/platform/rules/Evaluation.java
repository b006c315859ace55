package io.pollwatt.platform.rules;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.state.GroupState;
import io.pollwatt.platform.state.OperatingState;
import io.pollwatt.platform.state.PointRole;
import io.pollwatt.platform.state.PointStateMachine;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One evaluation of one enterprise: its data, the configuration it runs with, and what the rules share and compute
 * once: which samples the per-sample checks made NO_DATA or put on the current fallback, each point's states
 * (ST-01…07), each treatment group's state (ST-08, with ALM-09's switch-over gap), who needs which group (§1.2), the
 * outage samples (ALM-11) and the control periods (ALM-06…08).
 */
public final class Evaluation {

    /** Quantities of the three phase currents and voltages. */
    public static final List<String> CURRENTS = List.of("IA", "IB", "IC");

    private final EnterpriseData data;
    private final RuleConfig.Values config;
    private final Map<String, boolean[]> noData = new HashMap<>();
    private final Map<String, boolean[]> fallback = new HashMap<>();
    private final Map<String, OperatingState[]> states = new HashMap<>();
    private final Map<String, OperatingState[]> measuredStates = new HashMap<>();
    private final Map<String, OperatingState[]> groupStates = new HashMap<>();
    private final Map<String, SiteArchive.Group> groups;
    private final Map<String, List<String>> required = new LinkedHashMap<>();
    private final Map<String, List<String>> neededBy = new LinkedHashMap<>();
    private boolean statesOpen;
    private boolean[] outage;

    public Evaluation(EnterpriseData data, RuleConfig.Values config) {
        this.data = Objects.requireNonNull(data, "data");
        this.config = Objects.requireNonNull(config, "config");
        this.groups = groupsOf(data, config);
        for (SiteArchive.Association a : data.archive().associations()) {
            String g = groups.containsKey(a.group()) ? a.group() : null;
            if (g == null && data.point(a.group()) != null) {
                g = a.group(); // an association naming a treatment point in no group: its group of one
            }
            if (g != null && data.point(a.production()) != null) {
                required.computeIfAbsent(a.production(), p -> new ArrayList<>()).add(g);
                neededBy.computeIfAbsent(g, x -> new ArrayList<>()).add(a.production());
            }
        }
    }

    /** A TREAT point placed in no group forms a group of its own with k = 1 (§1.2). */
    private static Map<String, SiteArchive.Group> groupsOf(EnterpriseData data, RuleConfig.Values config) {
        Map<String, SiteArchive.Group> out = new LinkedHashMap<>();
        List<String> grouped = new ArrayList<>();
        for (SiteArchive.Group g : data.archive().groups()) {
            List<String> members =
                    g.members().stream().filter(m -> data.point(m) != null).toList();
            if (!members.isEmpty()) {
                out.put(g.id(), new SiteArchive.Group(g.id(), members, Math.min(g.required(), members.size())));
                grouped.addAll(members);
            }
        }
        for (PointData p : data.points().values()) {
            if (p.kind() == SiteArchive.PointKind.TREAT && !grouped.contains(p.id())) {
                out.put(p.id(), new SiteArchive.Group(p.id(), List.of(p.id()), 1));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public EnterpriseData data() {
        return data;
    }

    public RuleConfig.Values config() {
        return config;
    }

    public Grid grid() {
        return data.grid();
    }

    public String enterpriseId() {
        return data.enterpriseId();
    }

    /** Makes samples [from, to) of {@code pointId} NO_DATA for the states (ST-07: DQ-12, DQ-17 open). */
    public void markNoData(String pointId, int from, int to) {
        mark(noData, pointId, from, to);
    }

    /** Puts samples [from, to) of {@code pointId} on the |I| fallback (ST-02: DQ-08 open). */
    public void markFallback(String pointId, int from, int to) {
        mark(fallback, pointId, from, to);
    }

    private void mark(Map<String, boolean[]> masks, String pointId, int from, int to) {
        if (statesOpen) {
            throw new IllegalStateException("the states are computed already: mark in a SAMPLE-stage rule");
        }
        boolean[] m = masks.computeIfAbsent(pointId, p -> new boolean[grid().size()]);
        for (int i = Math.max(0, from); i < Math.min(to, m.length); i++) {
            m[i] = true;
        }
    }

    /** Whether the sample of {@code pointId} at {@code i} is on the |I| fallback. */
    public boolean onFallback(String pointId, int i) {
        boolean[] m = fallback.get(pointId);
        return m != null && m[i];
    }

    /** The states of a point, one per grid instant (ST-01…07). */
    public OperatingState[] state(String pointId) {
        statesOpen = true;
        return states.computeIfAbsent(pointId, this::computeStates);
    }

    /**
     * The states a point's own measurements give, before the per-sample checks made samples NO_DATA (DQ-12, DQ-17);
     * DQ-08's |I| fallback still applies. For heuristics that compare one meter's readings with another's (DQ-16(a)):
     * there a reading the checks find implausible for the archived circuit is evidence, not noise. A treatment meter
     * on a larger production circuit reads above its archived rating (DQ-17 {@code aboveRated}) exactly while it is
     * on, so its ST-07 states are NO_DATA whenever it runs.
     */
    public OperatingState[] measuredState(String pointId) {
        statesOpen = true;
        return measuredStates.computeIfAbsent(pointId, id -> computeStates(id, false));
    }

    private OperatingState[] computeStates(String pointId) {
        return computeStates(pointId, true);
    }

    private OperatingState[] computeStates(String pointId, boolean sampleChecks) {
        PointData p = Objects.requireNonNull(data.point(pointId), () -> "no point " + pointId);
        Series s = p.series();
        PointStateMachine machine = new PointStateMachine(
                PointRole.of(p.kind().name()), p.thresholds(), config.stateSettings(), p.lineVoltageKv());
        boolean[] nd = sampleChecks ? noData.get(pointId) : null;
        OperatingState[] out = new OperatingState[grid().size()];
        for (int i = 0; i < out.length; i++) {
            if (i >= s.known() || !s.present(i) || (nd != null && nd[i])) {
                out[i] = machine.noData();
            } else if (onFallback(pointId, i)) {
                double iAvg = meanCurrent(p, i);
                out[i] = Double.isNaN(iAvg) ? machine.noData() : machine.current(iAvg);
            } else if (s.usable("P", i)) {
                out[i] = machine.power(s.value("P", i));
            } else {
                out[i] = machine.noData();
            }
        }
        return out;
    }

    /** Mean phase-current magnitude (of IA, IB, IC in 3P4W; of IA, IC in 3P3W), NaN when one is missing. */
    public double meanCurrent(PointData p, int i) {
        List<String> phases = p.threeWire() ? List.of("IA", "IC") : CURRENTS;
        double sum = 0;
        for (String q : phases) {
            double v = p.series().value(q, i);
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            sum += Math.abs(v);
        }
        return sum / phases.size();
    }

    /** The treatment groups: archived ones, and each TREAT point in no group as a group of its own. */
    public Map<String, SiteArchive.Group> groups() {
        return groups;
    }

    /** The groups production point {@code prodId} needs (all of them, §1.2). */
    public List<String> required(String prodId) {
        return required.getOrDefault(prodId, List.of());
    }

    /** The production points that need group {@code groupId}. */
    public List<String> neededBy(String groupId) {
        return neededBy.getOrDefault(groupId, List.of());
    }

    /** The production points with at least one required group, in archive order. */
    public List<String> associatedProduction() {
        return List.copyOf(required.keySet());
    }

    /**
     * The state of a treatment group at each instant (ST-08); a stretch of at most {@code alm.allowSwitchGapSamples}
     * OFF samples between two RUN samples at which different members run is a switch-over and counts as RUN
     * (ALM-09).
     */
    public OperatingState[] groupState(String groupId) {
        return groupStates.computeIfAbsent(groupId, this::computeGroupState);
    }

    private OperatingState[] computeGroupState(String groupId) {
        SiteArchive.Group g = groups.get(groupId);
        int n = grid().size();
        OperatingState[] out = new OperatingState[n];
        List<OperatingState[]> members = g.members().stream().map(this::state).toList();
        List<OperatingState> at = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            at.clear();
            for (OperatingState[] m : members) {
                at.add(m[i]);
            }
            out[i] = GroupState.of(at, g.required());
        }
        int gap = config.count("alm.allowSwitchGapSamples");
        if (members.size() > 1 && gap > 0) {
            for (int i = 1; i < n; i++) {
                if (out[i] != OperatingState.OFF || out[i - 1] != OperatingState.RUN) {
                    continue;
                }
                int j = i;
                while (j < n && out[j] == OperatingState.OFF) {
                    j++;
                }
                if (j < n
                        && j - i <= gap
                        && out[j] == OperatingState.RUN
                        && !runners(members, i - 1).equals(runners(members, j))) {
                    for (int k = i; k < j; k++) {
                        out[k] = OperatingState.RUN;
                    }
                }
                i = j;
            }
        }
        return out;
    }

    private static List<Integer> runners(List<OperatingState[]> members, int i) {
        List<Integer> out = new ArrayList<>();
        for (int m = 0; m < members.size(); m++) {
            if (members.get(m)[i].running()) {
                out.add(m);
            }
        }
        return out;
    }

    /** The first instant not known for every one of {@code pointIds} (the least of their {@link Series#known}). */
    public int known(List<String> pointIds) {
        int k = grid().size();
        for (String id : pointIds) {
            PointData p = data.point(id);
            if (p != null) {
                k = Math.min(k, p.series().known());
            }
        }
        return k;
    }

    /**
     * ALM-11: whether the enterprise is in an outage at each instant: every voltage of every MAIN point below
     * {@code alm.outageVoltageRatio} × nominal (phase voltages in 3P4W, line voltages in 3P3W). Without a MAIN point
     * there is no outage to see.
     */
    public boolean[] outage() {
        if (outage == null) {
            outage = computeOutage();
        }
        return outage;
    }

    private boolean[] computeOutage() {
        int n = grid().size();
        boolean[] out = new boolean[n];
        List<PointData> mains = data.points().values().stream()
                .filter(p -> p.kind() == SiteArchive.PointKind.MAIN)
                .toList();
        if (mains.isEmpty()) {
            return out;
        }
        double ratio = config.number("alm.outageVoltageRatio");
        for (int i = 0; i < n; i++) {
            boolean all = true;
            for (PointData p : mains) {
                if (!voltagesBelow(p, i, ratio)) {
                    all = false;
                    break;
                }
            }
            out[i] = all;
        }
        return out;
    }

    /** Whether every voltage of {@code p} at {@code i} lies below {@code ratio} × nominal; false without data. */
    public boolean voltagesBelow(PointData p, int i, double ratio) {
        Series s = p.series();
        if (!s.present(i)) {
            return false;
        }
        List<String> qs = p.threeWire() ? List.of("UAB", "UBC", "UCA") : List.of("UA", "UB", "UC");
        double limit = ratio * (p.threeWire() ? p.point().voltageV() : p.phaseVoltageV());
        boolean any = false;
        for (String q : qs) {
            double v = s.value(q, i);
            if (Double.isNaN(v)) {
                continue;
            }
            any = true;
            if (Math.abs(v) >= limit) {
                return false;
            }
        }
        return any;
    }

    /** Whether instant {@code i} lies in a control period (停产, 限产, 错峰) of the enterprise, [start, end). */
    public boolean inControlPeriod(int i) {
        LocalDateTime t = grid().time(i);
        for (SiteArchive.ControlPeriod c : data.archive().controlPeriods()) {
            if (!t.isBefore(c.start()) && t.isBefore(c.end())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The level of an episode of samples {@code start} … {@code end} (rulebook §4): 3 once the rule fires, 2 from
     * {@code alm.level2Min}, 1 from {@code alm.level1Min} or for any occurrence inside a control period.
     */
    public int level(int start, int end) {
        double minutes = (end - start + 1) * grid().minutes();
        for (int i = start; i <= end; i++) {
            if (inControlPeriod(i)) {
                return 1;
            }
        }
        if (minutes >= config.number("alm.level1Min")) {
            return 1;
        }
        return minutes >= config.number("alm.level2Min") ? 2 : 3;
    }

    /** A finding for an episode, its level from {@link #level}, open if the episode is. */
    public Finding finding(
            Rule rule,
            String key,
            String subtype,
            List<String> points,
            List<String> related,
            Episodes.Episode episode,
            int raisedAt,
            Map<String, Object> evidence) {
        return finding(
                rule,
                key,
                subtype,
                points,
                related,
                episode,
                raisedAt,
                level(episode.start(), episode.end()),
                evidence);
    }

    /** A finding for an episode at a given level. */
    public Finding finding(
            Rule rule,
            String key,
            String subtype,
            List<String> points,
            List<String> related,
            Episodes.Episode episode,
            int raisedAt,
            int level,
            Map<String, Object> evidence) {
        return new Finding(
                rule.id(),
                rule.version(),
                enterpriseId(),
                key,
                subtype,
                points,
                related,
                grid().time(episode.start()),
                grid().time(raisedAt),
                episode.open() ? null : grid().time(episode.end() + 1),
                level,
                evidence);
    }

    /** Δ. */
    public Duration interval() {
        return grid().step();
    }
}
