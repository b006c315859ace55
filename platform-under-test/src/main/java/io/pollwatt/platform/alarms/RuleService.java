package io.pollwatt.platform.alarms;

import io.pollwatt.platform.archive.ArchiveRegistry;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.rules.EnterpriseData;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.rules.RuleEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the rules as data arrive and over stored ranges, and keeps the alarms. The ingest reports each stored record
 * ({@link #stored}); each {@link #tick} re-evaluates every archived enterprise from the day before the earliest
 * DataTime that arrived since (late and resent data re-run the replay from there, rulebook §0) up to the platform
 * time, and reconciles the findings with the stored alarms. {@link #rerun} replays a stored range the same way, so
 * streaming and batch give the same alarms. The clock is injected: virtual in the testbed, the system's alone.
 */
public final class RuleService {

    private static final Logger LOG = LoggerFactory.getLogger(RuleService.class);

    /** The state machines and day-level rules need the day before what they judge. */
    static final Duration WARM_UP = Duration.ofDays(1);

    private final DataSource db;
    private final ArchiveRegistry archive;
    private final RuleConfig config;
    private final Clock clock;
    private final RuleEngine engine;
    private final RuleLoader loader;
    private final AlarmStore alarms;
    private final Map<String, LocalDateTime> dirty = new ConcurrentHashMap<>();
    /** Per enterprise: the platform time of its last long evaluation (the rules' look-back loaded). */
    private final Map<String, LocalDateTime> longAt = new ConcurrentHashMap<>();
    /** Per enterprise: the midnight up to which a long evaluation has seen every point's day closed. */
    private final Map<String, LocalDateTime> longClosed = new ConcurrentHashMap<>();
    /** Per enterprise: the end of the grid of its last evaluation. */
    private final Map<String, LocalDateTime> evaluatedTo = new ConcurrentHashMap<>();
    /** Per device: the earliest DataTime stored, as read from the store once (empty: none then). */
    private final Map<String, Optional<LocalDateTime>> firstStored = new ConcurrentHashMap<>();
    /** Per device: the earliest DataTime the ingest reported stored since this service started. */
    private final Map<String, LocalDateTime> reported = new ConcurrentHashMap<>();

    /**
     * How many records the ticks keep between them ({@link RecentRecords}): two days of a 200-device platform, each
     * device sending a real-time and a minute record every 15 minutes.
     */
    static final int RECENT_RECORDS = 200 * 2 * 2 * 96;

    /** The records the ticks read, kept for the next tick; rerun and evaluate read the store afresh. */
    private final RecentRecords recent;

    /** After a restart, how far back open alarms pull the first evaluation (their episodes may have ended since). */
    static final Duration RESTART_LOOKBACK = Duration.ofDays(7);

    public RuleService(
            DataSource db,
            ArchiveRegistry archive,
            RuleLoader loader,
            RuleConfig config,
            RuleEngine engine,
            Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.config = Objects.requireNonNull(config, "config");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.alarms = new AlarmStore(db, clock);
        this.recent = new RecentRecords(RECENT_RECORDS, loader.store());
    }

    /** The reference platform's rule service over {@code db}: pollwatt's factor codes, the rulebook's aggregation. */
    public static RuleService create(DataSource db, RuleConfig config, Clock clock) {
        return new RuleService(
                db,
                new ArchiveRegistry(db, clock),
                new RuleLoader(
                        db,
                        io.pollwatt.platform.archive.FactorCodes.pollwattDefault(),
                        io.pollwatt.platform.aggregate.AggregationSettings.defaults()),
                config,
                Catalogue.engine(),
                clock);
    }

    public AlarmStore alarms() {
        return alarms;
    }

    public RuleConfig config() {
        return config;
    }

    public RuleEngine engine() {
        return engine;
    }

    /** A record of device {@code mn} for {@code dataTime} is durably stored (called by the ingest's writers). */
    public void stored(String mn, LocalDateTime dataTime) {
        recent.changed(mn, dataTime);
        dirty.merge(mn, dataTime, (a, b) -> a.isBefore(b) ? a : b);
        reported.merge(mn, dataTime, (a, b) -> a.isBefore(b) ? a : b);
    }

    /**
     * Where a long evaluation starts: its look-back ({@code from}) reaches no further than the day before the
     * enterprise's earliest stored record, and never later than a short evaluation's warm-up. The look-back days are
     * there for the rules that need history (30-day baselines, 7-day tests); days before any record hold no data,
     * and every such rule takes a day without data as nothing (no baseline hour, an unknown stretch that ends an
     * episode), so judging them changes no finding. It does cost: an enterprise a day old would otherwise be
     * evaluated over 32 days of empty grid at every long evaluation, as every scenario's is.
     */
    static LocalDateTime lookbackFrom(LocalDateTime from, LocalDateTime judged, Optional<LocalDateTime> first) {
        if (first.isEmpty()) {
            return from; // nothing stored yet: the rules about absent data judge the whole look-back
        }
        LocalDateTime dataFrom = first.get().toLocalDate().atStartOfDay().minus(WARM_UP);
        return max(from, min(dataFrom, judged.minus(WARM_UP)));
    }

    /**
     * The earliest DataTime stored for any device of {@code a}: read from the store once per device, then kept up to
     * date from what the ingest reports ({@link #stored}; a record committed while the store was read is reported
     * after, so none is missed).
     */
    private Optional<LocalDateTime> earliestRecord(SiteArchive a) throws SQLException {
        LocalDateTime first = null;
        List<String> mns = new ArrayList<>();
        a.dtus().forEach(d -> mns.add(d.mn()));
        a.collectors().forEach(c -> mns.add(c.mn()));
        for (String mn : mns) {
            Optional<LocalDateTime> stored = firstStored.get(mn);
            if (stored == null) {
                stored = readEarliest(mn);
                firstStored.put(mn, stored);
            }
            for (LocalDateTime t : new LocalDateTime[] {stored.orElse(null), reported.get(mn)}) {
                if (t != null && (first == null || t.isBefore(first))) {
                    first = t;
                }
            }
        }
        return Optional.ofNullable(first);
    }

    private Optional<LocalDateTime> readEarliest(String mn) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select min(data_time) from record where mn = ?")) {
            ps.setString(1, mn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getObject(1, LocalDateTime.class));
            }
        }
    }

    /** What a run did: enterprises evaluated, findings, and what changed in the alarms. */
    public record Summary(int enterprises, int findings, AlarmStore.Changes changes, Map<String, Integer> byRule) {}

    /** Evaluates every archived enterprise up to now (see the class comment). */
    public synchronized Summary tick() throws SQLException {
        Map<String, LocalDateTime> earliest = new TreeMap<>();
        for (String mn : List.copyOf(dirty.keySet())) {
            LocalDateTime t = dirty.remove(mn);
            if (t != null) {
                enterpriseOf(mn).ifPresent(e -> earliest.merge(e, t, (a, b) -> a.isBefore(b) ? a : b));
            }
        }
        int n = 0;
        int findings = 0;
        AlarmStore.Changes changes = AlarmStore.Changes.NONE;
        Map<String, Integer> byRule = new TreeMap<>();
        for (ArchiveRegistry.EnterpriseSummary s : archive.enterprises()) {
            Optional<SiteArchive> a = archive.archive(s.id());
            if (a.isEmpty()) {
                continue;
            }
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), a.get().zone());
            if (!earliest.containsKey(s.id()) && gridEnd(now, a.get()).equals(evaluatedTo.get(s.id()))) {
                continue; // nothing arrived and no grid instant passed since: the findings cannot have changed
            }
            // re-judge from the earliest of: what arrived since, the last instant judged before, and now
            LocalDateTime affected = earliest.getOrDefault(s.id(), now);
            LocalDateTime last = evaluatedTo.get(s.id());
            if (last == null) {
                last = oldestOpen(s.id())
                        .filter(t -> t.isAfter(now.minus(RESTART_LOOKBACK)))
                        .orElse(now);
            } else {
                last = last.minus(config.forEnterprise(s.id()).interval());
            }
            affected = min(min(affected, last), now); // a device clock ahead of the platform is DQ-18's business
            LocalDateTime judged = affected.toLocalDate().atStartOfDay();
            LocalDateTime end = gridEnd(now, a.get());
            RuleConfig.Values values = config.forEnterprise(s.id());
            int lookback = engine.rules().stream()
                    .mapToInt(r -> r.lookbackDays(values))
                    .max()
                    .orElse(0);
            boolean full = lookback > 0 && longDue(a.get(), now, earliest.containsKey(s.id()));
            LocalDateTime from = judged.minus(WARM_UP).minusDays(full ? lookback : 0);
            if (full) {
                from = lookbackFrom(from, judged, earliestRecord(a.get()));
            }
            // the rules that need more than the warm-up are judged only by the long evaluations
            Set<String> notJudged = full ? Set.of() : longRules(values);
            Run r = run(a.get(), from, judged, end, now, recent);
            List<Finding> f = r.findings();
            findings += f.size();
            f.forEach(x -> byRule.merge(x.ruleId(), 1, Integer::sum));
            changes = changes.plus(reconcile(a.get(), from, judged, end, f, now, notJudged));
            if (full) {
                longAt.put(s.id(), now);
                LocalDateTime midnight = now.toLocalDate().atStartOfDay();
                if (dayClosed(r.data(), midnight, values)) {
                    longClosed.put(s.id(), midnight);
                }
            }
            evaluatedTo.put(s.id(), end);
            n++;
        }
        return new Summary(n, findings, changes, byRule);
    }

    /**
     * Replays the stored range [from, to) (with a day of warm-up before it) for every archived enterprise, or only
     * {@code enterpriseId}, and reconciles the alarms of the range.
     */
    public synchronized Summary rerun(LocalDateTime from, LocalDateTime to, Optional<String> enterpriseId)
            throws SQLException {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the range must end after it starts: " + from + " … " + to);
        }
        int n = 0;
        int findings = 0;
        AlarmStore.Changes changes = AlarmStore.Changes.NONE;
        Map<String, Integer> byRule = new TreeMap<>();
        for (ArchiveRegistry.EnterpriseSummary s : archive.enterprises()) {
            if (enterpriseId.isPresent() && !enterpriseId.get().equals(s.id())) {
                continue;
            }
            Optional<SiteArchive> a = archive.archive(s.id());
            if (a.isEmpty()) {
                continue;
            }
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), a.get().zone());
            LocalDateTime end = to.isAfter(now) ? gridEnd(now, a.get()) : to;
            RuleConfig.Values values = config.forEnterprise(s.id());
            int lookback = engine.rules().stream()
                    .mapToInt(r -> r.lookbackDays(values))
                    .max()
                    .orElse(0);
            LocalDateTime start = from.minus(WARM_UP).minusDays(lookback);
            List<Finding> f = run(a.get(), start, from, end, now, null).findings();
            findings += f.size();
            f.forEach(x -> byRule.merge(x.ruleId(), 1, Integer::sum));
            changes = changes.plus(reconcile(a.get(), start, from, end, f, now, Set.of()));
            n++;
        }
        return new Summary(n, findings, changes, byRule);
    }

    /** The ids of the archived enterprises the rules judge. */
    public List<String> enterprises() throws SQLException {
        return archive.enterprises().stream()
                .map(ArchiveRegistry.EnterpriseSummary::id)
                .toList();
    }

    /** The findings over [from, to) of one enterprise without storing anything (a dry run). */
    public List<Finding> evaluate(String enterpriseId, LocalDateTime from, LocalDateTime to) throws SQLException {
        SiteArchive a = archive.archive(enterpriseId)
                .orElseThrow(() -> new IllegalArgumentException("no archived enterprise " + enterpriseId));
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), a.zone());
        RuleConfig.Values values = config.forEnterprise(enterpriseId);
        int lookback = engine.rules().stream()
                .mapToInt(r -> r.lookbackDays(values))
                .max()
                .orElse(0);
        return run(a, from.minus(WARM_UP).minusDays(lookback), from, to.isAfter(now) ? gridEnd(now, a) : to, now, null)
                .findings();
    }

    /** One evaluation: the data it read and the findings it kept. */
    private record Run(EnterpriseData data, List<Finding> findings) {}

    private Run run(
            SiteArchive a,
            LocalDateTime from,
            LocalDateTime judged,
            LocalDateTime to,
            LocalDateTime now,
            RecentRecords through)
            throws SQLException {
        RuleConfig.Values values = config.forEnterprise(a.id());
        EnterpriseData data = loader.load(a, from, to, now, values, through);
        List<Finding> all = new ArrayList<>(engine.evaluate(data, values));
        // episodes wholly inside the warm-up belong to the evaluation that judged that day
        all.removeIf(
                f -> f.end() != null && !f.end().isAfter(judged) && f.start().isBefore(judged));
        return new Run(data, all);
    }

    private AlarmStore.Changes reconcile(
            SiteArchive a,
            LocalDateTime from,
            LocalDateTime judged,
            LocalDateTime to,
            List<Finding> f,
            LocalDateTime now,
            Set<String> notJudged)
            throws SQLException {
        RuleConfig.Values values = config.forEnterprise(a.id());
        Duration lateAfter = values.interval().plus(values.minutes("dq.offlineMin"));
        AlarmStore.Changes c = alarms.reconcile(a.id(), from, judged, to, f, a.zone(), lateAfter, notJudged);
        if (c.opened() + c.closed() > 0) {
            LOG.info(
                    "enterprise {} at {}: {} alarm(s) opened, {} updated, {} closed",
                    a.id(),
                    now,
                    c.opened(),
                    c.updated(),
                    c.closed());
        }
        return c;
    }

    /** The first grid instant after {@code now}: the evaluation includes the instant now falls on. */
    private LocalDateTime gridEnd(LocalDateTime now, SiteArchive a) {
        long step = config.forEnterprise(a.id()).interval().toSeconds();
        LocalDateTime midnight = now.toLocalDate().atStartOfDay();
        long s = Duration.between(midnight, now).toSeconds();
        return midnight.plusSeconds((s / step + 1) * step);
    }

    /**
     * Whether the long evaluation is due: at the first tick; once a day from the first tick of the day until one has
     * seen the day before closed for every point ({@link #dayClosed}): again whenever data arrived since, and at the
     * latest once {@code dq.offlineMin} has passed after midnight; and hourly while the enterprise is in a control
     * period (ALM-06…08 need their baseline days to judge the period as it goes). Waiting for the close matters: at
     * the first tick after midnight the records of 24:00 are often still on their way, and a multi-day rule (DQ-16's
     * 7 days, §10 row 22) would otherwise judge the day just ended only a day later.
     */
    private boolean longDue(SiteArchive a, LocalDateTime now, boolean arrived) {
        LocalDateTime last = longAt.get(a.id());
        if (last == null) {
            return true;
        }
        LocalDateTime midnight = now.toLocalDate().atStartOfDay();
        if (!midnight.equals(longClosed.get(a.id()))
                && (last.isBefore(midnight)
                        || arrived
                        || !now.isBefore(
                                midnight.plus(config.forEnterprise(a.id()).minutes("dq.offlineMin"))))) {
            return true;
        }
        boolean controlled = a.controlPeriods().stream()
                .anyMatch(c -> !now.isBefore(c.start()) && now.isBefore(c.end().plusHours(1)));
        return controlled && !now.isBefore(last.plusHours(1));
    }

    /**
     * Whether the day ending at {@code midnight} has closed for every point in {@code data} (rulebook §0): each has a
     * record at or after midnight (the 24:00 reading), or the platform is {@code dq.offlineMin} past midnight, so
     * DQ-06 declares what is still missing offline.
     */
    private static boolean dayClosed(EnterpriseData data, LocalDateTime midnight, RuleConfig.Values values) {
        if (!data.now().isBefore(midnight.plus(values.minutes("dq.offlineMin")))) {
            return true;
        }
        return data.points().values().stream().allMatch(p -> {
            int latest = p.series().latest();
            return latest >= 0 && !data.grid().time(latest).isBefore(midnight);
        });
    }

    private Set<String> longRules(RuleConfig.Values values) {
        Set<String> out = new java.util.TreeSet<>();
        engine.rules().stream().filter(r -> r.lookbackDays(values) > 0).forEach(r -> out.add(r.id()));
        return out;
    }

    private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private Optional<LocalDateTime> oldestOpen(String enterpriseId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select min(start_time) from alarm where enterprise_id = ? and status = 'OPEN'")) {
            ps.setString(1, enterpriseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(rs.getObject(1, LocalDateTime.class));
            }
        }
    }

    private Optional<String> enterpriseOf(String mn) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("select enterprise_id from archive_device where mn = ?")) {
            ps.setString(1, mn);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
