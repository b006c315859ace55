package io.pollwatt.platform.rules;

import io.pollwatt.platform.aggregate.PointAggregate;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.state.Thresholds;
import java.util.Objects;
import java.util.Optional;

/**
 * One archived metering point as the rules see it: what the archive says of it, its resolved thresholds (entered,
 * else derived from the reference power, ST-04), its samples and, for the day-level rules, its aggregation (hours
 * and days of the evaluated range, AGG-03…05), when the loader made one, and the hourly and daily energy totals
 * its device sent (2061/2031, DQ-20; none when it sent none).
 */
public record PointData(
        SiteArchive.Point point,
        Thresholds thresholds,
        Series series,
        Optional<PointAggregate> aggregate,
        DeviceTotals deviceTotals) {

    public PointData {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(deviceTotals, "deviceTotals");
    }

    /** A point without device-sent totals. */
    public PointData(
            SiteArchive.Point point, Thresholds thresholds, Series series, Optional<PointAggregate> aggregate) {
        this(point, thresholds, series, aggregate, DeviceTotals.none());
    }

    public String id() {
        return point.id();
    }

    public SiteArchive.PointKind kind() {
        return point.kind();
    }

    /** Production in the rules' sense: PROD, and PROD_TREAT (D6). */
    public boolean production() {
        return kind() == SiteArchive.PointKind.PROD || kind() == SiteArchive.PointKind.PROD_TREAT;
    }

    /** Nominal line voltage U_LL,n, kV. */
    public double lineVoltageKv() {
        return point.voltageV() / 1000.0;
    }

    /** Nominal phase voltage U_n, V (U_LL,n ÷ √3). */
    public double phaseVoltageV() {
        return point.voltageV() / Math.sqrt(3);
    }

    /** The CT's primary rated current as archived, A. */
    public double ctPrimaryA() {
        return point.ct().primary().doubleValue();
    }

    /** S_rated = √3 · U_LL,n · I_CT,primary, kVA (DQ-10, DQ-17). */
    public double ratedKva() {
        return Math.sqrt(3) * lineVoltageKv() * ctPrimaryA();
    }

    /** Whether the archive says three-phase three-wire. */
    public boolean threeWire() {
        return point.wiring().equalsIgnoreCase("3P3W");
    }
}
