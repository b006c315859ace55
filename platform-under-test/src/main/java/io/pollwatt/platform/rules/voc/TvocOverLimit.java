package io.pollwatt.platform.rules.voc;

import io.pollwatt.platform.rules.Episodes;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.Series;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * VOC-01 over limit: a valid hourly mean TVOC (AGG-04: the mean of the hour's usable samples — VOC-05: flag N, T or
 * none — when at least {@code agg.minSamplesPerHour} of them are there) above the enterprise-entered
 * {@code voc.tvocLimit}; one finding per run of consecutive such hours (an hour that is not valid ends the run), key =
 * the stack. Evaluated when the hour closes: raised at the hour's last sample. Idle while no limit is entered.
 */
public final class TvocOverLimit implements Rule {

    @Override
    public String id() {
        return "VOC-01";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        OptionalDouble limit = e.config().optional("voc.tvocLimit");
        if (limit.isEmpty()) {
            return;
        }
        int perHour = (int) Math.round(60 / e.grid().minutes());
        int min = Stacks.minSamplesPerHour(e);
        for (Stacks.Stack s : Stacks.of(e)) {
            Series series = s.series();
            List<Integer> hours = new ArrayList<>();
            for (int i = 0; i + perHour <= Math.min(e.grid().size(), series.known()); i++) {
                LocalDateTime t = e.grid().time(i);
                if (t.getMinute() == 0 && t.getSecond() == 0) {
                    hours.add(i);
                }
            }
            double[] mean = new double[hours.size()];
            byte[] cond = new byte[hours.size()];
            for (int k = 0; k < hours.size(); k++) {
                mean[k] = mean(series, hours.get(k), perHour, min);
                cond[k] = mean[k] > limit.getAsDouble() ? Episodes.TRUE : Episodes.FALSE; // NaN: not valid
            }
            for (Episodes.Episode h : Episodes.of(cond, hours.size())) {
                int first = hours.get(h.start());
                Episodes.Episode ep = new Episodes.Episode(first, hours.get(h.end()) + perHour - 1, h.open());
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("at", e.grid().time(first).toString());
                ev.put("hourMeanTvoc", mean[h.start()]);
                ev.put("tvocLimit", limit.getAsDouble());
                ev.put("config", e.config().subset("voc.tvocLimit"));
                out.add(e.finding(this, s.id(), "tvoc", List.of(s.id()), List.of(), ep, first + perHour - 1, ev));
            }
        }
    }

    /** The hour's mean of the usable TVOC samples, NaN when fewer than {@code min} are usable. */
    private static double mean(Series s, int from, int perHour, int min) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < from + perHour; i++) {
            if (s.usable(Stacks.TVOC, i)) {
                sum += s.value(Stacks.TVOC, i);
                n++;
            }
        }
        return n >= min ? sum / n : Double.NaN;
    }
}
