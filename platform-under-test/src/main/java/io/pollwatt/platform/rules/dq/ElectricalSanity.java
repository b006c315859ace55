package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DQ-17 per-sample electrical sanity: readings no healthy meter on a mains circuit gives. Each check is open from
 * the first failing sample to the first passing one, makes the point's samples NO_DATA meanwhile (ST-07) and is
 * skipped during an enterprise outage (ALM-11), when dead voltages and a 0 Hz frequency are the truth.
 *
 * <ul>
 *   <li>{@code phaseLoss}: one voltage below {@code dq.phaseLossRatio} × nominal while the other two are at least
 *       {@code dq.phaseOkRatio} × nominal (phase voltages against U_n in 3P4W, line voltages against U_LL,n in 3P3W):
 *       a blown fuse or loose voltage lead, which makes P wrong by a third or more.
 *   <li>{@code pfAboveMax}: |PF| above {@code dq.pfMax}.
 *   <li>{@code pfMismatch}: |PF| and |P|/S differ by more than {@code dq.pfTol} while I_avg is above noise.
 *       Magnitudes: meters differ in the sign they give PF, and a negative P is DQ-08's finding, not this one's.
 *   <li>{@code frequency}: f outside [{@code dq.freqMinHz}, {@code dq.freqMaxHz}]: typically a meter on a VFD's
 *       output, where voltage and frequency follow the drive.
 *   <li>{@code powerWithoutCurrent}: every current below noise ({@code dq.currentNoiseRatio} × I_CT,primary) but P
 *       above what such currents can carry, {@code dq.currentNoiseRatio} × S_rated. The rulebook writes "P &gt; 0";
 *       a small load on a large CT (a 0.37 kW dosing pump on 200/5, AC-10) legitimately draws less than the noise
 *       current, so only power the currents cannot explain is insane.
 *   <li>{@code aboveRated}: P above {@code dq.physicalCapFactor} × S_rated (the seed's 55 points totalling
 *       1 542 000 kW).
 * </ul>
 */
public final class ElectricalSanity implements Rule {

    /** The per-sample checks, named as the findings' subtypes. */
    enum Check {
        phaseLoss,
        pfAboveMax,
        pfMismatch,
        frequency,
        powerWithoutCurrent,
        aboveRated
    }

    @Override
    public String id() {
        return "DQ-17";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public Stage stage() {
        return Stage.SAMPLE;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        boolean[] outage = e.outage();
        for (PointData p : e.data().points().values()) {
            Series s = p.series();
            for (Check c : Check.values()) {
                byte[] cond = new byte[e.grid().size()];
                for (int i = 0; i < cond.length; i++) {
                    if (!Dq.judged(s, i)) {
                        cond[i] = Episodes.UNKNOWN;
                    } else if (outage[i]) {
                        cond[i] = Episodes.FALSE; // not judged during an outage: the episode ends
                    } else {
                        cond[i] = test(e, p, c, i);
                    }
                }
                for (SampleRuns.Run r : SampleRuns.of(cond, s.known(), 1, 1)) {
                    e.markNoData(p.id(), r.raised(), r.closedAt());
                    out.add(e.finding(
                            this,
                            Dq.key(p.id(), c.name()),
                            c.name(),
                            List.of(p.id()),
                            List.of(),
                            r.episode(),
                            r.raised(),
                            evidence(e, p, c, r.start())));
                }
            }
        }
    }

    private static byte test(Evaluation e, PointData p, Check c, int i) {
        Series s = p.series();
        return switch (c) {
            case phaseLoss -> lostPhase(e, p, i);
            case pfAboveMax ->
                s.has("PF", i) ? of(Math.abs(s.value("PF", i)) > e.config().number("dq.pfMax")) : Episodes.UNKNOWN;
            case pfMismatch -> pfMismatch(e, p, i);
            case frequency ->
                s.has("F", i)
                        ? of(s.value("F", i) < e.config().number("dq.freqMinHz")
                                || s.value("F", i) > e.config().number("dq.freqMaxHz"))
                        : Episodes.UNKNOWN;
            case powerWithoutCurrent -> powerWithoutCurrent(e, p, i);
            case aboveRated ->
                s.usable("P", i)
                        ? of(s.value("P", i) > e.config().number("dq.physicalCapFactor") * p.ratedKva())
                        : Episodes.UNKNOWN;
        };
    }

    private static byte lostPhase(Evaluation e, PointData p, int i) {
        List<String> qs = Dq.voltages(p);
        double un = Dq.nominalV(p);
        int lost = 0;
        int ok = 0;
        for (String q : qs) {
            double v = p.series().value(q, i);
            if (Double.isNaN(v)) {
                return Episodes.UNKNOWN;
            }
            if (Math.abs(v) < e.config().number("dq.phaseLossRatio") * un) {
                lost++;
            } else if (Math.abs(v) >= e.config().number("dq.phaseOkRatio") * un) {
                ok++;
            }
        }
        return of(lost == 1 && ok == qs.size() - 1);
    }

    private static byte pfMismatch(Evaluation e, PointData p, int i) {
        Series s = p.series();
        double iAvg = e.meanCurrent(p, i);
        if (!s.has("PF", i) || !s.usable("P", i) || !s.has("S", i) || Double.isNaN(iAvg)) {
            return Episodes.UNKNOWN;
        }
        if (iAvg <= Dq.noiseA(e, p) || s.value("S", i) <= 0) {
            return Episodes.FALSE; // below noise the ratio P/S is noise too
        }
        double ratio = Math.abs(s.value("P", i)) / s.value("S", i);
        return of(Math.abs(Math.abs(s.value("PF", i)) - ratio) > e.config().number("dq.pfTol"));
    }

    private static byte powerWithoutCurrent(Evaluation e, PointData p, int i) {
        Series s = p.series();
        if (!s.usable("P", i)) {
            return Episodes.UNKNOWN;
        }
        double noise = Dq.noiseA(e, p);
        for (String q : Dq.currents(p)) {
            double a = s.value(q, i);
            if (Double.isNaN(a)) {
                return Episodes.UNKNOWN;
            }
            if (Math.abs(a) > noise) {
                return Episodes.FALSE;
            }
        }
        return of(s.value("P", i) > e.config().number("dq.currentNoiseRatio") * p.ratedKva());
    }

    private static byte of(boolean failing) {
        return failing ? Episodes.TRUE : Episodes.FALSE;
    }

    private static Map<String, Object> evidence(Evaluation e, PointData p, Check c, int i) {
        List<String> qs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        switch (c) {
            case phaseLoss -> {
                qs.addAll(Dq.voltages(p));
                keys.addAll(List.of("dq.phaseLossRatio", "dq.phaseOkRatio"));
            }
            case pfAboveMax -> {
                qs.add("PF");
                keys.add("dq.pfMax");
            }
            case pfMismatch -> {
                qs.addAll(List.of("PF", "P", "S", "IA", "IB", "IC"));
                keys.addAll(List.of("dq.pfTol", "dq.currentNoiseRatio"));
            }
            case frequency -> {
                qs.add("F");
                keys.addAll(List.of("dq.freqMinHz", "dq.freqMaxHz"));
            }
            case powerWithoutCurrent -> {
                qs.addAll(List.of("P", "IA", "IB", "IC"));
                keys.add("dq.currentNoiseRatio");
            }
            case aboveRated -> {
                qs.add("P");
                keys.add("dq.physicalCapFactor");
            }
        }
        Map<String, Object> ev = Dq.evidence(e, p, i, qs, keys.toArray(String[]::new));
        ev.put("ratedKva", p.ratedKva());
        if (c == Check.phaseLoss) {
            double un = Dq.nominalV(p);
            ev.put("nominalV", un);
            for (String q : Dq.voltages(p)) {
                if (Math.abs(p.series().value(q, i)) < e.config().number("dq.phaseLossRatio") * un) {
                    ev.put("phase", q);
                }
            }
        }
        return ev;
    }
}
