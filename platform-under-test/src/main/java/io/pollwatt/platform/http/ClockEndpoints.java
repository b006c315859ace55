package io.pollwatt.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.pollwatt.platform.clock.ClockControl;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code GET /api/clock}: the platform's time and whether a testbed may set it; {@code PUT /api/clock}: sets it and
 * judges, on a platform started with a test clock ({@code testbed platform --test-clock}). A platform on the system
 * clock refuses the PUT: its time is the world's.
 */
final class ClockEndpoints {

    record ClockBody(Instant now, boolean settable) {}

    record SetClock(String now, Boolean judge) {}

    record Set(Instant now, boolean settable, boolean judged) {}

    private final Clock clock;
    private final ClockControl control;
    private final ObjectMapper mapper;

    /** @param control what a PUT does, or null when the clock cannot be set */
    ClockEndpoints(Clock clock, ClockControl control, ObjectMapper mapper) {
        this.clock = clock;
        this.control = control;
        this.mapper = mapper;
    }

    void get(Context ctx) {
        Params.of(ctx);
        ctx.json(new ClockBody(clock.instant(), control != null));
    }

    void set(Context ctx) throws Exception {
        Params.of(ctx);
        if (control == null) {
            throw new ApiException(
                    ApiError.CLOCK_NOT_SETTABLE,
                    "now",
                    "this platform runs on the system clock; start it with a test clock (testbed platform"
                            + " --test-clock) to set its time");
        }
        SetClock body = JsonBody.read(ctx, mapper, SetClock.class, "{now, judge}", "now, judge");
        if (body.now() == null || body.now().isBlank()) {
            throw new ApiException(ApiError.MISSING_FIELD, "now", "'now' is required: an instant with its offset");
        }
        Instant now;
        try {
            now = OffsetDateTime.parse(body.now().strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiException(
                    ApiError.BAD_TIME,
                    "now",
                    "expected an instant with its offset (2026-03-01T00:15:00Z or 2026-03-01T08:15:00+08:00), got '"
                            + body.now() + "'");
        }
        boolean judge = body.judge() == null || body.judge();
        control.set(now, judge);
        ctx.json(new Set(clock.instant(), true, judge));
    }
}
