package io.pollwatt.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.pollwatt.platform.alarms.Alarm;
import io.pollwatt.platform.alarms.AlarmQuery;
import io.pollwatt.platform.alarms.AlarmStore;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.RuleConfig;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Alarms (rulebook §4) by enterprise, rule, level, status, review state and time; one alarm with its lifecycle; its
 * review (人工审核); and the rules the platform runs with their active configuration.
 */
final class AlarmEndpoints {

    record Review(String decision, String comment, String reviewer) {}

    record AlarmWithEvents(Alarm alarm, List<Alarm.Event> events) {}

    record RuleInfo(String id, String name, int version, String stage) {}

    record Rules(
            List<RuleInfo> rules,
            Map<String, String> configuration,
            Map<String, Map<String, String>> enterprises,
            Map<String, String> defaults) {}

    private final AlarmStore alarms;
    private final List<Rule> rules;
    private final RuleConfig config;
    private final ObjectMapper mapper;

    AlarmEndpoints(AlarmStore alarms, List<Rule> rules, RuleConfig config, ObjectMapper mapper) {
        this.alarms = alarms;
        this.rules = List.copyOf(rules);
        this.config = config;
        this.mapper = mapper;
    }

    /** {@code GET /api/alarms?enterprise=&rule=&level=&status=&review=&from=&to=&limit=&offset=}. */
    void list(Context ctx) throws SQLException {
        Params p = Params.of(ctx, "enterprise", "rule", "level", "status", "review", "from", "to", "limit", "offset");
        LocalDateTime from = p.dataTime("from");
        LocalDateTime to = p.dataTime("to");
        Params.checkRange(from, to);
        int limit = p.limit();
        AlarmQuery q = new AlarmQuery(
                p.text("enterprise"),
                p.text("rule"),
                level(p.text("level")),
                value(Alarm.Status.class, p.text("status"), "status"),
                value(Alarm.Review.class, p.text("review"), "review"),
                from,
                to,
                limit + 1,
                offset(p.text("offset")));
        ctx.json(Page.of(alarms.list(q), limit));
    }

    /** {@code GET /api/alarms/{id}}: the alarm and its lifecycle. */
    void get(Context ctx) throws SQLException {
        Params.of(ctx);
        long id = id(ctx);
        Alarm a = alarms.get(id).orElseThrow(() -> unknown(id));
        ctx.json(new AlarmWithEvents(a, alarms.events(id)));
    }

    /** {@code POST /api/alarms/{id}/review} with {@code {decision: CONFIRMED|DISMISSED, comment, reviewer}}. */
    void review(Context ctx) throws SQLException {
        Params.of(ctx);
        long id = id(ctx);
        Review r = JsonBody.read(
                ctx, mapper, Review.class, "{decision, comment, reviewer}", "decision, comment, reviewer");
        Alarm.Review decision = value(Alarm.Review.class, JsonBody.required(r.decision(), "decision"), "decision");
        if (decision == Alarm.Review.UNREVIEWED) {
            throw new ApiException(ApiError.BAD_VALUE, "decision", "a review is CONFIRMED or DISMISSED");
        }
        String reviewer = JsonBody.required(r.reviewer(), "reviewer");
        if (reviewer.length() > 128 || (r.comment() != null && r.comment().length() > 4000)) {
            throw new ApiException(
                    ApiError.BAD_VALUE,
                    reviewer.length() > 128 ? "reviewer" : "comment",
                    "reviewer is at most 128 characters, comment at most 4000");
        }
        Alarm a = alarms.review(id, decision, r.comment(), reviewer).orElseThrow(() -> unknown(id));
        ctx.json(new AlarmWithEvents(a, alarms.events(id)));
    }

    /** {@code GET /api/rules}: the rules with their versions and the active configuration. */
    void rules(Context ctx) {
        Params.of(ctx);
        ctx.json(new Rules(
                rules.stream()
                        .map(r -> new RuleInfo(
                                r.id(),
                                r.getClass().getSimpleName(),
                                r.version(),
                                r.stage().name()))
                        .toList(),
                config.deployment(),
                config.enterprises(),
                RuleConfig.defaultValues()));
    }

    private static long id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(ApiError.BAD_VALUE, "id", "an alarm id is a positive integer, got '" + text + "'");
    }

    private static ApiException unknown(long id) {
        return new ApiException(ApiError.UNKNOWN_ALARM, "id", "no alarm with id " + id);
    }

    private static Integer level(String text) {
        if (text == null) {
            return null;
        }
        if (!text.matches("[123]")) {
            throw new ApiException(ApiError.BAD_VALUE, "level", "a level is 1, 2 or 3, got '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    private static int offset(String text) {
        if (text == null) {
            return 0;
        }
        try {
            int o = Integer.parseInt(text);
            if (o >= 0 && o <= 1_000_000) {
                return o;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(ApiError.BAD_VALUE, "offset", "expected an integer 0..1000000, got '" + text + "'");
    }

    private static <E extends Enum<E>> E value(Class<E> type, String text, String field) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(
                    ApiError.BAD_VALUE,
                    field,
                    "'" + text + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
