package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Series;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What several DQ rules share: the noise and negative-power bounds, the quantities of a wiring, keys, evidence. */
final class Dq {

    static final List<String> PHASE_VOLTAGES = List.of("UA", "UB", "UC");
    static final List<String> LINE_VOLTAGES = List.of("UAB", "UBC", "UCA");
    static final List<String> PHASE_POWERS = List.of("PA", "PB", "PC");

    private Dq() {}

    /** "Above noise" = above {@code dq.currentNoiseRatio} × I_CT,primary (DQ-08, DQ-17), A. */
    static double noiseA(Evaluation e, PointData p) {
        return e.config().number("dq.currentNoiseRatio") * p.ctPrimaryA();
    }

    /** eps of DQ-08: max({@code dq.negPowerEpsMinKw}, {@code dq.negPowerEpsRatedRatio} × S_rated), kW. */
    static double negEpsKw(Evaluation e, PointData p) {
        return Math.max(
                e.config().number("dq.negPowerEpsMinKw"), e.config().number("dq.negPowerEpsRatedRatio") * p.ratedKva());
    }

    /** The phase currents a wiring measures (3P3W meters have no Ib). */
    static List<String> currents(PointData p) {
        return p.threeWire() ? List.of("IA", "IC") : Evaluation.CURRENTS;
    }

    /** The voltages a wiring's sanity checks read: line voltages in 3P3W, phase voltages in 3P4W. */
    static List<String> voltages(PointData p) {
        return p.threeWire() ? LINE_VOLTAGES : PHASE_VOLTAGES;
    }

    /** The nominal of {@link #voltages}: U_LL,n in 3P3W, U_n in 3P4W, V. */
    static double nominalV(PointData p) {
        return p.threeWire() ? p.point().voltageV() : p.phaseVoltageV();
    }

    /** Whether the sample at {@code i} can be judged at all: before {@code known} and received. */
    static boolean judged(Series s, int i) {
        return i < s.known() && s.present(i);
    }

    /**
     * The key of one part of a rule that can be open on one point next to its other parts (a reversed phase next to
     * the total, one sanity check next to another): the point and the part, so §4's deduplication keeps them apart.
     */
    static String key(String pointId, String part) {
        return pointId + "/" + part;
    }

    /** The DTU whose meters include {@code pointId}, if archived. */
    static Optional<SiteArchive.Dtu> dtuOf(Evaluation e, String pointId) {
        return e.data().archive().dtus().stream()
                .filter(d -> d.meters().stream().anyMatch(m -> m.pointId().equals(pointId)))
                .findFirst();
    }

    /** The archived points of a DTU that the evaluation has data of, in meter order. */
    static List<String> pointsOf(Evaluation e, SiteArchive.Dtu d) {
        return d.meters().stream()
                .map(SiteArchive.Meter::pointId)
                .filter(id -> e.data().point(id) != null)
                .toList();
    }

    /** A duration of a number of hours ({@code dq.firstDataHours}, …). */
    static Duration hours(Evaluation e, String key) {
        return Duration.ofSeconds(Math.round(e.config().number(key) * 3600));
    }

    /** Evidence: "at" and the listed quantities of a sample, then the listed configuration keys with their values. */
    static Map<String, Object> evidence(Evaluation e, PointData p, int i, List<String> quantities, String... keys) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.grid().time(i).toString());
        for (String q : quantities) {
            double v = p.series().value(q, i);
            m.put(q, Double.isNaN(v) ? null : v);
        }
        m.put("config", e.config().subset(keys));
        return m;
    }

    /** The first grid index at or after {@code t}, not clamped to the grid (for durations reaching past it). */
    static int indexAtOrAfter(Evaluation e, LocalDateTime t) {
        long s = Duration.between(e.grid().from(), t).toSeconds();
        long step = e.grid().step().toSeconds();
        return (int) Math.floorDiv(s + step - 1, step);
    }
}
