package io.pollwatt.platform.http;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A where clause of optional filters, every value a bound parameter. */
final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** Adds {@code condition} (one {@code ?}) bound to {@code value}, unless the value is {@code null}. */
    Where and(String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            values.add(value);
        }
        return this;
    }

    /** {@code " where a and b"}, or {@code ""} without conditions. */
    String sql() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Binds the values from parameter 1; returns the next parameter index. */
    int bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object v : values) {
            ps.setObject(i++, v);
        }
        return i;
    }
}
