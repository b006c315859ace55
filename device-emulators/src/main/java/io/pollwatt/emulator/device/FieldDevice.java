package io.pollwatt.emulator.device;

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
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.ExeRtn;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Hj212Time;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.QnRtn;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.message.St;
import io.pollwatt.hj212.packet.Packetizer;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every emulated field device (DTU, data collector) does the same way (hj212-2017.md §9, domain-rules §1.4):
 * on the {@code RtdInterval} grid it builds its record ({@link #buildRecord}), splits it into packets when it
 * exceeds 1024 bytes, stores it durably and hands it to one {@link Sender} per platform (一点多发); it expires its
 * 30-day store and reports what it dropped unsent; and it answers the platform's commands: 1011/1012 device time,
 * 1061/1062 real-time interval, 1000 OverTime/ReCount, 1072 password, 2011/2012 start/stop real-time upload, and
 * history retrieval with BeginTime/EndTime, each record a new QN, then 9012; bad requests get 9011 with the Table 7
 * code.
 *
 * <p>Time comes from a {@link Scheduler}; the device's own clock may drift ({@link #setClockOffset}), which moves
 * its QNs and DataTimes but not when it polls. Not thread-safe: one scheduler thread.
 */
public abstract class FieldDevice {

    private static final Logger LOG = LoggerFactory.getLogger(FieldDevice.class);

    /**
     * Who the device is and how it reports.
     *
     * @param mn its MN (a device whose MN was never delivered sends {@code factoryMn})
     * @param factoryMn the MN it sends when {@code mnDelivered} is false
     * @param mnDelivered whether the MN was configured on site
     * @param pw its access password
     * @param st its system code: 51 for electricity (工况) DTUs, 31 for a stack's data collector
     * @param rtdInterval the real-time interval (RtdInterval, 900 s by D1)
     * @param zone the zone of its clock (QN and DataTime carry none)
     */
    public record Identity(
            String mn, String factoryMn, boolean mnDelivered, String pw, St st, Duration rtdInterval, ZoneId zone) {
        public Identity {
            Objects.requireNonNull(mn, "mn");
            Objects.requireNonNull(factoryMn, "factoryMn");
            Objects.requireNonNull(pw, "pw");
            Objects.requireNonNull(st, "st");
            Objects.requireNonNull(zone, "zone");
            if (rtdInterval.getSeconds() < 30 || rtdInterval.getSeconds() > 3600) {
                throw new IllegalArgumentException("RtdInterval must be 30..3600 s, got " + rtdInterval);
            }
        }
    }

    private final Identity identity;
    private final RecordStore store;
    /** The device's time source; subclasses poll on it. */
    protected final Scheduler scheduler;

    private final Map<String, Sender> senders = new LinkedHashMap<>();
    private final Map<String, Uplink> uplinks = new LinkedHashMap<>();
    private final List<RecordStore.Dropped> dropped = new ArrayList<>();
    private Duration rtdInterval;
    private Duration clockOffset = Duration.ZERO;
    private String pw;
    private boolean realtimeOn = true;
    private final QnSequence qns = new QnSequence();
    private long built;
    private DtuDefect defect = DtuDefect.NONE;

    /** A device storing in {@code store}, living on {@code scheduler}. */
    protected FieldDevice(Identity identity, RecordStore store, Scheduler scheduler) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.store = Objects.requireNonNull(store, "store");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.rtdInterval = identity.rtdInterval();
        this.pw = identity.pw();
    }

    /**
     * The device's records of this poll (its 2011 record first), stamped {@code dataTime} on the device clock; each
     * takes its QN time from {@code qnTimes}.
     */
    protected abstract List<Hj212Message> buildRecords(
            LocalDateTime dataTime, java.util.function.Supplier<LocalDateTime> qnTimes, String mn, String pw);

    /** Called once by {@link #start}, for devices that sample between polls. */
    protected void onStart() {}

    /** Connects a platform: the device uploads to it with its own send cursor in the store. */
    public Sender connect(String platform, Uplink uplink, Sender.Settings settings) {
        Uplink wire = defect.framing() ? new DefectiveFraming(uplink, defect) : uplink;
        Sender sender = new Sender(platform, store, wire, scheduler, identity.zone(), settings);
        sender.inject(defect);
        sender.shareQns(qns);
        senders.put(platform, sender);
        uplinks.put(platform, wire);
        return sender;
    }

    /**
     * Gives the device one deliberate defect (certification self-test only; {@link DtuDefect#NONE} by default). Call
     * it before {@link #connect}.
     *
     * @throws IllegalStateException when a platform is already connected
     */
    public void inject(DtuDefect defect) {
        if (!senders.isEmpty()) {
            throw new IllegalStateException("inject the defect before connecting a platform, device " + mn());
        }
        this.defect = Objects.requireNonNull(defect, "defect");
    }

    /** The device's deliberate defect ({@link DtuDefect#NONE} unless injected). */
    protected DtuDefect defect() {
        return defect;
    }

    /** Starts polling on the grid from now (the first poll at the next multiple of RtdInterval) and the hourly expiry. */
    public void start() {
        start(scheduler.now());
    }

    /**
     * Starts polling on the grid from {@code from}: the first poll is the first grid instant after it, even when the
     * scheduler is already past that (a fleet whose simulated period began before its devices were up catches up).
     */
    public void start(Instant from) {
        onStart();
        scheduleNextPoll(from);
        scheduler.schedule(Duration.ofHours(1), this::expire);
    }

    /** Drops what is older than the store's retention (30 days) and records what was lost unsent. */
    private void expire() {
        long inFlight =
                senders.values().stream().mapToLong(Sender::inFlightSeq).min().orElse(Long.MAX_VALUE);
        for (RecordStore.Dropped d : store.expire(scheduler.now(), inFlight)) {
            LOG.warn(
                    "device {}: store full, dropped {} record(s) never acknowledged by {} ({} .. {})",
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

    /**
     * Asks {@code platform} to set the device's time (CN 1013, a notification with Flag A: the platform answers 9013
     * and then sends 1012; hj212-2017.md §9.2).
     */
    public void requestTimeCalibration(String platform) {
        Header h = Header.of(
                Qn.of(nextQnTime()), identity.st(), Cn.TIME_CALIBRATION_REQUEST, pw, mn(), Flag.of(true, false));
        send(platform, Hj212Message.of(h, Cp.EMPTY));
    }

    /** Who the device is. */
    public Identity identity() {
        return identity;
    }

    /** The MN the device sends. */
    public String mn() {
        return identity.mnDelivered() ? identity.mn() : identity.factoryMn();
    }

    /** Moves the device's clock against true time (clock drift, DQ-18). */
    public void setClockOffset(Duration offset) {
        this.clockOffset = Objects.requireNonNull(offset, "offset");
    }

    /** Records built so far (packets counted one by one). */
    public long recordsBuilt() {
        return built;
    }

    /**
     * Schedules the poll at the first grid instant after {@code previous} (the last grid polled, not the moment the
     * scheduler got round to it): a scheduler running late, as scaled wall time does on a loaded machine, then
     * catches up every grid instant in order instead of skipping the ones it overslept.
     */
    private void scheduleNextPoll(Instant previous) {
        long step = rtdInterval.getSeconds();
        Instant next = Instant.ofEpochSecond(Math.floorDiv(previous.getEpochSecond(), step) * step + step);
        Duration delay = Duration.between(scheduler.now(), next);
        scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, () -> {
            poll(next);
            scheduleNextPoll(next);
        });
    }

    /** Builds, stores and offers the record of the poll due at {@code grid} (if real-time upload is on). */
    void poll(Instant grid) {
        Instant now = grid;
        LocalDateTime stamp = LocalDateTime.ofInstant(grid.plus(clockOffset), identity.zone());
        for (Hj212Message record : buildRecords(stamp, this::nextQnTime, mn(), pw)) {
            // stored under its DataTime (device clock), which history requests and retention go by
            Instant dataTime = record instanceof DataUpload upload
                    ? upload.dataTime().atZone(identity.zone()).toInstant()
                    : now;
            List<Hj212Message> packets = Packetizer.split(record);
            if (defect == DtuDefect.DROPS_LAST_PACKET && packets.size() > 1) {
                // dropped before the store, as a device whose packetising loop ends one short loses it for good:
                // neither live upload, resend nor history retrieval can send it
                packets = packets.subList(0, packets.size() - 1);
            }
            for (Hj212Message packet : packets) {
                long seq = store.append(dataTime, record.cn().text(), segment(packet));
                built++;
                if (realtimeOn || !record.cn().is(Cn.REALTIME_DATA)) {
                    senders.values().forEach(sender -> sender.offerLive(seq));
                }
            }
        }
    }

    /** A frame from {@code platform}: an answer for the sender, or a command for the device. */
    public void onFrame(String platform, Decoded decoded) {
        Sender sender = senders.get(platform);
        if (decoded instanceof Decoded.Rejected rejected) {
            LOG.warn("device {}: frame from {} rejected: {}", mn(), platform, rejected);
            answerBadFrame(platform, rejected);
            return;
        }
        Hj212Message m = ((Decoded.Ok) decoded).message();
        if (m instanceof Reply) {
            sender.onFrame(decoded);
            return;
        }
        if (!(m instanceof Command command)) {
            LOG.warn("device {}: unexpected {} from {}", mn(), m.cn(), platform);
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
                send(platform, data(h, Cn.DEVICE_TIME, Cp.of(CpItem.of("SystemTime", Hj212Time.format(deviceTime())))));
                done(platform, h, ExeRtn.SUCCESS);
                return;
            case SET_DEVICE_TIME: {
                if (c.systemTime().isEmpty()) {
                    send(platform, Reply.requestAnswer(h, QnRtn.REFUSED));
                    return;
                }
                ready(platform, h);
                LocalDateTime trueLocal = LocalDateTime.ofInstant(scheduler.now(), identity.zone());
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
                if (defect != DtuDefect.IGNORES_RETRIEVAL) {
                    history(platform, c);
                }
                return;
            case DEVICE_INFO:
                deviceInfo(platform, c);
                return;
            default:
                send(platform, Reply.requestAnswer(h, QnRtn.WRONG_CN));
        }
    }

    /**
     * History retrieval (§9.2): the stored records of the range, oldest first, each a new exchange with its own QN
     * and Flag 4, between a 9011 and a 9012 ({@code ExeRtn=100} when there are none). pollwatt's devices keep 2011
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
        Instant from = c.beginTime().get().atZone(identity.zone()).toInstant();
        Instant to = c.endTime().get().atZone(identity.zone()).toInstant();
        List<RecordStore.StoredRecord> records = store.range(c.cn().text(), from, to);
        for (RecordStore.StoredRecord r : records) {
            Decoded d = Hj212Codec.strict()
                    .decode(FrameWriter.frame(r.segment().getBytes(StandardCharsets.UTF_8)), Direction.UP);
            if (d instanceof Decoded.Ok ok) {
                Header stored = ok.message().header();
                Qn qn = Qn.of(nextQnTime());
                if (qn.equals(h.qn())) {
                    // the platform's QN ran into the device's own sequence (both stamp milliseconds; in virtual time
                    // both run ahead of a clock standing still): a returned record is a new exchange, never the
                    // request's (§9.2)
                    qn = Qn.of(nextQnTime());
                }
                send(
                        platform,
                        Hj212Message.of(
                                stored.withQn(qn)
                                        .withFlag(Flag.of(false, stored.flag().split())),
                                ok.message().cp()));
            }
        }
        done(platform, h, records.isEmpty() ? ExeRtn.NO_DATA : ExeRtn.SUCCESS);
    }

    /**
     * 3020 提取现场机信息 (hj212-2017.md §14.6): the data collector's log {@code i21001} as {@code //text//}, the one
     * place HJ 212-2017 allows non-ASCII (UTF-8) text (§3), with the request's QN; other information codes: 9012
     * {@code ExeRtn=100}.
     */
    private void deviceInfo(String platform, Command c) {
        Header h = c.header();
        ready(platform, h);
        if (!"i21001".equals(c.infoId().orElse(""))) {
            done(platform, h, ExeRtn.NO_DATA);
            return;
        }
        String log = "//数采仪运行正常，实时数据间隔" + rtdInterval.getSeconds() + "秒//";
        send(
                platform,
                data(
                        h,
                        Cn.DEVICE_INFO,
                        Cp.of(
                                CpItem.of(
                                        "DataTime",
                                        Hj212Time.format(deviceTime().withNano(0))),
                                CpItem.of("i21001-Info", log))));
        done(platform, h, ExeRtn.SUCCESS);
    }

    /** The Table 7 answer for a request this device must refuse, or null. */
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
        // be trusted, so the device stays silent and lets the platform's timeout and retry run.
        if (rejected.code() == Hj212Error.BAD_CRC) {
            LOG.debug("device {}: bad CRC from {}, no answer", mn(), platform);
        }
    }

    private void ready(String platform, Header request) {
        send(platform, Reply.requestAnswer(request, QnRtn.READY));
    }

    private void done(String platform, Header request, ExeRtn result) {
        send(platform, Reply.executionResult(request, result));
    }

    /** Data returned for a "get" request carries the request's QN (§9.2), Flag 4, the device's ST. */
    private Hj212Message data(Header request, Cn cn, Cp cp) {
        return Hj212Message.of(Header.of(request.qn(), St.FLUE_GAS_PROCESS, cn, pw, mn(), Flag.of(false, false)), cp);
    }

    private void send(String platform, Hj212Message m) {
        uplinks.get(platform).send(Hj212Codec.encode(m));
    }

    private LocalDateTime deviceTime() {
        return LocalDateTime.ofInstant(scheduler.now().plus(clockOffset), identity.zone());
    }

    private LocalDateTime nextQnTime() {
        return qns.next(deviceTime());
    }

    private static String segment(Hj212Message m) {
        byte[] frame = Hj212Codec.encode(m);
        return new String(frame, 6, frame.length - 12, StandardCharsets.UTF_8);
    }
}
