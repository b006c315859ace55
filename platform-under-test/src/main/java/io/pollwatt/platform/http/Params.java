package io.pollwatt.platform.http;

import io.javalin.http.Context;
import io.pollwatt.hj212.message.Cn;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads and checks the query parameters of one request; every refusal names the parameter. */
final class Params {

    /** Rows or groups a list endpoint returns when {@code limit} is not given. */
    static final int DEFAULT_LIMIT = 100;

    /** The most a list endpoint returns in one answer; larger ranges go through the export. */
    static final int MAX_LIMIT = 1000;

    private final Context ctx;

    private Params(Context ctx) {
        this.ctx = ctx;
    }

    /** The parameters of {@code ctx}, refusing any name not in {@code allowed}. */
    static Params of(Context ctx, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String name : new TreeSet<>(ctx.queryParamMap().keySet())) {
            if (!known.contains(name)) {
                throw new ApiException(
                        ApiError.UNKNOWN_PARAMETER,
                        name,
                        "unknown query parameter '" + name + "'; this endpoint takes "
                                + (known.isEmpty() ? "none" : String.join(", ", new TreeSet<>(known))));
            }
        }
        return new Params(ctx);
    }

    /** The single value of {@code name}, {@code null} when absent or empty. */
    String text(String name) {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw new ApiException(ApiError.UNKNOWN_PARAMETER, name, "query parameter '" + name + "' given twice");
        }
        if (values.isEmpty() || values.get(0).isEmpty()) {
            return null;
        }
        return values.get(0);
    }

    /** An MN filter (lenient HJ 212 form, as the ingest accepts it), {@code null} when absent. */
    String mn(String name) {
        String mn = text(name);
        if (mn != null) {
            Validation.checkMn(mn, name);
        }
        return mn;
    }

    /** A required MN. */
    String requiredMn(String name) {
        String mn = mn(name);
        if (mn == null) {
            throw new ApiException(ApiError.MISSING_FIELD, name, "query parameter '" + name + "' is required");
        }
        return mn;
    }

    /** A CN filter: four digits of a known command, {@code null} when absent. */
    String cn(String name) {
        String cn = text(name);
        if (cn == null) {
            return null;
        }
        if (!cn.matches("[0-9]{4}")) {
            throw new ApiException(ApiError.BAD_CN, name, "expected a CN of 4 digits such as 2011, got '" + cn + "'");
        }
        if (Cn.fromCode(Integer.parseInt(cn)).isEmpty()) {
            throw new ApiException(
                    ApiError.UNKNOWN_CN,
                    name,
                    "CN " + cn + " is neither in HJ 212-2017 Table 9 nor a known extension (hj212-2017.md §8)");
        }
        return cn;
    }

    /** {@code limit}: 1 to {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when absent. */
    int limit() {
        String text = text("limit");
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ApiException(
                    ApiError.BAD_LIMIT, "limit", "expected an integer 1.." + MAX_LIMIT + ", got '" + text + "'");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException(
                    ApiError.BAD_LIMIT, "limit", "expected an integer 1.." + MAX_LIMIT + ", got " + limit);
        }
        return limit;
    }

    /** An instant with its zone offset ({@code 2026-03-01T08:15:00+08:00} or {@code …Z}), {@code null} if absent. */
    Instant instant(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            String hint = looksLocal(text) ? " (a receipt time needs its zone offset, e.g. " + text + "+08:00)" : "";
            throw new ApiException(
                    ApiError.BAD_TIME,
                    name,
                    "expected an ISO-8601 date-time with offset such as 2026-03-01T08:15:00+08:00, got '" + text + "'"
                            + hint);
        }
    }

    /**
     * A DataTime bound as the device sent it, without zone ({@code 2026-03-01T08:15:00}): HJ 212 times carry none
     * (hj212-2017.md §5), so the API does not guess one. {@code null} if absent.
     */
    LocalDateTime dataTime(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    ApiError.BAD_TIME,
                    name,
                    "expected an ISO-8601 local date-time such as 2026-03-01T08:15:00 (DataTime has no zone), got '"
                            + text + "'");
        }
    }

    /** Refuses a range whose start is after its end. */
    static <T extends Comparable<? super T>> void checkRange(T from, T to) {
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw new ApiException(ApiError.BAD_RANGE, "to", "'to' (" + to + ") is before 'from' (" + from + ")");
        }
    }

    private static boolean looksLocal(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
