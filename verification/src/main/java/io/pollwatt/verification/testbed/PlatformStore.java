package io.pollwatt.verification.testbed;

import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.series.PointSeries;
import io.pollwatt.platform.series.PointStates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What a scenario's checks read of the platform under test once its run is over: the alarms it raised and what it
 * stored, by the enterprise and point ids of the staged site files. The reference platform in this process answers
 * from its database ({@link InProcessStore}); an outside platform answers through the reference REST contract
 * (docs/api.md, {@code io.pollwatt.verification.external.RestStore}). Values are the reference platform's records,
 * so a check reads both the same way.
 *
 * <p>A read that fails (the database, the network, an answer that is not the contract's) throws {@link
 * PlatformStoreException} naming what was read.
 */
public interface PlatformStore {

    /** Every alarm the platform holds for the staged enterprises, in the platform's order. */
    List<Alarm> alarms();

    /** The MN of the device that reports the point, if the platform's archive has the point and a meter for it. */
    Optional<String> mn(String enterprise, String point);

    /**
     * The point's records (2011 and 2051) with DataTime in [{@code from}, {@code to}], in DataTime order; empty when
     * the platform has no meter for the point.
     */
    Optional<List<PointSeries.Sample>> samples(String enterprise, String point, LocalDateTime from, LocalDateTime to);

    /** The point's day aggregates of {@code first} … {@code last}; empty when the platform has no meter for it. */
    Optional<List<DayAggregate>> days(String enterprise, String point, LocalDate first, LocalDate last);

    /** The point's operating state at each grid instant of {@code first} … {@code last}; empty without a meter. */
    Optional<List<PointStates.StateAt>> states(String enterprise, String point, LocalDate first, LocalDate last);

    /**
     * Up to {@code limit} frames accepted from the devices {@code mns} with receipt time in [{@code from}, {@code
     * to}), oldest first, as text: what the report shows beside an alarm.
     */
    List<String> acceptedFrames(List<String> mns, Instant from, Instant to, int limit);
}
