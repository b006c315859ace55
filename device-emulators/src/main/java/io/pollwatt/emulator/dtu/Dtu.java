package io.pollwatt.emulator.dtu;

import io.pollwatt.emulator.code.FactorCodeTable;
import io.pollwatt.emulator.device.DtuDefect;
import io.pollwatt.emulator.device.FieldDevice;
import io.pollwatt.emulator.device.Scheduler;
import io.pollwatt.emulator.lora.LoraLink;
import io.pollwatt.emulator.meter.DemandRegisters;
import io.pollwatt.emulator.record.MeterPoll;
import io.pollwatt.emulator.record.RecordBuilder;
import io.pollwatt.emulator.store.RecordStore;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.twin.sim.PointSample;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An emulated 4G DTU (domain-rules §1.4, rulebook D1): at every {@code RtdInterval} on the grid (900 s by default)
 * it polls its meters over their LoRa links and builds a strict HJ 212-2017 2011 record of every quantity of every
 * meter ({@link RecordBuilder}); a lost poll is a gap flagged B, never invented. Storing, sending, resending and
 * answering commands are {@link FieldDevice}'s.
 */
public final class Dtu extends FieldDevice {

    /**
     * One meter behind the DTU.
     *
     * @param number meter number within the DTU (1–99), carried by the factor codes
     * @param pointId the twin point it meters
     * @param link its LoRa link
     */
    public record MeterBinding(int number, String pointId, LoraLink link) {
        public MeterBinding {
            Objects.requireNonNull(pointId, "pointId");
            Objects.requireNonNull(link, "link");
        }
    }

    private final FactorCodeTable codes;
    private final List<MeterBinding> meters;
    private final Function<String, PointSample> readings;
    private final Map<Integer, DemandRegisters> demand = new HashMap<>();
    private final Map<Integer, Double> lastImport = new HashMap<>();
    private final Map<Integer, Period> hour = new HashMap<>();
    private final Map<Integer, Period> day = new HashMap<>();
    private LocalDateTime previousPoll;
    private long lostPolls;

    /** Sums of one meter's 15-minute values over an hour or a day. */
    private static final class Period {
        double energy;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(RecordBuilder.IntervalStats s) {
            energy += s.energyKwh();
            min = Math.min(min, s.minKw());
            max = Math.max(max, s.maxKw());
        }

        RecordBuilder.IntervalStats stats(int meter, double hours) {
            return new RecordBuilder.IntervalStats(meter, energy, energy / hours, min, max);
        }
    }

    /**
     * A DTU reading its meters' values through {@code readings} (the twin's samples by point id, at the current
     * instant), with factor codes from {@code codes}.
     */
    public Dtu(
            Identity identity,
            FactorCodeTable codes,
            List<MeterBinding> meters,
            Function<String, PointSample> readings,
            RecordStore store,
            Scheduler scheduler) {
        super(identity, store, scheduler);
        this.codes = Objects.requireNonNull(codes, "codes");
        this.meters = List.copyOf(meters);
        this.readings = Objects.requireNonNull(readings, "readings");
    }

    /** Polls lost on the LoRa links so far. */
    public long lostPolls() {
        return lostPolls;
    }

    /** The meters sample their own power every minute (their demand registers), between the DTU's polls. */
    @Override
    protected void onStart() {
        for (MeterBinding m : meters) {
            demand.put(m.number(), new DemandRegisters());
        }
        scheduler.schedule(Duration.ZERO, this::sampleMeters);
    }

    private void sampleMeters() {
        for (MeterBinding m : meters) {
            PointSample s = readings.apply(m.pointId());
            if (s != null) {
                demand.get(m.number()).sample(s.measured().pKw());
            }
        }
        scheduler.schedule(Duration.ofMinutes(1), this::sampleMeters);
    }

    /**
     * The 2011 record of this poll; then the 2051 record of the interval that just ended (energy as the register
     * difference, power statistics from the meter's demand registers), and at an hour or day boundary the 2061 or
     * 2031 record of the hour or day that ended.
     */
    @Override
    protected List<Hj212Message> buildRecords(
            LocalDateTime dataTime, Supplier<LocalDateTime> qnTimes, String mn, String pw) {
        RecordBuilder builder = new RecordBuilder(codes, RecordBuilder.ALL, mn, pw);
        List<MeterPoll> polls = new ArrayList<>(meters.size());
        List<RecordBuilder.IntervalStats> interval = new ArrayList<>();
        for (MeterBinding m : meters) {
            LoraLink.Outcome outcome = m.link().exchange(scheduler.now(), 12, 96);
            PointSample s = outcome instanceof LoraLink.Delivered ? readings.apply(m.pointId()) : null;
            DemandRegisters.Reading d =
                    demand.containsKey(m.number()) ? demand.get(m.number()).take() : null;
            if (s == null) {
                lostPolls++;
                polls.add(new MeterPoll.Lost(m.number()));
                continue;
            }
            polls.add(new MeterPoll.Read(m.number(), s.measured(), s.importKwh(), s.exportKwh()));
            Double before = lastImport.put(m.number(), s.importKwh());
            if (before != null && d != null && previousPoll != null) {
                interval.add(new RecordBuilder.IntervalStats(
                        m.number(), energy(before, s.importKwh()), d.avgKw(), d.minKw(), d.maxKw()));
            }
        }
        List<Hj212Message> out = new ArrayList<>();
        out.add(builder.realtime(dataTime, qnTimes.get(), polls));
        if (previousPoll != null && !interval.isEmpty()) {
            out.add(builder.interval(previousPoll, qnTimes.get(), interval));
            for (RecordBuilder.IntervalStats st : interval) {
                hour.computeIfAbsent(st.meter(), k -> new Period()).add(st);
                day.computeIfAbsent(st.meter(), k -> new Period()).add(st);
            }
            LocalDateTime hourMark = nearestHour(dataTime);
            // the poll of the hour's end closes the hour; a clock a few seconds off (a 1012 over a slow link leaves
            // it so) still closes it, and the records carry the start of the hour (§9.3), not the clock's seconds
            if (Math.abs(Duration.between(hourMark, dataTime).getSeconds()) < 60) {
                List<RecordBuilder.IntervalStats> hourStats = close(hour, 1);
                if (defect() == DtuDefect.WRONG_HOUR_AVERAGE) {
                    hourStats = hourStats.stream()
                            .map(st -> new RecordBuilder.IntervalStats(
                                    st.meter(), st.energyKwh(), st.avgKw() * 1.25, st.minKw(), st.maxKw()))
                            .toList();
                }
                out.add(builder.history(Cn.HOUR_DATA, hourMark.minusHours(1), qnTimes.get(), hourStats));
                if (hourMark.getHour() == 0) {
                    out.add(builder.history(Cn.DAY_DATA, hourMark.minusDays(1), qnTimes.get(), close(day, 24)));
                }
            }
        }
        previousPoll = dataTime;
        return out;
    }

    /** The whole hour nearest to {@code t}. */
    private static LocalDateTime nearestHour(LocalDateTime t) {
        return t.plusMinutes(30).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    }

    private static List<RecordBuilder.IntervalStats> close(Map<Integer, Period> periods, double hours) {
        List<RecordBuilder.IntervalStats> out = new ArrayList<>();
        new java.util.TreeMap<>(periods).forEach((meter, p) -> out.add(p.stats(meter, hours)));
        periods.clear();
        return out;
    }

    /** Register difference, across a rollover of the DL/T 645 register (EM-07); a reset shows as it is. */
    private static double energy(double before, double now) {
        double delta = now - before;
        if (delta < 0 && before > 0.9 * 999_999.99 && now < 0.1 * 999_999.99) {
            delta += 999_999.99;
        }
        return delta;
    }
}
