package io.pollwatt.platform.alarms;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real-time and minute records (2011, 2051) of each device that the rule service's last evaluation read, kept
 * between its ticks so that the next one reads from the store only what is new: the time beyond what it read
 * before, and the DataTimes the ingest reported stored since ({@link #changed}). A tick re-reads the day before
 * the data that arrived, so without this every tick fetched and parsed about two days of every device's records
 * again, and every daily look-back evaluation thirty.
 *
 * <p>Only what the ingest reports can change a kept record: the reference platform writes records only through its
 * ingest, which reports each after it commits. A record that commits while a tick reads is seen by that read or
 * re-read by the next tick, as its report comes after its commit. The memory is bounded: past {@code budget}
 * records, the devices read longest ago are forgotten (and read whole again when next needed).
 */
final class RecentRecords {

    /**
     * A stored record: CN, DataTime, its CP as literal strings, when the platform received it, and its electric items
     * decoded (by the {@link RuleLoader} that read it).
     */
    record Row(
            String cn,
            LocalDateTime time,
            Map<String, String> cp,
            java.time.Instant receivedAt,
            List<RuleLoader.Item> electric) {

        /** A record without decoded items. */
        Row(String cn, LocalDateTime time, Map<String, String> cp, java.time.Instant receivedAt) {
            this(cn, time, cp, receivedAt, List.of());
        }
    }

    /** Reads a device's records from the store. */
    interface Store {
        /** The records of {@code mn} with from ≤ DataTime < until, in DataTime and CN order. */
        List<Row> between(Connection c, String mn, LocalDateTime from, LocalDateTime until) throws SQLException;

        /** The records of {@code mn} at exactly these DataTimes. */
        List<Row> at(Connection c, String mn, Collection<LocalDateTime> times) throws SQLException;
    }

    /** The records of one device over [lo, hi), by DataTime (a DataTime's records in CN order). */
    private static final class Window {
        LocalDateTime lo;
        LocalDateTime hi;
        final TreeMap<LocalDateTime, List<Row>> rows = new TreeMap<>();
        int size;

        Window(LocalDateTime lo, LocalDateTime hi) {
            this.lo = lo;
            this.hi = hi;
        }

        void add(List<Row> more) {
            for (Row r : more) {
                List<Row> at = rows.computeIfAbsent(r.time(), t -> new ArrayList<>(2));
                at.add(r);
                at.sort(Comparator.comparing(Row::cn));
                size++;
            }
        }

        void forget(LocalDateTime t) {
            List<Row> gone = rows.remove(t);
            if (gone != null) {
                size -= gone.size();
            }
        }

        void forgetBefore(LocalDateTime t) {
            Map<LocalDateTime, List<Row>> head = rows.headMap(t, false);
            head.values().forEach(l -> size -= l.size());
            head.clear();
        }
    }

    /** How far back a device's records are kept while the budget allows: the longest look-back, and a day. */
    static final java.time.Duration KEEP = java.time.Duration.ofDays(32);

    private final int budget;
    private final Store store;
    /** Guarded by this; in access order, so the first is the device read longest ago. */
    private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>(16, 0.75f, true);
    /** The devices with a window, readable by the ingest's threads without waiting for a read in progress. */
    private final Set<String> kept = ConcurrentHashMap.newKeySet();
    /** Per kept device: DataTimes reported stored since its window was last read. */
    private final Map<String, Set<LocalDateTime>> changed = new ConcurrentHashMap<>();

    private int total;

    RecentRecords(int budget, Store store) {
        if (budget < 1) {
            throw new IllegalArgumentException("the record budget must be at least 1, got " + budget);
        }
        this.budget = budget;
        this.store = store;
    }

    /** The ingest stored a record of {@code mn} for {@code dataTime}: a kept copy of it is read again. */
    void changed(String mn, LocalDateTime dataTime) {
        if (kept.contains(mn)) {
            changed.computeIfAbsent(mn, k -> ConcurrentHashMap.newKeySet()).add(dataTime);
        }
    }

    /** The records of {@code mn} with from ≤ DataTime < until, in DataTime and CN order. */
    synchronized List<Row> rows(Connection c, String mn, LocalDateTime from, LocalDateTime until) throws SQLException {
        // marked kept before anything is read: a record committed after the reads below is reported after it
        kept.add(mn);
        Set<LocalDateTime> stale = changed.remove(mn);
        Window w = windows.get(mn);
        if (w == null || !until.isAfter(w.lo) || !from.isBefore(w.hi)) {
            if (w != null) {
                total -= w.size;
            }
            w = new Window(from, until);
            w.add(store.between(c, mn, from, until));
            windows.put(mn, w);
        } else {
            int before = w.size;
            if (stale != null) {
                List<LocalDateTime> again = new ArrayList<>();
                for (LocalDateTime t : stale) {
                    if (!t.isBefore(w.lo) && t.isBefore(w.hi)) {
                        w.forget(t);
                        again.add(t);
                    }
                }
                if (!again.isEmpty()) {
                    w.add(store.at(c, mn, again));
                }
            }
            if (from.isBefore(w.lo)) {
                w.add(store.between(c, mn, from, w.lo));
                w.lo = from;
            }
            if (until.isAfter(w.hi)) {
                w.add(store.between(c, mn, w.hi, until));
                w.hi = until;
            }
            // the evaluations move forward, but once a day one looks back a month (the long look-back rules): while
            // the budget allows, a month is kept, so that one reads only the day it has not seen
            LocalDateTime keepFrom = total + w.size - before <= budget / 2 ? min(from, until.minus(KEEP)) : from;
            if (keepFrom.isAfter(w.lo)) {
                w.forgetBefore(keepFrom);
                w.lo = keepFrom;
            }
            total -= before;
        }
        total += w.size;
        List<Row> out = new ArrayList<>();
        w.rows.subMap(from, true, until, false).values().forEach(out::addAll);
        evictBeyondBudget(mn);
        return out;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    /** How many records are kept (for tests and the benchmark). */
    synchronized int size() {
        return total;
    }

    private void evictBeyondBudget(String current) {
        Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator();
        while (total > budget && it.hasNext()) {
            Map.Entry<String, Window> e = it.next();
            if (e.getKey().equals(current)) {
                continue;
            }
            total -= e.getValue().size;
            it.remove();
            kept.remove(e.getKey());
            changed.remove(e.getKey());
        }
    }
}
