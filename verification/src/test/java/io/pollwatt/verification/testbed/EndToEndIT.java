package io.pollwatt.verification.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pollwatt.emulator.device.Sender;
import io.pollwatt.emulator.fleet.Fleet;
import io.pollwatt.emulator.net.ScaledClock;
import io.pollwatt.emulator.net.WallClockScheduler;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.platform.ingest.IngestServer;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.twin.population.PopulationGenerator;
import io.pollwatt.twin.random.Seeds;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain once: twins → emulated DTUs and collectors → TCP → the reference platform's ingest → PostgreSQL.
 * Every record the fleet built ends up stored and acknowledged.
 */
class EndToEndIT {

    private static final Instant START = Instant.parse("2026-02-28T16:00:00Z");

    @TempDir
    Path dir;

    @Test
    void a_fleet_uploads_into_the_reference_platform_and_everything_is_stored() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        Seeds seeds = new Seeds(21);
        try (Database db = Database.embedded(dir.resolve("pg"))) {
            // simulated time starts once the database is up: its start-up takes seconds, hours at this speed
            ScaledClock clock = new ScaledClock(Clock.systemUTC(), START, 3600);
            run(db, clock, seeds, group);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private void run(Database db, ScaledClock clock, Seeds seeds, EventLoopGroup group) throws Exception {
        try (IngestServer platform = new IngestServer(
                        "127.0.0.1",
                        0,
                        Mode.LENIENT,
                        db.dataSource(),
                        new DeviceRegistry(db.dataSource(), clock),
                        clock);
                WallClockScheduler scheduler = new WallClockScheduler(clock, "fleet");
                Fleet fleet = Fleet.start(
                        List.of(
                                PopulationGenerator.enterprise("E1", 6, seeds.streamFor("population/E1")),
                                PopulationGenerator.enterprise("E2", 9, seeds.streamFor("population/E2"))),
                        Map.of(),
                        new Fleet.Settings(
                                platform.address(),
                                ZoneId.of("Asia/Shanghai"),
                                START,
                                dir.resolve("stores"),
                                21,
                                // OverTime 10 min: at 3600x that is 170 ms of wall time for a durable commit
                                new Sender.Settings(Duration.ofMinutes(10), 3, 600, Duration.ofSeconds(60))),
                        scheduler,
                        group)) {
            DeviceRegistry registry = new DeviceRegistry(db.dataSource(), clock);
            fleet.devices().forEach(d -> registry.register(d.mn(), d.pw(), d.enterpriseId()));
            // every 2011 DataTime of the first simulated hour (00:15 .. 01:00 local), for every device, arrives:
            // a machine that runs the scaled clock late makes the devices catch up, never skip
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> count(
                                    db,
                                    "select count(distinct (mn, data_time)) from record where cn = '2011'"
                                            + " and data_time <= '2026-03-01 01:00:00'")
                            == 4L * 4);
            await().atMost(Duration.ofSeconds(60)).until(() -> fleet.summary().unsent() == 0);
            Fleet.Summary s = fleet.summary();
            assertThat(s.framesAcked()).isGreaterThanOrEqualTo(s.recordsBuilt());
            assertThat(count(db, "select count(distinct mn) from record")).isEqualTo(4);
            assertThat(count(db, "select count(*) from record_conflict")).isZero();
            assertThat(count(db, "select count(*) from evidence where verdict = 'REJECTED'"))
                    .isZero();
        }
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
