package io.pollwatt.verification.testbed;

import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.platform.alarms.RuleService;
import io.pollwatt.platform.clock.ClockControl;
import io.pollwatt.platform.clock.SettableClock;
import io.pollwatt.platform.http.HttpApi;
import io.pollwatt.platform.ingest.IngestServer;
import io.pollwatt.platform.ingest.IngestStats;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.rules.RuleConfig;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference platform as it runs on its own ({@code testbed platform}): HJ 212 ingest, the rules judging on the
 * platform's clock every {@code judgeEvery}, and the REST API with the dashboard, on a database the caller owns. This
 * is also what a run against an outside platform is tested with: the platform in this process, but reached only
 * over TCP and HTTP.
 */
public final class StandalonePlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StandalonePlatform.class);

    private final IngestServer ingest;
    private final ScheduledExecutorService judge;
    private final HttpApi api;

    /**
     * Starts it.
     *
     * @param bind the address to listen on
     * @param hj212Port the ingest's port (0: any)
     * @param httpPort the API's port (0: any)
     * @param mode strict or lenient frame checks
     * @param db the platform's database (migrated by the caller's {@code Database})
     * @param registry the device registry on {@code db}
     * @param clock the platform's clock: PostgreSQL keeps microseconds, so no finer (docs/api.md, evidence); a
     *     {@link SettableClock} makes it a test platform: {@code PUT /api/clock} sets the time and judges, and the rules
     *     run only then (the caller's virtual time is the platform's)
     * @param token the bearer token of the API's write endpoints
     * @param rules the rule configuration
     * @param judgeEvery how often the rules run on a clock that is not settable
     */
    public StandalonePlatform(
            String bind,
            int hj212Port,
            int httpPort,
            Mode mode,
            DataSource db,
            DeviceRegistry registry,
            Clock clock,
            String token,
            RuleConfig rules,
            Duration judgeEvery)
            throws Exception {
        if (judgeEvery.isNegative() || judgeEvery.isZero()) {
            throw new IllegalArgumentException("the rules must run at a positive period, got " + judgeEvery);
        }
        ingest = new IngestServer(bind, hj212Port, mode, db, registry, clock);
        RuleService ruleService = RuleService.create(db, rules, clock);
        ingest.onStored(ruleService::stored);
        judge = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "platform-rules");
            t.setDaemon(true);
            return t;
        });
        long period = judgeEvery.toMillis();
        ClockControl control = null;
        if (clock instanceof SettableClock settable) {
            control = (now, judgeNow) -> {
                settable.set(now);
                if (judgeNow) {
                    synchronized (ruleService) { // one round at a time, as the scheduled rounds are
                        ruleService.tick();
                    }
                }
            };
        } else {
            judge.scheduleWithFixedDelay(
                    () -> tick(ruleService), Math.min(1_000, period), period, TimeUnit.MILLISECONDS);
        }
        try {
            api = new HttpApi(bind, httpPort, db, ingest.stats(), clock, token, rules, control);
        } catch (Exception | Error e) {
            judge.shutdownNow();
            ingest.close();
            throw e;
        }
    }

    /** Where devices connect. */
    public InetSocketAddress hj212() {
        return ingest.address();
    }

    /** The REST API's base, e.g. {@code http://127.0.0.1:8080/}. */
    public URI api() {
        return api.baseUri();
    }

    /** The ingest's counters. */
    public IngestStats stats() {
        return ingest.stats();
    }

    /** One round of the rules; a failure is logged and the next round tries again. */
    private static void tick(RuleService rules) {
        try {
            rules.tick();
        } catch (Exception | Error e) {
            LOG.warn("rules round failed: {}", e.toString());
        }
    }

    @Override
    public void close() throws Exception {
        try {
            judge.shutdownNow();
            judge.awaitTermination(10, TimeUnit.SECONDS);
        } finally {
            try {
                api.close();
            } finally {
                ingest.close();
            }
        }
    }
}
