package io.pollwatt.platform.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** The devices the platform accepts data from (备案): MN, password, enterprise. */
public final class DeviceRegistry {

    /** What the registry says of a frame's MN and PW. */
    public enum Verdict {
        /** A registered device with its password. */
        KNOWN,
        /** No device with that MN. */
        UNKNOWN_MN,
        /** The MN is registered with another password. */
        BAD_PW
    }

    private final DataSource db;
    private final Clock clock;

    /** A registry in {@code db}, stamping registrations with {@code clock}. */
    public DeviceRegistry(DataSource db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Registers (or re-registers) a device. */
    public void register(String mn, String pw, String enterpriseId) {
        String sql = "insert into device (mn, pw, enterprise_id, registered_at) values (?, ?, ?, ?)"
                + " on conflict (mn) do update set pw = excluded.pw, enterprise_id = excluded.enterprise_id";
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, mn);
            ps.setString(2, pw);
            ps.setString(3, enterpriseId);
            ps.setTimestamp(4, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot register device " + mn, e);
        }
    }

    /** The registered password of {@code mn}. */
    public Optional<String> password(Connection c, String mn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pw from device where mn = ?")) {
            ps.setString(1, mn);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Whether {@code mn} may send with {@code pw}. */
    public Verdict check(Connection c, String mn, String pw) throws SQLException {
        Optional<String> registered = password(c, mn);
        if (registered.isEmpty()) {
            return Verdict.UNKNOWN_MN;
        }
        return registered.get().equals(pw) ? Verdict.KNOWN : Verdict.BAD_PW;
    }

    /** The registered passwords of those of {@code mns} that are registered (one query for a batch of frames). */
    public Map<String, String> passwords(Connection c, Collection<String> mns) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (mns.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("select mn, pw from device where mn = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", mns.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }
}
