package io.pollwatt.platform.http;

import io.javalin.http.Context;
import io.pollwatt.platform.alarms.AlarmStore;
import io.pollwatt.platform.archive.ArchiveError;
import io.pollwatt.platform.archive.ArchiveFileException;
import io.pollwatt.platform.archive.ArchiveReader;
import io.pollwatt.platform.archive.ArchiveRegistry;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.ingest.IngestStats;
import io.pollwatt.platform.series.LiveStates;
import io.pollwatt.platform.series.PointSeries;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The archive (备案) over HTTP: enterprises with their live status, an enterprise's points with their latest
 * values, import of a site file and export of an enterprise's archive in the same format.
 */
final class RegistryEndpoints {

    /** A device is online when a frame of it was accepted within this long (two real-time intervals). */
    static final Duration ONLINE_WITHIN = Duration.ofMinutes(30);

    record DeviceStatus(String mn, boolean online, Instant lastSeen) {}

    /**
     * An enterprise in the list.
     *
     * @param running whether a production point (产污设施, 产治一体) runs (RUN or HIGH) at its latest record; {@code
     *     null} while the enterprise is offline or no production point has sent a record (unknown, not "stopped")
     * @param openAlarms open alarms by level ({@code "1"} red … {@code "3"} yellow), every level present
     */
    record EnterpriseItem(
            String id,
            String name,
            String district,
            String industry,
            int points,
            boolean online,
            Boolean running,
            Map<String, Integer> openAlarms,
            List<DeviceStatus> devices) {}

    record PointItem(
            String id,
            String name,
            String kind,
            String parent,
            String mn,
            Integer meter,
            String ct,
            String pt,
            Double pOnKw,
            Double pRefKw,
            PointSeries.Sample latest) {}

    record EnterpriseDetail(
            String id,
            String name,
            String district,
            String industry,
            String zone,
            boolean online,
            List<PointItem> points) {}

    record Imported(
            String enterpriseId, boolean replaced, int points, int groups, int stacks, int devices, int meters) {}

    private final ArchiveRegistry archive;
    private final PointSeries series;
    private final IngestStats stats;
    private final Clock clock;
    private final LiveStates live;
    private final AlarmStore alarms;

    RegistryEndpoints(
            ArchiveRegistry archive,
            PointSeries series,
            IngestStats stats,
            Clock clock,
            LiveStates live,
            AlarmStore alarms) {
        this.archive = archive;
        this.series = series;
        this.stats = stats;
        this.clock = clock;
        this.live = live;
        this.alarms = alarms;
    }

    /** {@code GET /api/enterprises?district=&industry=&q=}: every archived enterprise, filtered, with live status. */
    void list(Context ctx) throws SQLException {
        Params p = Params.of(ctx, "district", "industry", "q");
        String district = p.text("district");
        String industry = p.text("industry");
        String q = p.text("q");
        Map<String, Map<Integer, Integer>> open = alarms.openByLevel();
        List<EnterpriseItem> items = new ArrayList<>();
        for (ArchiveRegistry.EnterpriseSummary e : archive.enterprises()) {
            if (district != null && !district.equals(e.district())) {
                continue;
            }
            if (industry != null && !industry.equals(e.industry())) {
                continue;
            }
            if (q != null && !matches(e, q)) {
                continue;
            }
            List<DeviceStatus> devices = devices(e.id());
            boolean online = devices.stream().anyMatch(DeviceStatus::online);
            Map<String, Integer> byLevel = new LinkedHashMap<>();
            for (int level = 1; level <= 3; level++) {
                byLevel.put(
                        String.valueOf(level),
                        open.getOrDefault(e.id(), Map.of()).getOrDefault(level, 0));
            }
            items.add(new EnterpriseItem(
                    e.id(),
                    e.name(),
                    e.district(),
                    e.industry(),
                    e.points(),
                    online,
                    online ? running(e.id()) : null,
                    byLevel,
                    devices));
        }
        ctx.json(Map.of("items", items));
    }

    /** Whether a production point runs at its latest record; null when none has one. */
    private Boolean running(String enterpriseId) throws SQLException {
        Boolean running = null;
        for (SiteArchive.Point pt : archive.points(enterpriseId)) {
            if (pt.kind() != SiteArchive.PointKind.PROD && pt.kind() != SiteArchive.PointKind.PROD_TREAT) {
                continue;
            }
            Optional<LiveStates.Live> l = live.live(enterpriseId, pt.id());
            if (l.isPresent()) {
                if (l.get().state().running()) {
                    return true;
                }
                running = false;
            }
        }
        return running;
    }

    /** Whether a DTU meter reports the point. */
    boolean metered(String enterpriseId, String pointId) throws SQLException {
        return series.source(enterpriseId, pointId).isPresent();
    }

    /** {@code GET /api/enterprises/{id}}: the enterprise, its points, where each is metered and its latest values. */
    void get(Context ctx) throws SQLException {
        Params.of(ctx);
        SiteArchive a = enterprise(ctx.pathParam("id"));
        List<PointItem> points = new ArrayList<>();
        for (SiteArchive.Point pt : a.points()) {
            Optional<PointSeries.Source> source = series.source(a.id(), pt.id());
            points.add(new PointItem(
                    pt.id(),
                    pt.name(),
                    pt.kind().name(),
                    pt.parent().orElse(null),
                    source.map(PointSeries.Source::mn).orElse(null),
                    source.map(PointSeries.Source::meter).orElse(null),
                    pt.ct().toString(),
                    pt.pt().map(Object::toString).orElse(null),
                    pt.limits().pOnKw().isPresent() ? pt.limits().pOnKw().getAsDouble() : null,
                    pt.limits().pRefKw().isPresent() ? pt.limits().pRefKw().getAsDouble() : null,
                    source.isPresent() ? series.latest(source.get()).orElse(null) : null));
        }
        boolean online = devices(a.id()).stream().anyMatch(DeviceStatus::online);
        ctx.json(new EnterpriseDetail(
                a.id(), a.name(), a.district(), a.industry(), a.zone().getId(), online, points));
    }

    /** {@code GET /api/enterprises/{id}/archive}: the archive as a site file (YAML), re-importable. */
    void export(Context ctx) {
        Params.of(ctx);
        String id = ctx.pathParam("id");
        String yaml = archive.export(id).orElseThrow(() -> unknown(id));
        ctx.contentType("application/yaml; charset=utf-8").result(yaml);
    }

    /** {@code POST /api/registry/import}: a site file (YAML) in the body; replaces that enterprise's archive. */
    void importSite(Context ctx) {
        Params.of(ctx);
        String type = ctx.contentType();
        String media = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!List.of("application/yaml", "application/x-yaml", "text/yaml", "text/plain")
                .contains(media)) {
            throw new ApiException(
                    ApiError.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type",
                    "expected a site file as application/yaml, got " + (type == null ? "none" : "'" + type + "'"));
        }
        String text = new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8);
        SiteArchive parsed;
        try {
            parsed = ArchiveReader.parse("body", text);
        } catch (ArchiveFileException e) {
            List<ArchiveError> errors = e.errors();
            ArchiveError first = errors.get(0);
            throw new ApiException(
                    ApiError.BAD_SITE_FILE,
                    "body:" + first.line() + ":" + first.column(),
                    errors.size() + " problem(s) in the site file:\n"
                            + String.join(
                                    "\n", errors.stream().map(Object::toString).toList()));
        }
        try {
            ArchiveRegistry.ImportSummary s = archive.importArchive(parsed);
            ctx.json(new Imported(
                    s.enterpriseId(), s.replaced(), s.points(), s.groups(), s.stacks(), s.devices(), s.meters()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.ARCHIVE_CONFLICT, "devices", e.getMessage());
        }
    }

    /**
     * {@code DELETE /api/enterprises/{id}}: removes the enterprise's archive and unregisters its devices; records,
     * evidence and alarms stay.
     */
    void delete(Context ctx) {
        Params.of(ctx);
        String id = ctx.pathParam("id");
        Validation.checkEnterpriseId(id, "id");
        ArchiveRegistry.Deleted d = archive.delete(id).orElseThrow(() -> unknown(id));
        ctx.json(d);
    }

    SiteArchive enterprise(String id) {
        return archive.archive(id).orElseThrow(() -> unknown(id));
    }

    private static ApiException unknown(String id) {
        return new ApiException(ApiError.UNKNOWN_ENTERPRISE, "id", "no enterprise '" + id + "' in the archive");
    }

    private List<DeviceStatus> devices(String enterpriseId) {
        Instant now = clock.instant();
        List<DeviceStatus> out = new ArrayList<>();
        for (String mn : archive.devices(enterpriseId)) {
            Instant last = stats.lastSeen(mn).orElse(null);
            out.add(new DeviceStatus(mn, last != null && !last.isBefore(now.minus(ONLINE_WITHIN)), last));
        }
        return out;
    }

    private static boolean matches(ArchiveRegistry.EnterpriseSummary e, String q) {
        String needle = q.toLowerCase(Locale.ROOT);
        return e.id().toLowerCase(Locale.ROOT).contains(needle)
                || e.name().toLowerCase(Locale.ROOT).contains(needle);
    }
}
