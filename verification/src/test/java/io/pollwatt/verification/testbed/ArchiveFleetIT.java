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
import io.pollwatt.platform.archive.ArchiveRegistry;
import io.pollwatt.platform.archive.ArchiveRegistry.PointQuantity;
import io.pollwatt.platform.archive.ArchiveRegistry.Resolved;
import io.pollwatt.platform.archive.ArchiveRegistry.StackQuantity;
import io.pollwatt.platform.ingest.IngestServer;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.verification.site.ReadySites;
import io.pollwatt.verification.site.SiteFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site's archive imported into the reference platform, and the same site's emulated devices uploading to it: the
 * frames carry the site's MNs (its device plan), ingest knows every one of them from the import alone, and every
 * factor code of every stored record resolves to the point or stack the emulator measured.
 */
class ArchiveFleetIT {

    private static final Instant START = Instant.parse("2026-02-28T16:00:00Z");

    @TempDir
    Path dir;

    @Test
    void a_sites_devices_send_under_its_archived_mns_and_every_code_resolves() throws Exception {
        String name = "hv-main"; // 9 points, one stack with an analyzer
        SiteFile site = ReadySites.read(name);
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, ReadySites.text(name).orElseThrow(), StandardCharsets.UTF_8);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try (Database db = Database.embedded(dir.resolve("pg"))) {
            ScaledClock clock = new ScaledClock(Clock.systemUTC(), START, 3600);
            ArchiveRegistry archive = new ArchiveRegistry(db.dataSource(), clock);
            archive.importSite(file); // registers the devices: nothing else does
            try (IngestServer platform = new IngestServer(
                            "127.0.0.1",
                            0,
                            Mode.LENIENT,
                            db.dataSource(),
                            new DeviceRegistry(db.dataSource(), clock),
                            clock);
                    WallClockScheduler scheduler = new WallClockScheduler(clock, "fleet");
                    Fleet fleet = Fleet.start(
                            List.of(site.enterprise()),
                            Map.of(),
                            Map.of(site.enterprise().id(), site.devices()),
                            new Fleet.Settings(
                                    platform.address(),
                                    site.zone(),
                                    START,
                                    dir.resolve("stores"),
                                    5,
                                    new Sender.Settings(Duration.ofMinutes(10), 3, 600, Duration.ofSeconds(60))),
                            scheduler,
                            group)) {
                Set<String> mns = new HashSet<>();
                site.devices().dtus().forEach(d -> mns.add(d.mn()));
                site.devices().collectors().forEach(c -> mns.add(c.mn()));
                assertThat(fleet.devices()).extracting(Fleet.DeviceInfo::mn).containsExactlyInAnyOrderElementsOf(mns);
                // a DTU's 2011 record of 9 meters travels in several packets: wait for every meter's power
                String dtu = site.devices().dtus().get(0).mn();
                await().atMost(Duration.ofSeconds(90))
                        .until(() -> count(
                                                db,
                                                "select count(distinct k) from record, jsonb_object_keys(cp) k"
                                                        + " where cn = '2011' and mn = '" + dtu
                                                        + "' and k like 'g713__-Rtd'")
                                        == site.enterprise().facilities().size()
                                && count(db, "select count(distinct mn) from record") == mns.size());

                assertThat(strings(db, "select distinct mn from record")).containsExactlyInAnyOrderElementsOf(mns);
                assertThat(count(db, "select count(*) from quarantine")).isZero();
                Set<String> points = new HashSet<>();
                Set<String> stacks = new HashSet<>();
                for (String row : strings(
                        db, "select distinct mn || ' ' || k from record, jsonb_object_keys(cp) k where k like '%-%'")) {
                    String[] mnName = row.split(" ");
                    Optional<Resolved> r = archive.resolve(mnName[0], mnName[1]);
                    assertThat(r).as(row).isPresent();
                    assertThat(r.get().enterpriseId())
                            .isEqualTo(site.enterprise().id());
                    if (r.get() instanceof PointQuantity p) {
                        points.add(p.pointId());
                    } else if (r.get() instanceof StackQuantity s) {
                        stacks.add(s.stackId());
                    }
                }
                assertThat(points).hasSize(site.enterprise().facilities().size());
                assertThat(stacks).containsExactly("S1");
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
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

    private static List<String> strings(Database db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
