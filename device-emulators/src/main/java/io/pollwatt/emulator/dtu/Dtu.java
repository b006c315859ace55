package io.pollwatt.emulator.dtu;

import io.pollwatt.emulator.code.FactorCodeTable;
import io.pollwatt.emulator.device.FieldDevice;
import io.pollwatt.emulator.device.Scheduler;
import io.pollwatt.emulator.lora.LoraLink;
import io.pollwatt.emulator.record.MeterPoll;
import io.pollwatt.emulator.record.RecordBuilder;
import io.pollwatt.emulator.store.RecordStore;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.twin.sim.PointSample;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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
    private long lostPolls;

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

    @Override
    protected Hj212Message buildRecord(LocalDateTime dataTime, LocalDateTime qnTime, String mn, String pw) {
        List<MeterPoll> polls = new ArrayList<>(meters.size());
        for (MeterBinding m : meters) {
            LoraLink.Outcome outcome = m.link().exchange(scheduler.now(), 12, 96);
            PointSample s = outcome instanceof LoraLink.Delivered ? readings.apply(m.pointId()) : null;
            if (s == null) {
                lostPolls++;
                polls.add(new MeterPoll.Lost(m.number()));
            } else {
                polls.add(new MeterPoll.Read(m.number(), s.measured(), s.importKwh(), s.exportKwh()));
            }
        }
        return new RecordBuilder(codes, RecordBuilder.ALL, mn, pw).realtime(dataTime, qnTime, polls);
    }
}
