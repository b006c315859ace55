package io.pollwatt.platform.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import io.pollwatt.platform.aggregate.AggregationSettings;
import io.pollwatt.platform.alarms.AlarmStore;
import io.pollwatt.platform.alarms.Catalogue;
import io.pollwatt.platform.alarms.RuleLoader;
import io.pollwatt.platform.archive.ArchiveRegistry;
import io.pollwatt.platform.archive.FactorCodes;
import io.pollwatt.platform.clock.ClockControl;
import io.pollwatt.platform.ingest.IngestStats;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.series.LiveStates;
import io.pollwatt.platform.series.PointSeries;
import io.pollwatt.platform.series.PointStates;
import io.pollwatt.platform.state.StateSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's REST API on Javalin (docs/api.md; the OpenAPI document is {@code api/openapi.json}): health, ingest
 * statistics, devices (备案), quarantine, evidence (list, export, chain verification), records and conflicts, the
 * archive (enterprises with live status, points with latest values, the circuit tree with live states, site-file
 * import and export), series of a point at 15 min, 1 h and 1 d (AGG) and completeness, operating statistics of an
 * enterprise (ST-09); and the dashboard at {@code /} with its files under {@code /assets/} (docs/dashboard.md).
 * Reads are open except those that return raw frames (frames carry the device password); writes and raw frames
 * need {@code Authorization: Bearer <token>}. Every error is an {@link ErrorBody} with the status of its
 * {@link ApiError}. Time comes from the injected clock.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    /** One route as registered: method and Javalin path ({@code /api/devices/{mn}}). */
    public record Route(String method, String path) {}

    private final Javalin app;
    private final StatusEndpoints status;
    private final String host;
    private final AtomicLong incidents = new AtomicLong();

    /**
     * Starts the API on {@code host:port} (port 0: any free port, see {@link #port()}).
     *
     * @param db the platform's database
     * @param stats the ingest's counters
     * @param clock the platform clock
     * @param token the bearer token write endpoints require; not blank
     */
    public HttpApi(String host, int port, DataSource db, IngestStats stats, Clock clock, String token) {
        this(host, port, db, stats, clock, token, RuleConfig.defaults());
    }

    /**
     * Starts the API, showing the rules' configuration {@code rules} (the one the platform's {@code RuleService} runs
     * with).
     */
    public HttpApi(
            String host, int port, DataSource db, IngestStats stats, Clock clock, String token, RuleConfig rules) {
        this(host, port, db, stats, clock, token, rules, null);
    }

    /**
     * Starts the API with {@code PUT /api/clock} doing {@code clockControl} (a platform on a test clock), or refusing
     * when it is null (a platform on the system clock).
     */
    public HttpApi(
            String host,
            int port,
            DataSource db,
            IngestStats stats,
            Clock clock,
            String token,
            RuleConfig rules,
            ClockControl clockControl) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the API token must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        this.host = host;
        byte[] tokenBytes = token.getBytes(StandardCharsets.UTF_8);
        ObjectMapper mapper = Json.mapper();
        byte[] openApi = resource("/api/openapi.json");
        status = new StatusEndpoints(db, stats, clock, openApi, resource("/web/index.html"));
        DeviceEndpoints devices = new DeviceEndpoints(db, clock, mapper);
        EvidenceEndpoints evidence = new EvidenceEndpoints(db, mapper);
        DataEndpoints data = new DataEndpoints(db);
        PointSeries series = new PointSeries(db, FactorCodes.pollwattDefault(), AggregationSettings.defaults());
        ArchiveRegistry archive = new ArchiveRegistry(db, clock);
        PointStates pointStates = new PointStates(archive, series, StateSettings.defaults());
        LiveStates live = new LiveStates(series, pointStates);
        AlarmStore alarmStore = new AlarmStore(db, clock);
        RegistryEndpoints registry = new RegistryEndpoints(archive, series, stats, clock, live, alarmStore);
        CircuitEndpoints circuit = new CircuitEndpoints(registry, live);
        SeriesEndpoints seriesEndpoints = new SeriesEndpoints(registry, series, pointStates);
        AlarmEndpoints alarms = new AlarmEndpoints(alarmStore, Catalogue.rules(), rules, mapper);
        ClockEndpoints clockEndpoints = new ClockEndpoints(clock, clockControl, mapper);
        OperationEndpoints operation = new OperationEndpoints(
                registry,
                new RuleLoader(db, FactorCodes.pollwattDefault(), AggregationSettings.defaults()),
                Catalogue.engine(),
                rules,
                clock);
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.prefer405over404 = true;
            cfg.http.maxRequestSize = 64 * 1024;
            cfg.jetty.threadPool = new QueuedThreadPool(16, 2, 60_000);
            cfg.jsonMapper(new JavalinJackson(mapper, false));
            // the dashboard's scripts, styles and the bundled chart library (docs/dashboard.md)
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/web/assets";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Content-Security-Policy", StatusEndpoints.CONTENT_SECURITY_POLICY);
            });
            cfg.routes.get("/", status::root);
            cfg.routes.get("/api/health", status::health);
            cfg.routes.get("/api/stats", status::stats);
            cfg.routes.get("/api/openapi.json", status::openApi);
            cfg.routes.get("/api/devices", devices::list);
            cfg.routes.post("/api/devices", guarded(tokenBytes, devices::register));
            cfg.routes.get("/api/devices/{mn}", devices::get);
            cfg.routes.delete("/api/devices/{mn}", guarded(tokenBytes, devices::delete));
            cfg.routes.get("/api/quarantine", data::quarantine);
            cfg.routes.get("/api/evidence", guarded(tokenBytes, evidence::list));
            cfg.routes.get("/api/evidence/export", guarded(tokenBytes, evidence::export));
            cfg.routes.get("/api/evidence/verify", evidence::verify);
            cfg.routes.get("/api/records", data::records);
            cfg.routes.get("/api/conflicts", data::conflicts);
            cfg.routes.get("/api/enterprises", registry::list);
            cfg.routes.get("/api/enterprises/{id}", registry::get);
            cfg.routes.delete("/api/enterprises/{id}", guarded(tokenBytes, registry::delete));
            cfg.routes.get("/api/enterprises/{id}/archive", registry::export);
            cfg.routes.get("/api/enterprises/{id}/circuit", circuit::get);
            cfg.routes.get("/api/enterprises/{id}/operation", operation::get);
            cfg.routes.post("/api/registry/import", guarded(tokenBytes, registry::importSite));
            cfg.routes.get("/api/series", seriesEndpoints::series);
            cfg.routes.get("/api/completeness", seriesEndpoints::completeness);
            cfg.routes.get("/api/states", seriesEndpoints::states);
            cfg.routes.get("/api/alarms", alarms::list);
            cfg.routes.get("/api/alarms/{id}", alarms::get);
            cfg.routes.post("/api/alarms/{id}/review", guarded(tokenBytes, alarms::review));
            cfg.routes.get("/api/rules", alarms::rules);
            cfg.routes.get("/api/clock", clockEndpoints::get);
            cfg.routes.put("/api/clock", guarded(tokenBytes, clockEndpoints::set));
            cfg.routes.exception(
                    ApiException.class, (e, ctx) -> answer(ctx, e.error().status(), e.body()));
            cfg.routes.exception(HttpResponseException.class, this::frameworkError);
            cfg.routes.exception(SQLTransientConnectionException.class, (e, ctx) -> {
                LOG.warn("database unavailable for {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                answer(ctx, 503, error(ApiError.DATABASE_UNAVAILABLE, null, "the database cannot be reached"));
            });
            cfg.routes.exception(Exception.class, this::unexpected);
        });
        app.start(host, port);
        LOG.info("REST API listening on {}:{}", host, app.port());
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** Where it listens. */
    public InetSocketAddress address() {
        return new InetSocketAddress(host, app.port());
    }

    /** The base URI a client on this machine uses: the bind host, or {@code localhost} for a wildcard bind. */
    public URI baseUri() {
        String h = host.equals("0.0.0.0") || host.equals("::") || host.isEmpty() ? "localhost" : host;
        if (h.contains(":")) {
            h = "[" + h + "]";
        }
        return URI.create("http://" + h + ":" + app.port() + "/");
    }

    /** Every route registered, in registration order (the OpenAPI document must describe each one). */
    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (ParsedEndpoint p : app.unsafe.internalRouter.allHttpHandlers()) {
            routes.add(new Route(p.endpoint.method.name().toUpperCase(Locale.ROOT), p.endpoint.path));
        }
        return routes;
    }

    @Override
    public void close() {
        app.stop();
        status.close();
    }

    /** {@code handler} behind the bearer token: a missing or wrong token is answered 401 before it runs. */
    private static Handler guarded(byte[] token, Handler handler) {
        return ctx -> {
            String header = ctx.header("Authorization");
            if (header == null || header.isBlank()) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"pollwatt\"");
                throw new ApiException(
                        ApiError.UNAUTHORIZED, "Authorization", "this endpoint needs 'Authorization: Bearer <token>'");
            }
            boolean bearer = header.regionMatches(true, 0, "Bearer ", 0, 7);
            byte[] given = bearer ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
            if (!bearer || !MessageDigest.isEqual(token, given)) { // constant time: no timing hint at the token
                ctx.header("WWW-Authenticate", "Bearer realm=\"pollwatt\", error=\"invalid_token\"");
                throw new ApiException(ApiError.UNAUTHORIZED, "Authorization", "the bearer token is not valid");
            }
            handler.handle(ctx);
        };
    }

    private void frameworkError(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        ErrorBody body;
        if (status == 404) {
            body = error(ApiError.NOT_FOUND, null, "no route " + ctx.method() + " " + ctx.path());
        } else if (status == 405) {
            body = error(ApiError.METHOD_NOT_ALLOWED, null, ctx.method() + " is not allowed on " + ctx.path());
        } else if (status == 413) {
            body = error(ApiError.BODY_TOO_LARGE, null, "the request body is too large");
        } else if (status == 415) {
            body = error(ApiError.UNSUPPORTED_MEDIA_TYPE, "Content-Type", e.getMessage());
        } else if (status >= 500) {
            LOG.error("framework error {} on {} {}", status, ctx.method(), ctx.path(), e);
            body = error(ApiError.INTERNAL_ERROR, null, "internal error");
        } else {
            body = new ErrorBody("HTTP_" + status, e.getMessage(), null);
        }
        answer(ctx, status, body);
    }

    private void unexpected(Exception e, Context ctx) {
        long incident = incidents.incrementAndGet();
        LOG.error("incident {}: {} {} failed", incident, ctx.method(), ctx.path(), e);
        answer(
                ctx,
                500,
                error(ApiError.INTERNAL_ERROR, null, "internal error (incident " + incident + " in the platform log)"));
    }

    private static ErrorBody error(ApiError code, String field, String message) {
        return new ErrorBody(code.name(), message, field);
    }

    private static void answer(Context ctx, int status, ErrorBody body) {
        ctx.status(status).json(body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the platform jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
