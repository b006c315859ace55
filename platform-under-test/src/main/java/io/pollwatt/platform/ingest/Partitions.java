package io.pollwatt.platform.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The month partitions of {@code record} and {@code evidence}, made before the first row of a month is stored. Shared
 * by the writers: each partition is made once, in a transaction of its own (two writers creating the same table at
 * once would fail one of their batches), and a partition made stays even if the batch that needed it rolls back.
 */
final class Partitions {

    private final DataSource db;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    Partitions(DataSource db) {
        this.db = db;
    }

    /** Makes sure the partition of {@code table} holding {@code t} exists (UTC for evidence, local for record). */
    void ensure(String table, LocalDateTime t, boolean utc) throws SQLException {
        String key = table + "/" + YearMonth.from(t);
        if (known.contains(key)) {
            return;
        }
        synchronized (this) {
            if (known.contains(key)) {
                return;
            }
            try (Connection c = db.getConnection();
                    PreparedStatement ps = c.prepareStatement("select pollwatt_month_partition(?, ?, ?)")) {
                c.setAutoCommit(true);
                ps.setString(1, table);
                ps.setObject(2, t);
                ps.setBoolean(3, utc);
                ps.execute();
            }
            known.add(key);
        }
    }
}
