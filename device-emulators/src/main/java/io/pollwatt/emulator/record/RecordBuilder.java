package io.pollwatt.emulator.record;

import io.pollwatt.emulator.code.FactorCodeTable;
import io.pollwatt.emulator.code.Quantity;
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
import io.pollwatt.hj212.message.St;
import io.pollwatt.twin.electric.InstantValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a DTU's uploads (rulebook D1, hj212-2017.md §9.3) in strict HJ 212-2017 form, {@code ST=51},
 * {@code Flag=5}:
 *
 * <ul>
 *   <li>{@code 2011} realtime: every configured quantity of every meter as {@code -Rtd} with {@code -Flag=N},
 *       stamped with the acquisition instant on the quarter-hour grid; a lost poll sends only {@code -Flag=B};
 *   <li>{@code 2051} minute data with {@code MinInterval} 15: the interval's energy as {@code -Cou} of the import
 *       register item and power {@code -Avg/-Min/-Max}, stamped with the interval start.
 * </ul>
 *
 * Numbers are written with the quantity's fixed decimals ({@link Quantity#decimals()}), rounding half up, never
 * in exponent form and never as {@code -0.00}. Quantities a wiring does not measure (NaN) are left out.
 */
public final class RecordBuilder {

    /** All quantities: what a pollwatt DTU reports unless configured otherwise. */
    public static final Set<Quantity> ALL = EnumSet.allOf(Quantity.class);

    private final FactorCodeTable codes;
    private final Set<Quantity> quantities;
    private final String mn;
    private final String pw;

    /** A builder for the DTU {@code mn} with password {@code pw}, reporting {@code quantities}. */
    public RecordBuilder(FactorCodeTable codes, Set<Quantity> quantities, String mn, String pw) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.quantities = EnumSet.copyOf(quantities);
        this.mn = Objects.requireNonNull(mn, "mn");
        this.pw = Objects.requireNonNull(pw, "pw");
    }

    /** The 2011 realtime upload of the polls made at {@code dataTime}, with a QN from the DTU clock {@code qnTime}. */
    public Hj212Message realtime(LocalDateTime dataTime, LocalDateTime qnTime, List<MeterPoll> polls) {
        List<CpItem> items = new ArrayList<>();
        items.add(CpItem.of("DataTime", Hj212Time.format(dataTime)));
        for (MeterPoll poll : polls) {
            if (poll instanceof MeterPoll.Read read) {
                for (Quantity q : quantities) {
                    double v = value(read, q);
                    if (!Double.isNaN(v)) {
                        String code = codes.code(q, read.meter());
                        items.add(CpItem.of(
                                new CpPair(code + "-Rtd", number(v, q.decimals())),
                                new CpPair(code + "-Flag", DataFlag.NORMAL.wire())));
                    }
                }
            } else {
                // a lost poll: mark the meter's power item, invent nothing
                items.add(CpItem.of(
                        codes.code(Quantity.P, poll.meter()) + "-Flag", DataFlag.COMMUNICATION_FAILURE.wire()));
            }
        }
        return Hj212Message.of(header(Cn.REALTIME_DATA, qnTime), new Cp(items));
    }

    /**
     * One meter's interval statistics for a 2051 record.
     *
     * @param meter meter number within the DTU
     * @param energyKwh import energy over the interval (register difference)
     * @param avgKw mean total active power
     * @param minKw minimum
     * @param maxKw maximum
     */
    public record IntervalStats(int meter, double energyKwh, double avgKw, double minKw, double maxKw) {}

    /** The 2051 record of the 15 minutes starting at {@code intervalStart}. */
    public Hj212Message interval(LocalDateTime intervalStart, LocalDateTime qnTime, List<IntervalStats> stats) {
        return history(Cn.MINUTE_DATA, intervalStart, qnTime, stats);
    }

    /**
     * A history record (2051 minute, 2061 hour, 2031 day; hj212-2017.md §9.3): per meter the energy as {@code -Cou}
     * of the import-register item and the total power's {@code -Avg/-Min/-Max}, stamped with the period's start.
     */
    public Hj212Message history(Cn cn, LocalDateTime periodStart, LocalDateTime qnTime, List<IntervalStats> stats) {
        if (cn != Cn.MINUTE_DATA && cn != Cn.HOUR_DATA && cn != Cn.DAY_DATA) {
            throw new IllegalArgumentException("history records are 2051, 2061 or 2031, got " + cn);
        }
        List<CpItem> items = new ArrayList<>();
        items.add(CpItem.of("DataTime", Hj212Time.format(periodStart)));
        for (IntervalStats s : stats) {
            String p = codes.code(Quantity.P, s.meter());
            items.add(CpItem.of(
                    new CpPair(p + "-Avg", number(s.avgKw(), Quantity.P.decimals())),
                    new CpPair(p + "-Min", number(s.minKw(), Quantity.P.decimals())),
                    new CpPair(p + "-Max", number(s.maxKw(), Quantity.P.decimals())),
                    new CpPair(p + "-Flag", DataFlag.NORMAL.wire())));
            String e = codes.code(Quantity.EP_IMPORT, s.meter());
            items.add(CpItem.of(
                    new CpPair(e + "-Cou", number(s.energyKwh(), Quantity.EP_IMPORT.decimals())),
                    new CpPair(e + "-Flag", DataFlag.NORMAL.wire())));
        }
        return Hj212Message.of(header(cn, qnTime), new Cp(items));
    }

    private Header header(Cn cn, LocalDateTime qnTime) {
        return Header.of(Qn.of(qnTime), St.FLUE_GAS_PROCESS, cn, pw, mn, Flag.of(true, false));
    }

    static double value(MeterPoll.Read r, Quantity q) {
        InstantValues v = r.values();
        switch (q) {
            case IA:
                return v.iaA();
            case IB:
                return v.ibA();
            case IC:
                return v.icA();
            case UA:
                return v.uaV();
            case UB:
                return v.ubV();
            case UC:
                return v.ucV();
            case UAB:
                return v.uabV();
            case UBC:
                return v.ubcV();
            case UCA:
                return v.ucaV();
            case PA:
                return v.paKw();
            case PB:
                return v.pbKw();
            case PC:
                return v.pcKw();
            case P:
                return v.pKw();
            case Q:
                return v.qKvar();
            case S:
                return v.sKva();
            case PF:
                return v.powerFactor();
            case F:
                return v.frequencyHz();
            case EP_IMPORT:
                return r.importKwh();
            case EP_EXPORT:
                return r.exportKwh();
            default:
                throw new IllegalStateException("no value for " + q);
        }
    }

    /** A plain decimal with {@code decimals} places, half up; never {@code -0.00}. */
    static String number(double v, int decimals) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
        if (d.signum() == 0) {
            d = d.abs();
        }
        return d.toPlainString();
    }
}
