package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.PointData;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.Series;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DQ-08c 正负交替: some products with wiring errors take the absolute value now and then, so P's sign alternates and
 * never stays negative long enough for DQ-08a. Counts the sign changes of P among one day's samples with I_avg above
 * noise; only samples with |P| above DQ-08's eps carry a sign (below it the sign is noise). At least
 * {@code dq.signFlipsPerDay} changes make a day-level finding, evaluated when the day closes; it spans the first to the
 * last sample of the alternation and puts the following day on the |I| fallback (ST-02).
 */
public final class SignAlternation implements Rule {

    @Override
    public String id() {
        return "DQ-08";
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
        int min = e.config().count("dq.signFlipsPerDay");
        for (PointData p : e.data().points().values()) {
            Series s = p.series();
            double eps = Dq.negEpsKw(e, p);
            double noise = Dq.noiseA(e, p);
            for (Days.Day d : Days.closed(e.grid(), s.known())) {
                int flips = 0;
                int first = -1;
                int last = -1;
                int previous = -1;
                for (int i = d.from(); i < d.to(); i++) {
                    double iAvg = e.meanCurrent(p, i);
                    if (!s.present(i) || !s.usable("P", i) || Double.isNaN(iAvg) || iAvg <= noise) {
                        continue;
                    }
                    double kw = s.value("P", i);
                    if (Math.abs(kw) <= eps) {
                        continue;
                    }
                    if (previous >= 0 && Math.signum(kw) != Math.signum(s.value("P", previous))) {
                        flips++;
                        if (first < 0) {
                            first = previous;
                        }
                        last = i;
                    }
                    previous = i;
                }
                if (flips < min || min <= 0) {
                    continue;
                }
                // the following day's states use |I|; a day beyond the grid is the next evaluation's
                e.markFallback(p.id(), d.to(), d.to() + (d.to() - d.from()));
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("day", e.grid().time(d.from()).toLocalDate().toString());
                ev.put("flips", flips);
                ev.put("epsKw", eps);
                ev.put("noiseA", noise);
                ev.put(
                        "config",
                        e.config()
                                .subset(
                                        "dq.signFlipsPerDay",
                                        "dq.currentNoiseRatio",
                                        "dq.negPowerEpsMinKw",
                                        "dq.negPowerEpsRatedRatio"));
                out.add(e.finding(
                        this,
                        Dq.key(p.id(), "signAlternation"),
                        "signAlternation",
                        List.of(p.id()),
                        List.of(),
                        new Episodes.Episode(first, last, false),
                        d.to(),
                        ev));
            }
        }
    }
}
