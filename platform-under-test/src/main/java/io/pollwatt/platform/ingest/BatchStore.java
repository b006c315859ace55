package io.pollwatt.platform.ingest;

import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.message.CpPair;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.platform.registry.DeviceRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one batch of frames within the caller's transaction: the registry's verdict on each, one evidence entry
 * each (hash-chained per MN), quarantine entries, and the data rows, bulk-loaded with binary {@code COPY}
 * ({@link CopyBinary}) and inserted idempotently on (MN, CN, DataTime, name); a row seen before with the same value is
 * a duplicate (a resend), with another value a conflict, kept out of the data and reported. What it learns (chain
 * heads, counters) takes effect only when the caller reports the commit through {@link Outcome#committed()}.
 *
 * <p>Used by the single writer thread only.
 */
final class BatchStore {

    private final DeviceRegistry registry;
    private final IngestStats stats;
    /** The hash of the last committed evidence entry of each MN ("" for frames without one). */
    private final Map<String, byte[]> heads = new HashMap<>();

    /**
     * The newest DataTime stored of each series (MN and CN) this writer has seen, {@link LocalDateTime#MIN} for none:
     * read once, then kept from its own commits. The writer is the only one to store its MNs' records, so a record
     * newer than that cannot be stored yet and needs no look-up: devices send in time order, and only resends and
     * late data are probed.
     */
    private final Map<Series, LocalDateTime> newest = new HashMap<>();

    private final Partitions partitions;
    private final CopyBinary copyRows = new CopyBinary();
    private final JsonbOrder jsonbOrder = new JsonbOrder();

    BatchStore(DeviceRegistry registry, IngestStats stats, Partitions partitions) {
        this.partitions = partitions;
        this.registry = registry;
        this.stats = stats;
    }

    /** What a batch did, to be applied once its transaction has committed. */
    final class Outcome {
        private final List<Judged> judged;
        private final Map<String, byte[]> newHeads;
        private final long[] counts; // accepted, rejected, quarantined, records, duplicates, conflicts
        private final Map<Series, LocalDateTime> newNewest;

        private Outcome(
                List<Judged> judged,
                Map<String, byte[]> newHeads,
                long[] counts,
                Map<Series, LocalDateTime> newNewest) {
            this.judged = judged;
            this.newHeads = newHeads;
            this.counts = counts;
            this.newNewest = newNewest;
        }

        /** The frames with their verdicts, in arrival order. */
        List<Judged> judged() {
            return judged;
        }

        /** The transaction committed: remember its chain heads and partitions, count it. */
        void committed() {
            for (Judged j : judged) {
                if (j.verdict() == Judged.Verdict.ACCEPTED) {
                    stats.seen(j.mn(), j.frame().receivedAt());
                }
            }
            heads.putAll(newHeads);
            newNewest.forEach((series, t) -> newest.merge(series, t, BatchStore::later));
            stats.accepted.addAndGet(counts[0]);
            stats.rejected.addAndGet(counts[1]);
            stats.quarantined.addAndGet(counts[2]);
            stats.records.addAndGet(counts[3]);
            stats.duplicates.addAndGet(counts[4]);
            stats.conflicts.addAndGet(counts[5]);
        }
    }

    /** Writes {@code batch}; each frame is filed under its own receipt time. */
    Outcome write(Connection c, List<Inbound> batch) throws SQLException {
        List<Judged> judged = judge(c, batch);
        long[] counts = new long[6];
        for (Judged j : judged) {
            counts[j.verdict().ordinal()]++;
        }
        for (Inbound f : batch) {
            partitions.ensure(
                    "evidence", f.receivedAt().atOffset(ZoneOffset.UTC).toLocalDateTime(), true);
        }
        Map<String, byte[]> newHeads = new HashMap<>();
        if (counts[Judged.Verdict.QUARANTINED.ordinal()] > 0) {
            long[] ids = evidenceIds(c, judged.size());
            copyEvidence(c, judged, ids, newHeads);
            quarantine(c, judged, ids);
        } else {
            // nothing refers to the entries' ids: the column's default numbers them, in row order, without the
            // round trip that fetches them first (most batches; every one of a scenario's devices)
            copyEvidence(c, judged, null, newHeads);
        }
        Map<Series, LocalDateTime> newNewest = new HashMap<>();
        storeRecords(c, judged, counts, newNewest);
        return new Outcome(judged, newHeads, counts, newNewest);
    }

    private List<Judged> judge(Connection c, List<Inbound> batch) throws SQLException {
        Set<String> mns = new HashSet<>();
        for (Inbound f : batch) {
            if (f.decoded() instanceof Decoded.Ok ok && ok.message().mn() != null) {
                mns.add(ok.message().mn());
            }
        }
        Map<String, String> passwords = registry.passwords(c, mns);
        List<Judged> judged = new ArrayList<>(batch.size());
        for (Inbound f : batch) {
            if (f.decoded() instanceof Decoded.Rejected r) {
                judged.add(new Judged(f, null, Judged.Verdict.REJECTED, r.code().name()));
                continue;
            }
            Hj212Message m = ((Decoded.Ok) f.decoded()).message();
            String pw = passwords.get(m.mn());
            if (pw == null) {
                judged.add(new Judged(f, m.mn(), Judged.Verdict.QUARANTINED, "UNKNOWN_MN"));
            } else if (!pw.equals(m.header().pw())) {
                judged.add(new Judged(f, m.mn(), Judged.Verdict.QUARANTINED, "BAD_PW"));
            } else if (m instanceof DataUpload u && !hasDataTime(u)) {
                // lenient decoding let it through, but data without a time cannot be filed
                judged.add(new Judged(f, m.mn(), Judged.Verdict.REJECTED, "BAD_DATATIME"));
            } else {
                judged.add(new Judged(f, m.mn(), Judged.Verdict.ACCEPTED, null));
            }
        }
        return judged;
    }

    private static boolean hasDataTime(DataUpload u) {
        try {
            u.dataTime();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private static long[] evidenceIds(Connection c, int n) throws SQLException {
        long[] ids = new long[n];
        try (PreparedStatement ps =
                c.prepareStatement("select nextval('evidence_id_seq') from generate_series(1, ?)")) {
            ps.setInt(1, n);
            try (ResultSet rs = ps.executeQuery()) {
                for (int i = 0; i < n && rs.next(); i++) {
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids; // from one sequence: ascending within the batch, so the chain follows id order
    }

    /**
     * Copies one evidence entry per frame, with {@code ids} when given; without, the column's default numbers them
     * (one sequence, taken row by row as COPY reads them: ascending in batch order, as the chain needs).
     */
    private void copyEvidence(Connection c, List<Judged> judged, long[] ids, Map<String, byte[]> newHeads)
            throws SQLException {
        CopyBinary rows = copyRows.reset();
        for (int i = 0; i < judged.size(); i++) {
            Judged j = judged.get(i);
            String key = j.mn() == null ? "" : j.mn();
            byte[] prev = newHeads.containsKey(key) ? newHeads.get(key) : head(c, key);
            Instant receivedAt = j.frame().receivedAt();
            byte[] hash = EvidenceLog.hash(
                    prev, receivedAt, j.verdict().name(), j.frame().raw());
            newHeads.put(key, hash);
            if (ids != null) {
                rows.row(9).int8(ids[i]);
            } else {
                rows.row(8);
            }
            rows.text(j.mn()).timestamptz(receivedAt).text(j.frame().peer());
            rows.text(j.verdict().name())
                    .text(j.code())
                    .bytea(j.frame().raw())
                    .bytea(prev)
                    .bytea(hash);
        }
        rows.copyIn(
                c,
                ids != null
                        ? "copy evidence (id, mn, received_at, peer, verdict, code, raw, prev_hash, hash)"
                                + " from stdin (format binary)"
                        : "copy evidence (mn, received_at, peer, verdict, code, raw, prev_hash, hash)"
                                + " from stdin (format binary)");
    }

    /** The last committed hash of {@code key}'s chain: remembered, or read once from the log (after a restart). */
    private byte[] head(Connection c, String key) throws SQLException {
        if (heads.containsKey(key)) {
            return heads.get(key);
        }
        try (PreparedStatement ps =
                c.prepareStatement("select hash from evidence where coalesce(mn, '') = ? order by id desc limit 1")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                byte[] h = rs.next() ? rs.getBytes(1) : null;
                heads.put(key, h); // committed data: safe to remember even if this batch rolls back
                return h;
            }
        }
    }

    private static void quarantine(Connection c, List<Judged> judged, long[] ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into quarantine (mn, received_at, reason, evidence_id) values (?, ?, ?, ?)")) {
            boolean any = false;
            for (int i = 0; i < judged.size(); i++) {
                Judged j = judged.get(i);
                if (j.verdict() == Judged.Verdict.QUARANTINED) {
                    ps.setString(1, j.mn());
                    ps.setTimestamp(2, Timestamp.from(j.frame().receivedAt()));
                    ps.setString(3, j.code());
                    ps.setLong(4, ids[i]);
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    /** A record of the batch: its key, its CP pairs (DataTime aside) and where it came from. */
    private record Staged(RecordKey key, Map<String, String> cp, String qn, Instant receivedAt) {}

    /** The key a record is stored under. */
    private record RecordKey(String mn, String cn, LocalDateTime dataTime) {
        Series series() {
            return new Series(mn, cn);
        }
    }

    /** One device's records of one kind (CN). */
    private record Series(String mn, String cn) {}

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private void storeRecords(Connection c, List<Judged> judged, long[] counts, Map<Series, LocalDateTime> newNewest)
            throws SQLException {
        List<Staged> staged = new ArrayList<>();
        for (Judged j : judged) {
            if (j.verdict() != Judged.Verdict.ACCEPTED
                    || !(((Decoded.Ok) j.frame().decoded()).message() instanceof DataUpload u)) {
                continue;
            }
            LocalDateTime dataTime = u.dataTime();
            partitions.ensure("record", dataTime, false);
            Map<String, String> cp = new LinkedHashMap<>();
            for (CpPair pair : u.cp().pairs()) {
                if (!pair.name().equals("DataTime")) {
                    cp.putIfAbsent(pair.name(), pair.value());
                }
            }
            String qn = u.header().qn() == null ? null : u.header().qn().text();
            staged.add(new Staged(
                    new RecordKey(u.mn(), u.cn().text(), dataTime),
                    cp,
                    qn,
                    j.frame().receivedAt()));
        }
        if (staged.isEmpty()) {
            return;
        }
        // the first arrival of each key not stored yet is copied straight into the table (this thread is the only
        // writer, so what it finds absent stays absent); every other arrival is compared with what is stored
        learnNewest(c, staged);
        List<Staged> maybeStored = new ArrayList<>();
        for (Staged r : staged) {
            if (!r.key().dataTime().isAfter(newest.get(r.key().series()))) {
                maybeStored.add(r);
            }
            newNewest.merge(r.key().series(), r.key().dataTime(), BatchStore::later);
        }
        Set<RecordKey> existing = maybeStored.isEmpty() ? Set.of() : existingKeys(c, maybeStored);
        Set<RecordKey> taken = new HashSet<>();
        CopyBinary rows = copyRows.reset();
        List<Staged> again = new ArrayList<>();
        for (Staged r : staged) {
            if (existing.contains(r.key()) || !taken.add(r.key())) {
                again.add(r);
                continue;
            }
            rows.row(6).text(r.key().mn()).text(r.key().cn()).timestamp(r.key().dataTime());
            rows.jsonb(r.cp(), jsonbOrder.of(r.cp())).text(r.qn()).timestamptz(r.receivedAt());
        }
        if (!taken.isEmpty()) {
            rows.copyIn(c, "copy record (mn, cn, data_time, cp, qn, received_at) from stdin (format binary)");
        }
        counts[3] += taken.size();
        if (!again.isEmpty()) {
            settleRepeats(c, again, counts);
        }
    }

    /**
     * Reads the newest stored DataTime of the batch's series not seen before (committed data: safe to remember even
     * if this batch rolls back), one backward index probe each.
     */
    private void learnNewest(Connection c, List<Staged> staged) throws SQLException {
        Map<Series, Staged> unseen = new LinkedHashMap<>();
        for (Staged r : staged) {
            if (!newest.containsKey(r.key().series())) {
                unseen.putIfAbsent(r.key().series(), r);
            }
        }
        if (unseen.isEmpty()) {
            return;
        }
        List<Series> series = new ArrayList<>(unseen.keySet());
        try (PreparedStatement ps = c.prepareStatement("select k.mn, k.cn, last.data_time"
                + " from unnest(?::text[], ?::text[]) k(mn, cn)"
                + " left join lateral (select r.data_time from record r where r.mn = k.mn and r.cn = k.cn"
                + " order by r.data_time desc limit 1) last on true")) {
            ps.setArray(
                    1, c.createArrayOf("text", series.stream().map(Series::mn).toArray()));
            ps.setArray(
                    2, c.createArrayOf("text", series.stream().map(Series::cn).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDateTime t = rs.getObject(3, LocalDateTime.class);
                    newest.put(new Series(rs.getString(1), rs.getString(2)), t == null ? LocalDateTime.MIN : t);
                }
            }
        }
    }

    /**
     * Which of the batch's keys are stored already: one index probe each. The probe is a lateral subquery with a
     * limit so that the planner cannot turn it into a hash join over the whole month partition, which it did for
     * a partition without statistics yet (every new month, and the benchmark: a sequential scan per batch).
     */
    private static Set<RecordKey> existingKeys(Connection c, List<Staged> staged) throws SQLException {
        Set<RecordKey> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select k.mn, k.cn, k.data_time"
                + " from unnest(?::text[], ?::text[], ?::timestamp[]) k(mn, cn, data_time)"
                + " cross join lateral (select from record r where r.mn = k.mn and r.cn = k.cn"
                + " and r.data_time = k.data_time limit 1) stored")) {
            bindKeys(c, ps, staged);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RecordKey(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class)));
                }
            }
        }
        return out;
    }

    private static void bindKeys(Connection c, PreparedStatement ps, List<Staged> rows) throws SQLException {
        ps.setArray(
                1, c.createArrayOf("text", rows.stream().map(r -> r.key().mn()).toArray()));
        ps.setArray(
                2, c.createArrayOf("text", rows.stream().map(r -> r.key().cn()).toArray()));
        // as text, cast by the server: no detour through java.sql.Timestamp and the JVM's zone
        ps.setArray(
                3,
                c.createArrayOf(
                        "text",
                        rows.stream().map(r -> r.key().dataTime().toString()).toArray()));
    }

    /**
     * Records whose key was stored before (or earlier in this batch): unchanged ones are duplicates (resends);
     * a name stored with another value is a conflict, kept out and reported; names not stored yet are added.
     */
    private static void settleRepeats(Connection c, List<Staged> again, long[] counts) throws SQLException {
        Map<RecordKey, Map<String, String>> stored = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select k.mn, k.cn, k.data_time, e.key, e.value"
                + " from unnest(?::text[], ?::text[], ?::timestamp[]) k(mn, cn, data_time)"
                + " cross join lateral (select r.cp from record r where r.mn = k.mn and r.cn = k.cn"
                + " and r.data_time = k.data_time limit 1) stored, jsonb_each_text(stored.cp) e")) {
            bindKeys(c, ps, again);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    RecordKey key =
                            new RecordKey(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDateTime.class));
                    stored.computeIfAbsent(key, k -> new HashMap<>()).put(rs.getString(4), rs.getString(5));
                }
            }
        }
        try (PreparedStatement conflict = c.prepareStatement("insert into record_conflict (mn, cn, data_time, name,"
                        + " stored_value, conflicting_value, received_at) values (?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement add = c.prepareStatement(
                        "update record set cp = cp || ?::jsonb where mn = ? and cn = ? and data_time = ?")) {
            for (Staged r : again) {
                Map<String, String> current = stored.computeIfAbsent(r.key(), k -> new HashMap<>());
                Map<String, String> added = new LinkedHashMap<>();
                int conflicts = 0;
                for (Map.Entry<String, String> e : r.cp().entrySet()) {
                    String was = current.get(e.getKey());
                    if (was == null) {
                        added.put(e.getKey(), e.getValue());
                    } else if (!was.equals(e.getValue())) {
                        conflict.setString(1, r.key().mn());
                        conflict.setString(2, r.key().cn());
                        conflict.setObject(3, r.key().dataTime());
                        conflict.setString(4, e.getKey());
                        conflict.setString(5, was);
                        conflict.setString(6, e.getValue());
                        conflict.setTimestamp(7, Timestamp.from(r.receivedAt()));
                        conflict.addBatch();
                        conflicts++;
                    }
                }
                if (!added.isEmpty()) {
                    add.setString(1, Json.object(added));
                    add.setString(2, r.key().mn());
                    add.setString(3, r.key().cn());
                    add.setObject(4, r.key().dataTime());
                    add.addBatch();
                    current.putAll(added);
                } else if (conflicts == 0) {
                    counts[4]++; // a resend: nothing new
                }
                counts[5] += conflicts;
            }
            conflict.executeBatch();
            add.executeBatch();
        }
    }
}
