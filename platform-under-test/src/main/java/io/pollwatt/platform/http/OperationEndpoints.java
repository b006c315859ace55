package io.pollwatt.platform.http;

import io.javalin.http.Context;
import io.pollwatt.platform.alarms.RuleLoader;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.EnterpriseData;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.OperationStatistics;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.rules.RuleEngine;
import io.pollwatt.platform.state.DailyStatistics;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalDouble;

/**
 * An enterprise's daily operating statistics (ST-09) over stored data, as the rules see it: each point's, each
 * treatment group's (ST-08) with its state every grid instant, and the synchronous-operation rate.
 */
final class OperationEndpoints {

    record PointBody(
            String id, String kind, double runningHours, double lowHours, int starts, int stops, Double loadRate) {}

    record GroupBody(
            String id,
            List<String> members,
            int required,
            double runningHours,
            double lowHours,
            int starts,
            int stops,
            String states) {}

    record RateBody(Double rate, int synchronousSamples, int productionSamples) {}

    record DayBody(LocalDate day, List<PointBody> points, List<GroupBody> groups, RateBody synchronousRate) {}

    record OperationBody(String enterprise, LocalDate from, LocalDate to, int intervalMinutes, List<DayBody> days) {}

    private final RegistryEndpoints registry;
    private final RuleLoader loader;
    private final RuleEngine engine;
    private final RuleConfig config;
    private final Clock clock;

    OperationEndpoints(
            RegistryEndpoints registry, RuleLoader loader, RuleEngine engine, RuleConfig config, Clock clock) {
        this.registry = registry;
        this.loader = loader;
        this.engine = engine;
        this.config = config;
        this.clock = clock;
    }

    /**
     * {@code GET /api/enterprises/{id}/operation?from=DATE&to=DATE}: the data of the day before {@code from} (warm-up)
     * to the end of {@code to} (the loader reads the closing reading at the next midnight) through the SAMPLE-stage
     * rules, then ST-09 day by day.
     */
    void get(Context ctx) throws SQLException {
        Params p = Params.of(ctx, "from", "to");
        LocalDate[] days = SeriesEndpoints.days(p);
        SiteArchive a = registry.enterprise(ctx.pathParam("id"));
        RuleConfig.Values values = config.forEnterprise(a.id());
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), a.zone());
        EnterpriseData data = loader.load(
                a, days[0].minusDays(1).atStartOfDay(), days[1].plusDays(1).atStartOfDay(), now, values);
        Evaluation e = engine.sampled(data, values);
        List<DayBody> out = OperationStatistics.of(e, days[0], days[1]).stream()
                .map(OperationEndpoints::day)
                .toList();
        ctx.json(new OperationBody(
                a.id(), days[0], days[1], (int) values.interval().toMinutes(), out));
    }

    private static DayBody day(OperationStatistics.Day d) {
        return new DayBody(
                d.day(),
                d.points().stream()
                        .map(p -> {
                            DailyStatistics s = p.statistics();
                            return new PointBody(
                                    p.id(),
                                    p.kind().name(),
                                    s.runningHours(),
                                    s.lowHours(),
                                    s.starts(),
                                    s.stops(),
                                    boxed(s.loadRate()));
                        })
                        .toList(),
                d.groups().stream()
                        .map(g -> new GroupBody(
                                g.id(),
                                g.members(),
                                g.required(),
                                g.statistics().runningHours(),
                                g.statistics().lowHours(),
                                g.statistics().starts(),
                                g.statistics().stops(),
                                g.compactStates()))
                        .toList(),
                new RateBody(
                        boxed(d.synchronousRate().rate()),
                        d.synchronousRate().synchronousSamples(),
                        d.synchronousRate().productionSamples()));
    }

    private static Double boxed(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
