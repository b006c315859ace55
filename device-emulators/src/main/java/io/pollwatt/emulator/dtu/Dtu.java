package io.pollwatt.emulator.dtu;

import io.pollwatt.emulator.code.FactorCodeTable;
import io.pollwatt.emulator.code.Quantity;
import io.pollwatt.emulator.lora.LoraLink;
import io.pollwatt.emulator.record.MeterPoll;
import io.pollwatt.emulator.record.RecordBuilder;
import io.pollwatt.emulator.store.RecordStore;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.Hj212Error;
import io.pollwatt.hj212.frame.FrameWriter;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Command;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.ExeRtn;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.QnRtn;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.message.St;
import io.pollwatt.hj212.packet.Packetizer;
import io.pollwatt.twin.sim.PointSample;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulated 4G DTU (domain-rules §1.4, rulebook D1): it polls its meters over their LoRa links on the quarter-hour
 * grid (every {@code RtdInterval}, 900 s by default), builds a strict HJ 212-2017 2011 record (split into packets when
 * it exceeds 1024 bytes), stores it durably, and hands it to one {@link Sender} per platform (一点多发). It answers
 * the platform's commands (hj212-2017.md §8, §9.2): 1011/1012 device time, 1061/1062 real-time interval,
 * 1000 OverTime/ReCount, 1072 password, 2011/2012 start/stop real-time upload, and history retrieval of 2011 records
 * with BeginTime/EndTime, each record a new QN, then 9012; bad requests get 9011 with the Table 7 code.
 *
 * <p>Time comes from a {@link Scheduler}; the DTU's own clock may drift ({@link #setClockOffset}), which moves its
 * QNs and DataTimes but not when it polls. Not thread-safe: one scheduler thread.
 */
public final class Dtu {

    private static final Logger LOG = LoggerFactory.getLogger(Dtu.class);

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

    /**
     * How the DTU is set up.
     *
     * @param mn its MN (a device whose MN was never delivered sends {@code factoryMn})
     * @param factoryMn the MN it sends when {@code mnDelivered} is false
     * @param mnDelivered whether the MN was configured on site
     * @param pw its access password
     * @param codes the factor code table
     * @param rtdInterval the real-time interval (RtdInterval, 900 s by D1)
     * @param zone the zone of its clock (QN and DataTime carry none)
     */
    public record Config(
            String mn,
            String factoryMn,
            boolean mnDelivered,
            String pw,
            FactorCodeTable codes,
            Duration rtdInterval,
            ZoneId zone) {
        public Config {
            Objects.requireNonNull(mn, "mn");
            Objects.requireNonNull(factoryMn, "factoryMn");
            Objects.requireNonNull(pw, "pw");
            Objects.requireNonNull(codes, "codes");
            Objects.requireNonNull(zone, "zone");
            if (rtdInterval.getSeconds() < 30 || rtdInterval.getSeconds() > 3600) {
                throw new IllegalArgumentException("RtdInterval must be 30..3600 s, got " + rtdInterval);
            }
        }
    }

    private final Config config;
    private final List<MeterBinding> meters;
    private final Function<String, PointSample> readings;
    private final RecordStore store;
    private final Scheduler scheduler;
    private final Map<String, Sender> senders = new LinkedHashMap<>();
    private final Map<String, Uplink> uplinks = new LinkedHashMap<>();
    private final List<RecordStore.Dropped> dropped = new ArrayList<>();
    private Duration rtdInterval;
    private Duration clockOffset = Duration.ZERO;
    private String pw;
    private boolean realtimeOn = true;
    private LocalDateTime lastQn = LocalDateTime.MIN;
    private long built;
    private long lostPolls;

    /**
     * A DTU reading its meters' values through {@code readings} (the twin's samples by point id, at the current
     * instant), storing in {@code store}.
     */
    public Dtu(
            Config config,
            List<MeterBinding> meters,
            Function<String, PointSample> readings,
            RecordStore store,
            Scheduler scheduler) {
        this.config = Objects.requireNonNull(config, "config");
        this.meters = List.copyOf(meters);
        this.readings = Objects.requireNonNull(readings, "readings");
        this.store = Objects.requireNonNull(store, "store");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.rtdInterval = config.rtdInterval();
        this.pw = config.pw();
    }

    /** Connects a platform: the DTU uploads to it with its own send cursor in the store. */
    public Sender connect(String platform, Uplink uplink, Sender.Settings settings) {
        Sender sender = new Sender(platform, store, uplink, scheduler, config.zone(), settings);
        senders.put(platform, sender);
        uplinks.put(platform, uplink);
        return sender;
    }

    /** Starts polling on the grid (the first poll at the next multiple of RtdInterval) and the hourly expiry. */
    public void start() {
        scheduleNextPoll();
        scheduler.schedule(Duration.ofHours(1), this::expire);
    }

    /** Drops what is older than the store's retention (30 days) and records what was lost unsent. */
    private void expire() {
        long inFlight =
                senders.values().stream().mapToLong(Sender::inFlightSeq).min().orElse(Long.MAX_VALUE);
        for (RecordStore.Dropped d : store.expire(scheduler.now(), inFlight)) {
            LOG.warn(
                    "DTU {}: store full, dropped {} record(s) never acknowledged by {} ({} .. {})",
                    mn(),
                    d.count(),
                    d.platform(),
                    d.firstDataTime(),
                    d.lastDataTime());
            dropped.add(d);
        }
        scheduler.schedule(Duration.ofHours(1), this::expire);
    }

    /** What the store dropped unsent so far, per platform (the loss a platform must be able to report). */
    public List<RecordStore.Dropped> dropped() {
        return List.copyOf(dropped);
    }

    /** The MN the DTU sends. */
    public String mn() {
        return config.mnDelivered() ? config.mn() : config.factoryMn();
    }

    /** Moves the DTU's clock against true time (clock drift, DQ-18). */
    public void setClockOffset(Duration offset) {
        this.clockOffset = Objects.requireNonNull(offset, "offset");
    }

    /** Records built so far (packets counted one by one) and polls lost on the LoRa links. */
    public long recordsBuilt() {
        return built;
    }

    /** Polls lost so far. */
    public long lostPolls() {
        return lostPolls;
    }

    private void scheduleNextPoll() {
        long step = rtdInterval.getSeconds();
        long now = scheduler.now().getEpochSecond();
        long next = (now / step + 1) * step;
        scheduler.schedule(Duration.ofSeconds(next - now), () -> {
            poll();
            scheduleNextPoll();
        });
    }

    /** Polls every meter now, builds, stores and offers the record (if real-time upload is on). */
    void poll() {
        Instant now = scheduler.now();
        List<MeterPoll> polls = new ArrayList<>(meters.size());
        for (MeterBinding m : meters) {
            LoraLink.Outcome outcome = m.link().exchange(now, 12, 96);
            PointSample s = outcome instanceof LoraLink.Delivered ? readings.apply(m.pointId()) : null;
            if (s == null) {
                lostPolls++;
                polls.add(new MeterPoll.Lost(m.number()));
            } else {
                polls.add(new MeterPoll.Read(m.number(), s.measured(), s.importKwh(), s.exportKwh()));
            }
        }
        LocalDateTime local = deviceTime();
        RecordBuilder builder = new RecordBuilder(config.codes(), RecordBuilder.ALL, mn(), pw);
        LocalDateTime dataTime = local.withNano(0);
        Hj212Message record = builder.realtime(dataTime, nextQnTime(), polls);
        for (Hj212Message packet : Packetizer.split(record)) {
            String segment = segment(packet);
            long seq = store.append(now, Cn.REALTIME_DATA.wire(), segment);
            built++;
            if (realtimeOn) {
                senders.values().forEach(s -> s.offerLive(seq));
            }
        }
    }

    /** A frame from {@code platform}: an answer for the sender, or a command for the DTU. */
    public void onFrame(String platform, Decoded decoded) {
        Sender sender = senders.get(platform);
        if (decoded instanceof Decoded.Rejected rejected) {
            LOG.warn("DTU {}: frame from {} rejected: {}", mn(), platform, rejected);
            answerBadFrame(platform, rejected);
            return;
        }
        Hj212Message m = ((Decoded.Ok) decoded).message();
        if (m instanceof Reply) {
            sender.onFrame(decoded);
            return;
        }
        if (!(m instanceof Command command)) {
            LOG.warn("DTU {}: unexpected {} from {}", mn(), m.cn(), platform);
            return;
        }
        handle(platform, command);
    }

    private void handle(String platform, Command c) {
        Header h = c.header();
        QnRtn refusal = check(h);
        boolean notification = c.cn().is(Cn.STOP_REALTIME_DATA) || c.cn().is(Cn.STOP_FACILITY_STATE);
        if (refusal != null) {
            send(platform, Reply.requestAnswer(h, refusal));
            return;
        }
        if (notification) {
            if (c.cn().is(Cn.STOP_REALTIME_DATA)) {
                realtimeOn = false;
            }
            if (h.answerWanted()) {
                send(platform, Reply.notificationAnswer(h));
            }
            return;
        }
        Cn cn = c.cn().known().orElse(null);
        if (cn == null) {
            send(platform, Reply.requestAnswer(h, QnRtn.WRONG_CN));
            return;
        }
        switch (cn) {
            case DEVICE_TIME:
                ready(platform, h);
                send(platform, data(h, Cn.DEVICE_TIME, Cp.of(CpItem.of("SystemTime", time(deviceTime())))));
                done(platform, h, ExeRtn.SUCCESS);
                return;
            case SET_DEVICE_TIME: {
                if (c.systemTime().isEmpty()) {
                    send(platform, Reply.requestAnswer(h, QnRtn.REFUSED));
                    return;
                }
                ready(platform, h);
                LocalDateTime trueLocal = LocalDateTime.ofInstant(scheduler.now(), config.zone());
                clockOffset = Duration.between(trueLocal, c.systemTime().get());
                done(platform, h, ExeRtn.SUCCESS);
                return;
            }
            case REALTIME_INTERVAL:
                ready(platform, h);
                send(platform, data(h, cn, Cp.of(CpItem.of("RtdInterval", Long.toString(rtdInterval.getSeconds())))));
                done(platform, h, ExeRtn.SUCCESS);
                return;
            case SET_REALTIME_INTERVAL: {
                int seconds = c.rtdInterval().orElse(-1);
                if (seconds < 30 || seconds > 3600) {
                    send(platform, Reply.requestAnswer(h, QnRtn.REFUSED));
                    return;
                }
                ready(platform, h);
                rtdInterval = Duration.ofSeconds(seconds); // takes effect from the next poll
                done(platform, h, ExeRtn.SUCCESS);
                return;
            }
            case SET_TIMEOUT_AND_RETRIES:
            case SET_PASSWORD: {
                if (cn == Cn.SET_PASSWORD && c.newPw().isEmpty()) {
                    send(platform, Reply.requestAnswer(h, QnRtn.REFUSED));
                    return;
                }
                if (cn == Cn.SET_TIMEOUT_AND_RETRIES) {
                    int over = c.overTime().orElse(-1);
                    int re = c.reCount().orElse(-1);
                    if (over < 1 || over > 99 || re < 1 || re > 99) {
                        send(platform, Reply.requestAnswer(h, QnRtn.REFUSED));
                        return;
                    }
                    ready(platform, h);
                    senders.get(platform).retune(Duration.ofSeconds(over), re);
                } else {
                    ready(platform, h);
                    pw = c.newPw().get();
                }
                done(platform, h, ExeRtn.SUCCESS);
                return;
            }
            case REALTIME_DATA:
                ready(platform, h);
                realtimeOn = true;
                done(platform, h, ExeRtn.SUCCESS);
                return;
            case MINUTE_DATA:
            case HOUR_DATA:
            case DAY_DATA:
                history(platform, c);
                return;
            default:
                send(platform, Reply.requestAnswer(h, QnRtn.WRONG_CN));
        }
    }

    /**
     * History retrieval (§9.2): the stored records of the range, oldest first, each a new exchange with its own QN
     * and Flag 4, between a 9011 and a 9012 ({@code ExeRtn=100} when there are none). pollwatt's DTUs keep 2011
     * records, so a 2051/2061/2031 request is answered from them with the requested CN's name on each record only
     * when they were stored under that CN; otherwise {@code ExeRtn=100}.
     */
    private void history(String platform, Command c) {
        Header h = c.header();
        if (c.beginTime().isEmpty() || c.endTime().isEmpty()) {
            send(platform, Reply.requestAnswer(h, QnRtn.REFUSED));
            return;
        }
        ready(platform, h);
        Instant from = c.beginTime().get().atZone(config.zone()).toInstant().minus(clockOffset);
        Instant to = c.endTime().get().atZone(config.zone()).toInstant().minus(clockOffset);
        List<RecordStore.StoredRecord> records = store.range(c.cn().text(), from, to);
        for (RecordStore.StoredRecord r : records) {
            Decoded d = Hj212Codec.strict()
                    .decode(FrameWriter.frame(r.segment().getBytes(StandardCharsets.UTF_8)), Direction.UP);
            if (d instanceof Decoded.Ok ok) {
                Header stored = ok.message().header();
                send(
                        platform,
                        Hj212Message.of(
                                stored.withQn(Qn.of(nextQnTime()))
                                        .withFlag(Flag.of(false, stored.flag().split())),
                                ok.message().cp()));
            }
        }
        done(platform, h, records.isEmpty() ? ExeRtn.NO_DATA : ExeRtn.SUCCESS);
    }

    /** The Table 7 answer for a request this DTU must refuse, or null. */
    private QnRtn check(Header h) {
        if (!mn().equals(h.mn())) {
            return QnRtn.WRONG_MN;
        }
        if (!pw.equals(h.pw())) {
            return QnRtn.WRONG_PW;
        }
        return null;
    }

    private void answerBadFrame(String platform, Decoded.Rejected rejected) {
        // §9.1: answer a damaged request with its QnRtn only when QN and MN could still be read; here they cannot
        // be trusted, so the DTU stays silent and lets the platform's timeout and retry run.
        if (rejected.code() == Hj212Error.BAD_CRC) {
            LOG.debug("DTU {}: bad CRC from {}, no answer", mn(), platform);
        }
    }

    private void ready(String platform, Header request) {
        send(platform, Reply.requestAnswer(request, QnRtn.READY));
    }

    private void done(String platform, Header request, ExeRtn result) {
        send(platform, Reply.executionResult(request, result));
    }

    /** Data returned for a "get" request carries the request's QN (§9.2), Flag 4, the DTU's ST. */
    private Hj212Message data(Header request, Cn cn, Cp cp) {
        return Hj212Message.of(Header.of(request.qn(), St.FLUE_GAS_PROCESS, cn, pw, mn(), Flag.of(false, false)), cp);
    }

    private void send(String platform, Hj212Message m) {
        uplinks.get(platform).send(Hj212Codec.encode(m));
    }

    private LocalDateTime deviceTime() {
        return LocalDateTime.ofInstant(scheduler.now().plus(clockOffset), config.zone());
    }

    private LocalDateTime nextQnTime() {
        LocalDateTime t = deviceTime();
        if (!t.isAfter(lastQn)) {
            t = lastQn.plusNanos(1_000_000);
        }
        lastQn = t;
        return t;
    }

    private static String segment(Hj212Message m) {
        byte[] frame = Hj212Codec.encode(m);
        return new String(frame, 6, frame.length - 12, StandardCharsets.UTF_8);
    }

    private static String time(LocalDateTime t) {
        return "%04d%02d%02d%02d%02d%02d"
                .formatted(
                        t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
    }

    /** The quantities a pollwatt DTU reports. */
    public static java.util.Set<Quantity> quantities() {
        return RecordBuilder.ALL;
    }
}
