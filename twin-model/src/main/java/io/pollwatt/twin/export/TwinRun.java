package io.pollwatt.twin.export;

import io.pollwatt.twin.electric.InstantValues;
import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.sim.PointSample;
import io.pollwatt.twin.sim.StackSample;
import io.pollwatt.twin.sim.Twin;
import io.pollwatt.twin.site.Enterprise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a twin over a period and writes, on the 15-minute grid (domain-rules §0):
 *
 * <ul>
 *   <li>{@code readings.csv}: per point and instant, what the meter measures (faults applied);
 *   <li>{@code truth.csv}: per point and interval, the true state at its start, true mean power and true energy;
 *   <li>{@code stacks.csv}: per stack analyzer and instant, reported and true TVOC and the flue gas;
 *   <li>{@code faults.jsonl}: one line per injected fault with the rules it must and must not trigger.
 * </ul>
 *
 * Times are local (the run's zone) in ISO form. Numbers are written with {@link Locale#ROOT} and fixed decimals, so
 * one seed gives byte-identical files.
 */
public final class TwinRun {

    /** The grid of records. */
    public static final Duration GRID = Duration.ofMinutes(15);

    private TwinRun() {}

    /** Where the four outputs go. */
    public record Outputs(Appendable readings, Appendable truth, Appendable stacks, Appendable faults) {
        public Outputs {
            Objects.requireNonNull(readings, "readings");
            Objects.requireNonNull(truth, "truth");
            Objects.requireNonNull(stacks, "stacks");
            Objects.requireNonNull(faults, "faults");
        }
    }

    /** Simulates {@code enterprise} from {@code start} for {@code length} and writes the outputs. */
    public static void run(
            Enterprise enterprise,
            List<Fault> faults,
            long seed,
            ZoneId zone,
            Instant start,
            Duration length,
            Outputs out) {
        try {
            write(new Twin(enterprise, faults, new Seeds(seed), zone, start), zone, start.plus(length), out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the twin run of " + enterprise.id(), e);
        }
    }

    private static void write(Twin twin, ZoneId zone, Instant end, Outputs out) throws IOException {
        out.readings()
                .append("time,point,ua_v,ub_v,uc_v,uab_v,ubc_v,uca_v,ia_a,ib_a,ic_a,pa_kw,pb_kw,pc_kw,p_kw,q_kvar,"
                        + "s_kva,pf,f_hz,import_kwh,export_kwh,faults\n");
        out.truth().append("interval_start,point,true_state,true_kw,true_energy_kwh,faults\n");
        out.stacks()
                .append("time,stack,tvoc_mg_m3,true_tvoc_mg_m3,velocity_m_s,temperature_c,pressure_kpa,"
                        + "humidity_pct,faults\n");
        for (Fault f : twin.faults()) {
            out.faults().append(faultJson(f, zone)).append('\n');
        }
        Map<String, PointSample> previous = new HashMap<>();
        Instant t = twin.now();
        while (true) {
            String time = LocalDateTime.ofInstant(t, zone).toString();
            for (PointSample s : twin.samples()) {
                readingLine(out.readings(), time, s);
                PointSample before = previous.put(s.pointId(), s);
                if (before != null) {
                    double kwh = s.trueEnergyKwh() - before.trueEnergyKwh();
                    out.truth()
                            .append(LocalDateTime.ofInstant(before.at(), zone).toString())
                            .append(',')
                            .append(s.pointId())
                            .append(',')
                            .append(before.trueState().name())
                            .append(',')
                            .append(num(kwh * 3600 / GRID.toSeconds(), 3))
                            .append(',')
                            .append(num(kwh, 4))
                            .append(',')
                            .append(String.join("|", before.faults()))
                            .append('\n');
                }
            }
            for (StackSample s : twin.stackSamples()) {
                out.stacks()
                        .append(time)
                        .append(',')
                        .append(s.stackId())
                        .append(',')
                        .append(num(s.tvocMgM3(), 3))
                        .append(',')
                        .append(num(s.trueTvocMgM3(), 3))
                        .append(',')
                        .append(num(s.velocityMs(), 2))
                        .append(',')
                        .append(num(s.temperatureC(), 1))
                        .append(',')
                        .append(num(s.pressureKpa(), 3))
                        .append(',')
                        .append(num(s.humidityPercent(), 1))
                        .append(',')
                        .append(String.join("|", s.faults()))
                        .append('\n');
            }
            Instant next = t.plus(GRID);
            if (next.isAfter(end)) {
                return;
            }
            twin.advanceTo(next);
            t = next;
        }
    }

    private static void readingLine(Appendable a, String time, PointSample s) throws IOException {
        InstantValues v = s.measured();
        a.append(time).append(',').append(s.pointId());
        double[] values = {
            v.uaV(), v.ubV(), v.ucV(), v.uabV(), v.ubcV(), v.ucaV(), v.iaA(), v.ibA(), v.icA(), v.paKw(), v.pbKw(),
            v.pcKw(), v.pKw(), v.qKvar(), v.sKva()
        };
        for (double d : values) {
            a.append(',').append(num(d, 3));
        }
        a.append(',').append(num(v.powerFactor(), 3));
        a.append(',').append(num(v.frequencyHz(), 2));
        a.append(',').append(num(s.importKwh(), 2));
        a.append(',').append(num(s.exportKwh(), 2));
        a.append(',').append(String.join("|", s.faults())).append('\n');
    }

    /** A fixed-decimal number, empty for NaN (a quantity the wiring does not measure). */
    static String num(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        String text = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return text.startsWith("-") && Double.parseDouble(text) == 0 ? text.substring(1) : text;
    }

    static String faultJson(Fault f, ZoneId zone) {
        return "{\"kind\":" + quote(f.kind())
                + ",\"target\":" + quote(f.target())
                + ",\"start\":"
                + quote(LocalDateTime.ofInstant(f.window().start(), zone).toString())
                + ",\"end\":"
                + quote(LocalDateTime.ofInstant(f.window().end(), zone).toString())
                + ",\"expected\":" + array(f.expectedRules())
                + ",\"must_not\":" + array(f.mustNotFire())
                + ",\"record\":" + quote(f.toString()) + "}";
    }

    private static String array(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            sb.append(i > 0 ? "," : "").append(quote(items.get(i)));
        }
        return sb.append(']').toString();
    }

    /** A JSON string literal (RFC 8259 escapes). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
