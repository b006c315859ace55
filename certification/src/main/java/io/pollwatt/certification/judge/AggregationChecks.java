package io.pollwatt.certification.judge;

import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.FactorValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Cases on the device's own aggregates against its 2011 stream (rulebook AGG-02…05, domain-rules.md §2): 2061 hour
 * and 2051 interval energy against the import-register readings at their boundaries, mean power against energy (or
 * against the 2011 power values), 2031 day against its hours.
 *
 * <p>Which power item goes with which energy item: the {@code -Avg} item and the {@code -Cou} item of a record whose
 * codes end in the same two characters (the meter number of {@code [e|g] P FF DD} codes, hj212-2017.md §14.5, and of
 * pollwatt's {@code g7QQMM}); when a record has one of each, those two.
 */
final class AggregationChecks {

    private static final double ENERGY_TOLERANCE_KWH = 0.02;
    private static final double MEAN_TOLERANCE_KW = 0.015;
    private static final double SAMPLES_TOLERANCE = 0.02;
    /** Rulebook AGG-01 {@code agg.snapToleranceMin}. */
    private static final Duration SNAP = Duration.ofMinutes(2);

    private AggregationChecks() {}

    /** One meter's energy and power items in a history record. */
    private record Pair(FactorValues energy, FactorValues power) {}

    static void hour(Conversation conv, Evidence e) {
        Declaration d = conv.capture().declaration();
        Map<LocalDateTime, Map<String, FactorValues>> rtd = records(conv, 2011);
        int checked = 0;
        for (Map.Entry<LocalDateTime, Map<String, FactorValues>> h :
                records(conv, 2061).entrySet()) {
            LocalDateTime start = h.getKey();
            for (Pair p : pairs(h.getValue())) {
                Optional<Double> e0 = rtd(rtd, start, p.energy().code());
                Optional<Double> e1 = rtd(rtd, start.plusHours(1), p.energy().code());
                double cou = value(p.energy(), "Cou");
                double avg = value(p.power(), "Avg");
                String where = "2061 " + start + " " + p.energy().code() + "/"
                        + p.power().code();
                if (e0.isEmpty() || e1.isEmpty()) {
                    continue;
                }
                checked++;
                double register = e1.get() - e0.get();
                if (Math.abs(cou - register) > ENERGY_TOLERANCE_KWH) {
                    e.fail(where + ": -Cou " + cou + " kWh, the 2011 import register rose " + round(register)
                            + " kWh over the hour (AGG-03)");
                }
                checkMean(
                        e,
                        d,
                        where,
                        avg,
                        cou,
                        1,
                        meanOfRtd(rtd, start, start.plusHours(1), p.power().code()));
                checkRange(e, where, p.power());
            }
        }
        e.note(checked + " hour(s) with both boundary 2011 readings checked");
        if (checked == 0) {
            e.inconclusive("no 2061 record whose boundary 2011 readings were both seen");
        }
    }

    static void day(Conversation conv, Evidence e) {
        Declaration d = conv.capture().declaration();
        TreeMap<LocalDateTime, Map<String, FactorValues>> hours = records(conv, 2061);
        Map<LocalDateTime, Map<String, FactorValues>> rtd = records(conv, 2011);
        int checked = 0;
        for (Map.Entry<LocalDateTime, Map<String, FactorValues>> day :
                records(conv, 2031).entrySet()) {
            LocalDateTime start = day.getKey();
            var ofDay = hours.subMap(start, true, start.plusDays(1), false);
            for (Pair p : pairs(day.getValue())) {
                String where = "2031 " + start + " " + p.energy().code() + "/"
                        + p.power().code();
                double sum = 0;
                double means = 0;
                int n = 0;
                for (Map<String, FactorValues> hour : ofDay.values()) {
                    FactorValues he = hour.get(p.energy().code());
                    FactorValues hp = hour.get(p.power().code());
                    if (he != null && he.cou().isPresent()) {
                        sum += he.cou().get().doubleValue();
                        n++;
                    }
                    if (hp != null && hp.avg().isPresent()) {
                        means += hp.avg().get().doubleValue();
                    }
                }
                if (n == 0) {
                    continue;
                }
                checked++;
                double cou = value(p.energy(), "Cou");
                Optional<Double> e0 = rtd(rtd, start, p.energy().code());
                Optional<Double> e1 = rtd(rtd, start.plusDays(1), p.energy().code());
                if (e0.isPresent() && e1.isPresent() && Math.abs(cou - (e1.get() - e0.get())) > ENERGY_TOLERANCE_KWH) {
                    e.fail(where + ": -Cou " + cou + " kWh, the 2011 import register rose " + round(e1.get() - e0.get())
                            + " kWh over the day (AGG-05)");
                }
                if (Math.abs(cou - sum) > 0.01 * (n + 1)) {
                    e.fail(where + ": -Cou " + cou + " kWh, the day's " + n + " hour record(s) sum to " + round(sum)
                            + " kWh (AGG-05)");
                }
                checkMean(e, d, where, value(p.power(), "Avg"), cou, 24, Optional.of(means / n));
                if (n == 24) {
                    // E / 24 h of a day the device did not meter whole may lie below the minimum it metered
                    checkRange(e, where, p.power());
                } else {
                    e.note(where + ": " + n + " hour record(s) of the day; -Min/-Max not compared with -Avg");
                }
            }
        }
        e.note(checked + " day record(s) checked against their hours");
        if (checked == 0) {
            e.inconclusive("no 2031 record with hour records of its day");
        }
    }

    static void interval(Conversation conv, Evidence e) {
        Duration step = conv.capture().declaration().rtdInterval();
        Map<LocalDateTime, Map<String, FactorValues>> rtd = records(conv, 2011);
        int checked = 0;
        for (Map.Entry<LocalDateTime, Map<String, FactorValues>> i :
                records(conv, 2051).entrySet()) {
            LocalDateTime start = i.getKey();
            for (Pair p : pairs(i.getValue())) {
                Optional<Double> e0 = rtd(rtd, start, p.energy().code());
                Optional<Double> e1 = rtd(rtd, start.plus(step), p.energy().code());
                if (e0.isEmpty() || e1.isEmpty()) {
                    continue;
                }
                checked++;
                double cou = value(p.energy(), "Cou");
                double register = e1.get() - e0.get();
                if (Math.abs(cou - register) > ENERGY_TOLERANCE_KWH) {
                    e.fail("2051 " + start + " " + p.energy().code() + ": -Cou " + cou + " kWh, the 2011 import"
                            + " register rose " + round(register) + " kWh over the interval (AGG-02)");
                }
                checkRange(e, "2051 " + start + " " + p.power().code(), p.power());
            }
        }
        e.note(checked + " interval(s) with both boundary 2011 readings checked");
        if (checked == 0) {
            e.inconclusive("no 2051 record whose boundary 2011 readings were both seen");
        }
    }

    private static void checkMean(
            Evidence e, Declaration d, String where, double avg, double cou, int hours, Optional<Double> samples) {
        if (d.hourAverage() == Declaration.HourAverage.ENERGY) {
            double expected = cou / hours;
            if (Math.abs(avg - expected) > MEAN_TOLERANCE_KW) {
                e.fail(where + ": -Avg " + avg + " kW, but the energy " + cou + " kWh over " + hours + " h means "
                        + round(expected) + " kW");
            }
        } else if (samples.isPresent()) {
            double expected = samples.get();
            if (Math.abs(avg - expected) > Math.max(MEAN_TOLERANCE_KW, SAMPLES_TOLERANCE * Math.abs(expected))) {
                e.fail(where + ": -Avg " + avg + " kW, the mean of the period's values is " + round(expected)
                        + " kW (AGG-04)");
            }
        }
    }

    private static void checkRange(Evidence e, String where, FactorValues power) {
        Optional<BigDecimal> min = power.min();
        Optional<BigDecimal> avg = power.avg();
        Optional<BigDecimal> max = power.max();
        if (min.isPresent() && avg.isPresent() && max.isPresent()) {
            double a = avg.get().doubleValue();
            if (min.get().doubleValue() > a + 0.001 || a > max.get().doubleValue() + 0.001) {
                e.fail(where + ": -Min " + min.get() + " <= -Avg " + avg.get() + " <= -Max " + max.get() + " fails");
            }
        }
    }

    /** Mean of the 2011 {@code -Rtd} of {@code code} stamped in [from, to). */
    private static Optional<Double> meanOfRtd(
            Map<LocalDateTime, Map<String, FactorValues>> rtd, LocalDateTime from, LocalDateTime to, String code) {
        double sum = 0;
        int n = 0;
        for (Map.Entry<LocalDateTime, Map<String, FactorValues>> r : rtd.entrySet()) {
            if (!r.getKey().isBefore(from) && r.getKey().isBefore(to)) {
                FactorValues f = r.getValue().get(code);
                if (f != null && f.rtd().isPresent()) {
                    sum += f.rtd().get().doubleValue();
                    n++;
                }
            }
        }
        return n == 0 ? Optional.empty() : Optional.of(sum / n);
    }

    /**
     * The {@code -Rtd} of {@code code} in the 2011 record stamped {@code t}, or in the one nearest to it within the
     * snapping tolerance (rulebook AGG-01: a sample within ±2 min of a grid point is assigned to it).
     */
    private static Optional<Double> rtd(
            Map<LocalDateTime, Map<String, FactorValues>> rtd, LocalDateTime t, String code) {
        Map<String, FactorValues> r = rtd.get(t);
        if (r == null && rtd instanceof TreeMap<LocalDateTime, Map<String, FactorValues>> sorted) {
            LocalDateTime best = null;
            for (LocalDateTime k :
                    sorted.subMap(t.minus(SNAP), true, t.plus(SNAP), true).keySet()) {
                if (best == null
                        || Duration.between(k, t)
                                        .abs()
                                        .compareTo(Duration.between(best, t).abs())
                                < 0) {
                    best = k;
                }
            }
            r = best == null ? null : sorted.get(best);
        }
        if (r == null || !r.containsKey(code)) {
            return Optional.empty();
        }
        return r.get(code).rtd().map(BigDecimal::doubleValue);
    }

    /**
     * The device's records of {@code cn} by DataTime: the factors of the first arrival (packets of a split message
     * merged), live uploads and retrieved records alike.
     */
    static TreeMap<LocalDateTime, Map<String, FactorValues>> records(Conversation conv, int cn) {
        TreeMap<LocalDateTime, Map<String, FactorValues>> out = new TreeMap<>();
        Map<String, Boolean> seenPacket = new LinkedHashMap<>();
        for (Conversation.Seen f : conv.up()) {
            if (f.cn() != cn || !(f.message().orElse(null) instanceof DataUpload u)) {
                continue;
            }
            LocalDateTime t = u.cp().dataTime().orElse(null);
            if (t == null) {
                continue;
            }
            String packet = t + "/"
                    + (u.header().packet() == null ? 0 : u.header().packet().number());
            if (seenPacket.putIfAbsent(packet, true) != null) {
                continue; // a retry, resend or retrieval of a record already seen
            }
            Map<String, FactorValues> factors = out.computeIfAbsent(t, k -> new LinkedHashMap<>());
            for (FactorValues v : u.factors()) {
                factors.putIfAbsent(v.code(), v);
            }
        }
        return out;
    }

    private static List<Pair> pairs(Map<String, FactorValues> record) {
        List<FactorValues> energies = new ArrayList<>();
        List<FactorValues> powers = new ArrayList<>();
        for (FactorValues v : record.values()) {
            if (v.cou().isPresent()) {
                energies.add(v);
            }
            if (v.avg().isPresent()) {
                powers.add(v);
            }
        }
        List<Pair> out = new ArrayList<>();
        if (energies.size() == 1 && powers.size() == 1) {
            out.add(new Pair(energies.get(0), powers.get(0)));
            return out;
        }
        for (FactorValues en : energies) {
            for (FactorValues p : powers) {
                if (p.code().length() >= 2
                        && en.code().length() >= 2
                        && suffix(p).equals(suffix(en))) {
                    out.add(new Pair(en, p));
                    break;
                }
            }
        }
        return out;
    }

    private static String suffix(FactorValues v) {
        return v.code().substring(v.code().length() - 2);
    }

    private static double value(FactorValues v, String suffix) {
        return v.decimal(suffix).map(BigDecimal::doubleValue).orElse(Double.NaN);
    }

    private static String round(double v) {
        return BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
