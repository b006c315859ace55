package io.pollwatt.emulator.collector;

import io.pollwatt.emulator.device.FieldDevice;
import io.pollwatt.emulator.device.Scheduler;
import io.pollwatt.emulator.store.RecordStore;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.CpPair;
import io.pollwatt.hj212.message.DataFlag;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Hj212Time;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.twin.sim.StackSample;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A data collector (数采仪) with the VOC analyzer on a stack (domain-rules §1.3, §1.4; rules VOC-01…05): at every
 * {@code RtdInterval} it polls the analyzer over RS485 and uploads a strict 2011 record (ST 31) of TVOC,
 * flue-gas velocity, temperature, pressure and humidity. The data flags follow the analyzer: N running, M
 * maintenance, D fault, C calibrating, T when TVOC is above the measuring range (the value is then the range limit);
 * a failed poll sends flag B with no values. Storing, sending, resending and commands are {@link FieldDevice}'s.
 */
public final class VocCollector extends FieldDevice {

    /** What the analyzer is doing (its state sets the data flags). */
    public enum AnalyzerState {
        /** 运行: flag N (T above range). */
        RUNNING(DataFlag.NORMAL),
        /** 维护: flag M. */
        MAINTENANCE(DataFlag.MAINTENANCE),
        /** 故障: flag D. */
        FAULT(DataFlag.FAULT),
        /** 校准: flag C. */
        CALIBRATING(DataFlag.CALIBRATING);

        private final DataFlag flag;

        AnalyzerState(DataFlag flag) {
            this.flag = flag;
        }

        /** The data flag the state gives. */
        public DataFlag flag() {
            return flag;
        }
    }

    /**
     * Factor codes. TVOC has no HJ 212-2017 code (hj212-2017.md §14.2): pollwatt uses NMHC {@code a24088} unless
     * the target platform wants another, and says so in its configuration.
     *
     * @param tvoc TVOC
     * @param velocity flue-gas velocity (a01011)
     * @param temperature flue-gas temperature (a01012)
     * @param pressure flue-gas static pressure (a01013)
     * @param humidity flue-gas humidity (a01014)
     */
    public record Codes(String tvoc, String velocity, String temperature, String pressure, String humidity) {
        /** pollwatt's defaults. */
        public static final Codes DEFAULT = new Codes("a24088", "a01011", "a01012", "a01013", "a01014");
    }

    private final Codes codes;
    private final String stackId;
    private final Function<String, StackSample> readings;
    private final Rs485Link line;
    private final double rangeUpperMgM3;
    private AnalyzerState state = AnalyzerState.RUNNING;
    private long failedPolls;

    /** A collector polling the analyzer of {@code stackId} (the twin's stack samples) over {@code line}. */
    public VocCollector(
            Identity identity,
            Codes codes,
            String stackId,
            Function<String, StackSample> readings,
            Rs485Link line,
            double rangeUpperMgM3,
            RecordStore store,
            Scheduler scheduler) {
        super(identity, store, scheduler);
        this.codes = Objects.requireNonNull(codes, "codes");
        this.stackId = Objects.requireNonNull(stackId, "stackId");
        this.readings = Objects.requireNonNull(readings, "readings");
        this.line = Objects.requireNonNull(line, "line");
        if (!(rangeUpperMgM3 > 0)) {
            throw new IllegalArgumentException("measuring range must be positive, got " + rangeUpperMgM3);
        }
        this.rangeUpperMgM3 = rangeUpperMgM3;
    }

    /** Puts the analyzer into a state (maintenance, calibration, fault, or back to running). */
    public void setAnalyzerState(AnalyzerState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /** Polls that failed on the RS485 line so far. */
    public long failedPolls() {
        return failedPolls;
    }

    @Override
    protected List<Hj212Message> buildRecords(
            LocalDateTime dataTime, java.util.function.Supplier<LocalDateTime> qnTimes, String mn, String pw) {
        List<CpItem> items = new ArrayList<>();
        items.add(CpItem.of("DataTime", Hj212Time.format(dataTime)));
        String[] all = {codes.tvoc(), codes.velocity(), codes.temperature(), codes.pressure(), codes.humidity()};
        if (line.poll() != Rs485Link.Outcome.OK) {
            failedPolls++;
            for (String code : all) {
                items.add(CpItem.of(code + "-Flag", DataFlag.COMMUNICATION_FAILURE.wire()));
            }
        } else {
            StackSample s = readings.apply(stackId);
            double tvoc = s.tvocMgM3();
            DataFlag tvocFlag = state.flag();
            if (state == AnalyzerState.RUNNING && tvoc > rangeUpperMgM3) {
                tvoc = rangeUpperMgM3;
                tvocFlag = DataFlag.ABOVE_RANGE;
            }
            items.add(item(codes.tvoc(), tvoc, 3, tvocFlag));
            items.add(item(codes.velocity(), s.velocityMs(), 2, state.flag()));
            items.add(item(codes.temperature(), s.temperatureC(), 1, state.flag()));
            items.add(item(codes.pressure(), s.pressureKpa(), 3, state.flag()));
            items.add(item(codes.humidity(), s.humidityPercent(), 1, state.flag()));
        }
        Header h = Header.of(Qn.of(qnTimes.get()), identity().st(), Cn.REALTIME_DATA, pw, mn, Flag.of(true, false));
        return List.of(Hj212Message.of(h, new Cp(items)));
    }

    private static CpItem item(String code, double value, int decimals, DataFlag flag) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        return CpItem.of(
                new CpPair(code + "-Rtd", (d.signum() == 0 ? d.abs() : d).toPlainString()),
                new CpPair(code + "-Flag", flag.wire()));
    }
}
