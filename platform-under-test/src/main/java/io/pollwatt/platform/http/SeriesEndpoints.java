package io.pollwatt.platform.http;

import io.javalin.http.Context;
import io.pollwatt.platform.aggregate.DayAggregate;
import io.pollwatt.platform.aggregate.PointAggregate;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.series.PointSeries;
import io.pollwatt.platform.series.PointStates;
import io.pollwatt.platform.state.Thresholds;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A point's data over time, through the archive and the aggregation (AGG): its records every 15 minutes, hourly
 * and daily values with validity and partial flags, and completeness per point and day.
 */
final class SeriesEndpoints {

    /** Days one request may span. */
    static final int MAX_DAYS = 31;

    record Series(
            String enterprise,
            String point,
            String mn,
            int meter,
            String interval,
            LocalDate from,
            LocalDate to,
            Object items,
            Object findings) {}

    record Completeness(
            String point,
            LocalDate day,
            int records,
            int expected,
            double completeness,
            int validHours,
            boolean valid) {}

    record ThresholdsBody(double pOn, double pOff, Double pRef, Double pHi, Double lowBelow, boolean derived) {}

    record StatesBody(
            String enterprise,
            String point,
            String kind,
            LocalDate from,
            LocalDate to,
            ThresholdsBody thresholds,
            Object states,
            Object days) {}

    private final RegistryEndpoints registry;
    private final PointSeries series;
    private final PointStates states;

    SeriesEndpoints(RegistryEndpoints registry, PointSeries series, PointStates states) {
        this.registry = registry;
        this.series = series;
        this.states = states;
    }

    /** {@code GET /api/states?enterprise=&point=&from=DATE&to=DATE}: ST-01…09 of a point over stored data. */
    void states(Context ctx) throws SQLException {
        Params p = Params.of(ctx, "enterprise", "point", "from", "to");
        String enterprise = required(p, "enterprise");
        String point = required(p, "point");
        LocalDate[] days = days(p);
        registry.enterprise(enterprise);
        PointStates.States s = states.states(enterprise, point, days[0], days[1])
                .orElseThrow(() -> new ApiException(
                        ApiError.UNKNOWN_POINT,
                        "point",
                        "no point '" + point + "' with a meter in the archive of " + enterprise));
        Thresholds t = s.thresholds();
        ctx.json(new StatesBody(
                enterprise,
                point,
                s.kind(),
                days[0],
                days[1],
                new ThresholdsBody(
                        t.pOn(), t.pOff(), boxed(t.pRef()), boxed(t.pHi()), boxed(t.lowBelow()), t.derived()),
                s.states(),
                s.days()));
    }

    private static Double boxed(java.util.OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }

    /** {@code GET /api/series?enterprise=&point=&interval=15m|1h|1d&from=DATE&to=DATE} (days inclusive). */
    void series(Context ctx) throws SQLException {
        Params p = Params.of(ctx, "enterprise", "point", "interval", "from", "to");
        String enterprise = required(p, "enterprise");
        String point = required(p, "point");
        String interval = Optional.ofNullable(p.text("interval")).orElse("1h");
        if (!List.of("15m", "1h", "1d").contains(interval)) {
            throw new ApiException(ApiError.BAD_INTERVAL, "interval", "expected 15m, 1h or 1d, got '" + interval + "'");
        }
        LocalDate[] days = days(p);
        registry.enterprise(enterprise);
        PointSeries.Source source = series.source(enterprise, point)
                .orElseThrow(() -> new ApiException(
                        ApiError.UNKNOWN_POINT,
                        "point",
                        "no point '" + point + "' with a meter in the archive of " + enterprise));
        Object items;
        Object findings;
        if (interval.equals("15m")) {
            items = series.samples(
                    source,
                    days[0].atStartOfDay(),
                    days[1].plusDays(1).atStartOfDay().minusNanos(1));
            findings = List.of();
        } else {
            PointAggregate a =
                    series.aggregate(enterprise, point, days[0], days[1]).orElseThrow();
            items = interval.equals("1h") ? a.hours() : a.days();
            findings = a.findings();
        }
        ctx.json(new Series(
                enterprise, point, source.mn(), source.meter(), interval, days[0], days[1], items, findings));
    }

    /** {@code GET /api/completeness?enterprise=&from=DATE&to=DATE}: records received ÷ expected, per point and day. */
    void completeness(Context ctx) throws SQLException {
        Params p = Params.of(ctx, "enterprise", "from", "to");
        String enterprise = required(p, "enterprise");
        LocalDate[] days = days(p);
        SiteArchive a = registry.enterprise(enterprise);
        List<Completeness> items = new ArrayList<>();
        for (SiteArchive.Point pt : a.points()) {
            Optional<PointAggregate> agg = series.aggregate(a.id(), pt.id(), days[0], days[1]);
            if (agg.isEmpty()) {
                continue; // a point no meter reports: nothing expected of it
            }
            for (DayAggregate d : agg.get().days()) {
                items.add(new Completeness(
                        pt.id(), d.day(), d.records(), d.expected(), d.completeness(), d.validHours(), d.valid()));
            }
        }
        ctx.json(Map.of("enterprise", enterprise, "items", items));
    }

    private static String required(Params p, String name) {
        String v = p.text(name);
        if (v == null) {
            throw new ApiException(ApiError.MISSING_FIELD, name, "query parameter '" + name + "' is required");
        }
        return v;
    }

    /** {@code from} and {@code to} as dates (to defaults to from), at most {@link #MAX_DAYS} days. */
    static LocalDate[] days(Params p) {
        LocalDate from = date(p, "from", true);
        LocalDate to = Optional.ofNullable(date(p, "to", false)).orElse(from);
        Params.checkRange(from, to);
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new ApiException(
                    ApiError.RANGE_TOO_LONG,
                    "to",
                    "at most " + MAX_DAYS + " days per request, asked " + from + " .. " + to);
        }
        return new LocalDate[] {from, to};
    }

    private static LocalDate date(Params p, String name, boolean required) {
        String text = p.text(name);
        if (text == null) {
            if (required) {
                throw new ApiException(ApiError.MISSING_FIELD, name, "query parameter '" + name + "' is required");
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    ApiError.BAD_TIME,
                    name,
                    "expected a date such as 2026-03-01 (days in local time), got '" + text + "'");
        }
    }
}
