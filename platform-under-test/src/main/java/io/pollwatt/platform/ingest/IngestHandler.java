package io.pollwatt.platform.ingest;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.CpPair;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.netty.ReceivedFrame;
import io.pollwatt.platform.registry.DeviceRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the frames of one device connection: every frame goes to the evidence log; an upload of a registered
 * device with its password is stored idempotently on (MN, CN, DataTime, name), and only after the transaction has
 * committed is it acknowledged with 9014 (a device that gets no 9014 resends, so an acknowledgement is a promise
 * that the data are durable). Unknown MNs and wrong passwords are quarantined with their frames and not
 * acknowledged. Runs on an executor off the event loop (JDBC blocks), one connection's frames in order.
 */
final class IngestHandler extends SimpleChannelInboundHandler<ReceivedFrame> {

    private static final Logger LOG = LoggerFactory.getLogger(IngestHandler.class);

    private final DataSource db;
    private final DeviceRegistry registry;
    private final EvidenceLog evidence;
    private final Clock clock;
    private final IngestStats stats;

    IngestHandler(DataSource db, DeviceRegistry registry, EvidenceLog evidence, Clock clock, IngestStats stats) {
        this.db = Objects.requireNonNull(db, "db");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ReceivedFrame frame) throws SQLException {
        Instant now = clock.instant();
        String peer = String.valueOf(ctx.channel().remoteAddress());
        byte[] raw = frame.raw().toByteArray();
        Decoded decoded = frame.decoded();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            if (decoded instanceof Decoded.Rejected rejected) {
                evidence.append(c, null, now, peer, "REJECTED", rejected.code().name(), raw);
                c.commit();
                stats.rejected.incrementAndGet();
                LOG.warn("frame from {} rejected: {}", peer, rejected);
                return;
            }
            Hj212Message m = ((Decoded.Ok) decoded).message();
            DeviceRegistry.Verdict verdict =
                    registry.check(c, m.mn(), m.header().pw());
            if (verdict != DeviceRegistry.Verdict.KNOWN) {
                long id = evidence.append(c, m.mn(), now, peer, "QUARANTINED", verdict.name(), raw);
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into quarantine (mn, received_at, reason, evidence_id) values (?, ?, ?, ?)")) {
                    ps.setString(1, m.mn());
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setString(3, verdict.name());
                    ps.setLong(4, id);
                    ps.executeUpdate();
                }
                c.commit();
                stats.quarantined.incrementAndGet();
                LOG.warn("frame of MN {} quarantined: {}", m.mn(), verdict);
                return;
            }
            evidence.append(c, m.mn(), now, peer, "ACCEPTED", null, raw);
            if (m instanceof DataUpload upload) {
                store(c, upload, now);
            }
            c.commit();
            stats.accepted.incrementAndGet();
            // only now, with the data durable, may the device forget them
            if (m instanceof DataUpload && m.header().answerWanted()) {
                ctx.writeAndFlush(Reply.dataAnswer(m.header()));
            } else if (m.cn().is(Cn.TIME_CALIBRATION_REQUEST) && m.header().answerWanted()) {
                ctx.writeAndFlush(Reply.notificationAnswer(m.header()));
            }
        }
    }

    private void store(Connection c, DataUpload upload, Instant now) throws SQLException {
        Timestamp dataTime = Timestamp.valueOf(upload.dataTime());
        String qn = upload.header().qn() == null ? null : upload.header().qn().text();
        try (PreparedStatement insert = c.prepareStatement(
                        "insert into record (mn, cn, data_time, name, value, qn, received_at) values (?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict do nothing");
                PreparedStatement existing = c.prepareStatement(
                        "select value from record where mn = ? and cn = ? and data_time = ? and name = ?");
                PreparedStatement conflict = c.prepareStatement(
                        "insert into record_conflict (mn, cn, data_time, name, stored_value, conflicting_value,"
                                + " received_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            for (CpPair pair : upload.cp().pairs()) {
                if (pair.name().equals("DataTime")) {
                    continue;
                }
                insert.setString(1, upload.mn());
                insert.setString(2, upload.cn().text());
                insert.setTimestamp(3, dataTime);
                insert.setString(4, pair.name());
                insert.setString(5, pair.value());
                insert.setString(6, qn);
                insert.setTimestamp(7, Timestamp.from(now));
                if (insert.executeUpdate() == 1) {
                    stats.records.incrementAndGet();
                    continue;
                }
                // already stored: the same value is a harmless resend, another value a conflict to report
                existing.setString(1, upload.mn());
                existing.setString(2, upload.cn().text());
                existing.setTimestamp(3, dataTime);
                existing.setString(4, pair.name());
                try (ResultSet rs = existing.executeQuery()) {
                    rs.next();
                    String stored = rs.getString(1);
                    if (stored.equals(pair.value())) {
                        stats.duplicates.incrementAndGet();
                        continue;
                    }
                    conflict.setString(1, upload.mn());
                    conflict.setString(2, upload.cn().text());
                    conflict.setTimestamp(3, dataTime);
                    conflict.setString(4, pair.name());
                    conflict.setString(5, stored);
                    conflict.setString(6, pair.value());
                    conflict.setTimestamp(7, Timestamp.from(now));
                    conflict.executeUpdate();
                    stats.conflicts.incrementAndGet();
                }
            }
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a storage failure: nothing is acknowledged, the device resends; the connection stays
        LOG.error("ingest from {} failed; frame not acknowledged", ctx.channel().remoteAddress(), cause);
    }
}
