package io.pollwatt.verification.testbed;

import io.pollwatt.platform.aggregate.AggregationSettings;
import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.aggregate.PointAggregate;
import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.archive.ArchiveRegistry;
import io.pollwatt.platform.archive.FactorCodes;
import io.pollwatt.platform.series.PointSeries;
import io.pollwatt.platform.series.PointStates;
import io.pollwatt.platform.state.StateSettings;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The reference platform of an in-process run, read from its database: the series and states the REST API would
 * give, computed by the same classes, without HTTP.
 */
public final class InProcessStore implements PlatformStore {

    private final DataSource db;
    private final List<Alarm> alarms;
    private final PointSeries series;
    private final PointStates states;

    /**
     * @param db the platform's database (open while the store is read)
     * @param alarms the alarms the run left (read once when it ended)
     * @param end the run's end: the platform's clock when the states are asked for
     */
    public InProcessStore(DataSource db, List<Alarm> alarms, Instant end) {
        this.db = db;
        this.alarms = List.copyOf(alarms);
        this.series = new PointSeries(db, FactorCodes.pollwattDefault(), AggregationSettings.defaults());
        this.states = new PointStates(
                new ArchiveRegistry(db, Clock.fixed(end, ZoneOffset.UTC)), series, StateSettings.defaults());
    }

    @Override
    public List<Alarm> alarms() {
        return alarms;
    }

    @Override
    public Optional<String> mn(String enterprise, String point) {
        try {
            return series.source(enterprise, point).map(PointSeries.Source::mn);
        } catch (SQLException e) {
            throw failed("the meter of " + enterprise + "/" + point, e);
        }
    }

    @Override
    public Optional<List<PointSeries.Sample>> samples(
            String enterprise, String point, LocalDateTime from, LocalDateTime to) {
        try {
            Optional<PointSeries.Source> source = series.source(enterprise, point);
            return source.isEmpty() ? Optional.empty() : Optional.of(series.samples(source.get(), from, to));
        } catch (SQLException e) {
            throw failed("the records of " + enterprise + "/" + point + " in [" + from + ", " + to + "]", e);
        }
    }

    @Override
    public Optional<List<DayAggregate>> days(String enterprise, String point, LocalDate first, LocalDate last) {
        try {
            return series.aggregate(enterprise, point, first, last).map(PointAggregate::days);
        } catch (SQLException e) {
            throw failed("the days " + first + " … " + last + " of " + enterprise + "/" + point, e);
        }
    }

    @Override
    public Optional<List<PointStates.StateAt>> states(
            String enterprise, String point, LocalDate first, LocalDate last) {
        try {
            return states.states(enterprise, point, first, last).map(PointStates.States::states);
        } catch (SQLException e) {
            throw failed("the states " + first + " … " + last + " of " + enterprise + "/" + point, e);
        }
    }

    @Override
    public List<String> acceptedFrames(List<String> mns, Instant from, Instant to, int limit) {
        List<String> out = new ArrayList<>();
        if (mns.isEmpty()) {
            return out;
        }
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select raw from evidence where mn = any(?)"
                        + " and received_at >= ? and received_at < ? and verdict = 'ACCEPTED' order by id limit ?")) {
            ps.setArray(1, c.createArrayOf("text", mns.toArray()));
            ps.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String(rs.getBytes(1), StandardCharsets.UTF_8).strip());
                }
            }
        } catch (SQLException e) {
            throw failed("the evidence frames of " + mns, e);
        }
        return out;
    }

    private static PlatformStoreException failed(String what, SQLException e) {
        return new PlatformStoreException(
                "cannot read " + what + " from the platform's database: " + e.getMessage(), e);
    }
}
