package io.pollwatt.verification.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.storage.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** A scenario's schema given back is emptied and reused, as a fresh one would be ({@link ScenarioDatabase#release}). */
class ScenarioDatabaseTest {

    @Test
    void a_schema_given_back_comes_again_empty_with_its_identities_restarted() throws Exception {
        Database first = ScenarioDatabase.open();
        try (Connection c = first.dataSource().getConnection();
                Statement st = c.createStatement()) {
            st.execute("insert into device values ('MN1', '123456', 'E1', now())");
            assertThat(next(st)).isEqualTo(1);
            assertThat(next(st)).isEqualTo(2);
            // a month partition made by the run: it stays, empty
            st.execute("select pollwatt_month_partition('record', '" + LocalDateTime.parse("2026-03-01T00:00")
                    + "'::timestamp, false)");
            st.execute("insert into record (mn, cn, data_time, cp, qn, received_at) values"
                    + " ('MN1', '2011', '2026-03-01 00:15', '{}', '20260301001500000', now())");
        }

        ScenarioDatabase.release(first);
        Database again = ScenarioDatabase.open();
        try {
            assertThat(again).isSameAs(first);
            try (Connection c = again.dataSource().getConnection();
                    Statement st = c.createStatement()) {
                assertThat(count(st, "device")).isZero();
                assertThat(count(st, "record")).isZero();
                assertThat(next(st)).isEqualTo(1); // as in a fresh schema: alarm and quarantine ids start again
                assertThat(count(st, "flyway_schema_history")).isPositive(); // still migrated
            }
        } finally {
            again.close();
        }
    }

    private static long next(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("select nextval(pg_get_serial_sequence('quarantine', 'id'))")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
