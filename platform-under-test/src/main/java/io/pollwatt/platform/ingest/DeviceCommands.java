package io.pollwatt.platform.ingest;

import io.netty.channel.Channel;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.CommandCode;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Hj212Time;
import io.pollwatt.hj212.message.Qn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands the platform sends on its own (hj212-2017.md §9.2): it sets the time of a device whose clock is off
 * (its QN, the device's clock at sending, more than the tolerance from the receipt time: DQ-18), or that asks with
 * 1013, with 1012; and it asks a device for the minute data (2051) of a gap in its real-time records that has not
 * been filled by the device's own resending within the grace period (active gap fill, D1: HJ 212 has no request
 * for past 2011 records). Run by the writer after each commit, on its thread; every decision is taken on the
 * platform's clock, so it replays the same under virtual time.
 */
final class DeviceCommands {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceCommands.class);

    private final DataSource db;
    private final Clock clock;
    private final IngestSettings settings;
    private final IngestStats stats;
    private final Map<String, DeviceState> devices = new HashMap<>();

    /** What the platform remembers of one MN between frames. */
    private static final class DeviceState {
        LocalDateTime lastRealtime;
        Instant lastCalibration = Instant.MIN;
        /** Missing real-time instants, with when each was first seen missing. */
        final Map<LocalDateTime, Instant> missing = new HashMap<>();

        LocalDateTime lastQn = LocalDateTime.MIN;
    }

    DeviceCommands(DataSource db, Clock clock, IngestSettings settings, IngestStats stats) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    /** A frame from a registered device has been committed. */
    void committed(Hj212Message m, Channel channel, Instant receivedAt) {
        DeviceState state = devices.computeIfAbsent(m.mn(), mn -> new DeviceState());
        boolean asked = m.cn().is(Cn.TIME_CALIBRATION_REQUEST);
        if (asked || clockIsOff(m, receivedAt) && receivedAt.isAfter(state.lastCalibration.plus(Duration.ofHours(1)))) {
            setTime(m, channel, state, asked ? "the device asked (1013)" : "its clock is off");
        }
        if (m instanceof DataUpload u
                && u.cn().is(Cn.REALTIME_DATA)
                && u.header().packetIfPresent().map(p -> p.number() == 1).orElse(true)) {
            track(u, state, receivedAt);
            requestOverdueGaps(m, channel, state, receivedAt);
        }
    }

    private boolean clockIsOff(Hj212Message m, Instant receivedAt) {
        if (m.header().qn() == null) {
            return false;
        }
        LocalDateTime received = LocalDateTime.ofInstant(receivedAt, settings.deviceZone());
        Duration off = Duration.between(received, m.header().qn().time()).abs();
        return off.compareTo(settings.clockTolerance()) > 0;
    }

    private void setTime(Hj212Message m, Channel channel, DeviceState state, String why) {
        Instant now = clock.instant();
        state.lastCalibration = now;
        LocalDateTime local = LocalDateTime.ofInstant(now, settings.deviceZone());
        Header h = command(m, qn(state, local), Cn.SET_DEVICE_TIME);
        channel.writeAndFlush(Hj212Message.of(h, Cp.of(CpItem.of("SystemTime", Hj212Time.format(local)))));
        stats.timeCalibrations.incrementAndGet();
        LOG.info("device {}: setting its time to {} (1012): {}", m.mn(), local, why);
    }

    /** Notes the gaps a live record opens and the instants a resent one fills. */
    private void track(DataUpload u, DeviceState state, Instant receivedAt) {
        LocalDateTime t = u.dataTime();
        if (state.lastRealtime == null) {
            state.lastRealtime = lastStoredBefore(u.mn(), t).orElse(t);
        }
        state.missing.remove(t);
        if (t.isAfter(state.lastRealtime)) {
            // no further back than a device keeps its records (dtu.retentionDays): older ones cannot come
            LocalDateTime from = state.lastRealtime.isBefore(t.minusDays(30)) ? t.minusDays(30) : state.lastRealtime;
            for (LocalDateTime gap = from.plus(settings.realtimeInterval());
                    gap.isBefore(t);
                    gap = gap.plus(settings.realtimeInterval())) {
                state.missing.putIfAbsent(gap, receivedAt);
            }
            state.lastRealtime = t;
        }
    }

    /** Asks for the minute data of the instants missing for longer than the grace period, one request per run. */
    private void requestOverdueGaps(Hj212Message m, Channel channel, DeviceState state, Instant receivedAt) {
        TreeSet<LocalDateTime> overdue = new TreeSet<>();
        state.missing.forEach((t, since) -> {
            if (!receivedAt.isBefore(since.plus(settings.gapFillGrace()))) {
                overdue.add(t);
            }
        });
        if (overdue.isEmpty()) {
            return;
        }
        overdue.forEach(state.missing::remove); // asked once; what still lacks after that is the rules' business
        List<List<LocalDateTime>> runs = new ArrayList<>();
        for (LocalDateTime t : overdue) {
            if (runs.isEmpty()
                    || !runs.get(runs.size() - 1)
                            .get(runs.get(runs.size() - 1).size() - 1)
                            .plus(settings.realtimeInterval())
                            .equals(t)) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(t);
        }
        for (List<LocalDateTime> run : runs) {
            LocalDateTime begin = run.get(0);
            LocalDateTime end = run.get(run.size() - 1);
            LocalDateTime local = LocalDateTime.ofInstant(clock.instant(), settings.deviceZone());
            Header h = command(m, qn(state, local), Cn.MINUTE_DATA);
            channel.writeAndFlush(Hj212Message.of(
                    h,
                    Cp.of(
                            CpItem.of("BeginTime", Hj212Time.format(begin)),
                            CpItem.of("EndTime", Hj212Time.format(end)))));
            stats.gapRequests.incrementAndGet();
            LOG.info(
                    "device {}: real-time records {} .. {} still missing; asking for its minute data (2051)",
                    m.mn(),
                    begin,
                    end);
        }
    }

    /** The device's last real-time record stored before {@code t} (after a restart: where its gaps start). */
    private java.util.Optional<LocalDateTime> lastStoredBefore(String mn, LocalDateTime t) {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select max(data_time) from record where mn = ? and cn = '2011' and data_time < ?")) {
            ps.setString(1, mn);
            ps.setObject(2, t);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return java.util.Optional.ofNullable(rs.getObject(1, LocalDateTime.class));
            }
        } catch (SQLException e) {
            LOG.warn("device {}: cannot read its last stored record; gaps are tracked from now", mn, e);
            return java.util.Optional.empty();
        }
    }

    /** A fresh QN for a command to the device: the platform's clock, never repeating for one device. */
    private static Qn qn(DeviceState state, LocalDateTime now) {
        LocalDateTime t = now.isAfter(state.lastQn) ? now : state.lastQn.plusNanos(1_000_000);
        state.lastQn = t;
        return Qn.of(t);
    }

    /** A request to the device that sent {@code m}: its ST, PW and MN, an answer wanted (Flag 5). */
    private static Header command(Hj212Message m, Qn qn, Cn cn) {
        Header from = m.header();
        return new Header(
                qn, from.st(), CommandCode.of(cn), from.pw(), from.mn(), Flag.of(true, false), null, List.of());
    }
}
