package io.pollwatt.emulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pollwatt.emulator.device.Sender;
import io.pollwatt.emulator.net.ScaledClock;
import io.pollwatt.emulator.net.WallClockScheduler;
import io.pollwatt.emulator.testing.LoopbackPlatform;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.twin.population.PopulationGenerator;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.site.Enterprise;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small fleet in scaled time (one simulated hour a wall second) against a loopback server that acknowledges. */
class FleetIT {

    private static final Instant START = Instant.parse("2026-02-28T16:00:00Z");

    @TempDir
    Path dir;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());

    @AfterEach
    void tearDown() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void a_fleet_uploads_every_record_strictly_and_gets_them_all_acknowledged() throws Exception {
        LoopbackPlatform platform = new LoopbackPlatform(group);
        InetSocketAddress address = platform.address();
        Seeds seeds = new Seeds(8);
        List<Enterprise> enterprises = List.of(
                PopulationGenerator.enterprise("E1", 8, seeds.streamFor("population/E1")),
                PopulationGenerator.enterprise("E2", 12, seeds.streamFor("population/E2")));
        ScaledClock clock = new ScaledClock(Clock.systemUTC(), START, 3600);
        try (WallClockScheduler scheduler = new WallClockScheduler(clock, "fleet");
                Fleet fleet = Fleet.start(
                        enterprises,
                        Map.of(),
                        new Fleet.Settings(
                                address,
                                ZoneId.of("Asia/Shanghai"),
                                START,
                                dir,
                                8,
                                new Sender.Settings(Duration.ofSeconds(60), 3, 600, Duration.ofSeconds(60))),
                        scheduler,
                        group)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> fleet.summary().simulatedNow().isAfter(START.plus(Duration.ofMinutes(70))));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Fleet.Summary s = fleet.summary();
                return s.unsent() == 0 && s.framesAcked() == s.recordsBuilt();
            });
            Fleet.Summary s = fleet.summary();
            assertThat(s.devices()).isEqualTo(2 + 2); // a DTU and a stack collector each
            assertThat(s.recordsBuilt()).isPositive();
        }
        assertThat(platform.rejected).isEmpty();
        List<DataUpload> uploads =
                platform.received.stream().map(m -> (DataUpload) m).toList();
        assertThat(uploads.stream().map(Hj212Message::mn).distinct()).hasSize(4);
        // realtime records sit on the quarter-hour grid however the wall clock jittered
        assertThat(uploads.stream()
                        .filter(u -> u.cn().text().equals("2011"))
                        .map(u -> u.dataTimeText().substring(10)))
                .allMatch(mmss ->
                        mmss.equals("0000") || mmss.equals("1500") || mmss.equals("3000") || mmss.equals("4500"));
    }

    @Test
    void the_devices_act_out_the_twins_transport_faults() throws Exception {
        LoopbackPlatform platform = new LoopbackPlatform(group);
        InetSocketAddress address = platform.address();
        Seeds seeds = new Seeds(9);
        Enterprise e = PopulationGenerator.enterprise("E1", 6, seeds.streamFor("population/E1"));
        String point = e.facilities().get(1).id();
        io.pollwatt.twin.fault.Window outage =
                io.pollwatt.twin.fault.Window.of(START.plus(Duration.ofMinutes(20)), Duration.ofMinutes(30));
        List<io.pollwatt.twin.fault.Fault> faults = List.of(
                new io.pollwatt.twin.fault.UplinkOutage(point, outage),
                new io.pollwatt.twin.fault.MnNotDelivered(point, outage));
        ScaledClock clock = new ScaledClock(Clock.systemUTC(), START, 3600);
        try (WallClockScheduler scheduler = new WallClockScheduler(clock, "fleet");
                Fleet fleet = Fleet.start(
                        List.of(e),
                        Map.of("E1", faults),
                        new Fleet.Settings(
                                address,
                                ZoneId.of("Asia/Shanghai"),
                                START,
                                dir,
                                9,
                                new Sender.Settings(Duration.ofSeconds(60), 3, 600, Duration.ofSeconds(60))),
                        scheduler,
                        group)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> fleet.summary().simulatedNow().isAfter(START.plus(Duration.ofMinutes(70))));
            await().atMost(Duration.ofSeconds(30)).until(() -> fleet.summary().unsent() == 0);
        }
        List<DataUpload> dtu = platform.received.stream()
                .map(m -> (DataUpload) m)
                .filter(u ->
                        u.header().st().text().equals("51") && u.cn().text().equals("2011"))
                .toList();
        assertThat(dtu).allSatisfy(u -> assertThat(u.mn()).isEqualTo("000000000000000000000000"));
        // the records of the outage (00:30, 00:45) arrived afterwards, resent
        assertThat(dtu.stream().map(DataUpload::dataTimeText).distinct())
                .contains("20260301003000", "20260301004500", "20260301010000");
    }

    @Test
    void a_device_plan_sets_the_mns_meter_numbers_and_which_dtu_acts_out_a_fault() throws Exception {
        LoopbackPlatform platform = new LoopbackPlatform(group);
        Seeds seeds = new Seeds(10);
        Enterprise e = PopulationGenerator.enterprise("E1", 6, seeds.streamFor("population/E1"));
        List<String> points =
                e.facilities().stream().map(io.pollwatt.twin.site.Facility::id).toList();
        String first = "0A0000000000000000000001";
        String second = "0A0000000000000000000002";
        DevicePlan plan = new DevicePlan(
                List.of(
                        new DevicePlan.DtuPlan(
                                first,
                                "654321",
                                List.of(
                                        new DevicePlan.Meter(1, points.get(0)),
                                        new DevicePlan.Meter(3, points.get(1)))),
                        new DevicePlan.DtuPlan(second, "123456", List.of(new DevicePlan.Meter(1, points.get(2))))),
                List.of());
        // the second DTU never received its MN
        List<io.pollwatt.twin.fault.Fault> faults = List.of(new io.pollwatt.twin.fault.MnNotDelivered(
                points.get(2), io.pollwatt.twin.fault.Window.of(START, Duration.ofDays(1))));
        ScaledClock clock = new ScaledClock(Clock.systemUTC(), START, 3600);
        try (WallClockScheduler scheduler = new WallClockScheduler(clock, "fleet");
                Fleet fleet = Fleet.start(
                        List.of(e),
                        Map.of("E1", faults),
                        Map.of("E1", plan),
                        new Fleet.Settings(
                                platform.address(),
                                ZoneId.of("Asia/Shanghai"),
                                START,
                                dir,
                                10,
                                new Sender.Settings(Duration.ofSeconds(60), 3, 600, Duration.ofSeconds(60))),
                        scheduler,
                        group)) {
            assertThat(fleet.devices())
                    .extracting(Fleet.DeviceInfo::mn, Fleet.DeviceInfo::pw)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(first, "654321"),
                            // a device lists the MN it sends: the factory MN, as its MN was never delivered
                            org.assertj.core.groups.Tuple.tuple("000000000000000000000000", "123456"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> fleet.summary().simulatedNow().isAfter(START.plus(Duration.ofMinutes(40))));
            await().atMost(Duration.ofSeconds(30)).until(() -> fleet.summary().unsent() == 0);
        }
        List<DataUpload> realtime = platform.received.stream()
                .map(m -> (DataUpload) m)
                .filter(u -> u.cn().text().equals("2011"))
                .toList();
        assertThat(realtime.stream().map(Hj212Message::mn).distinct())
                .containsExactlyInAnyOrder(first, "000000000000000000000000");
        String cps = realtime.stream()
                .filter(u -> u.mn().equals(first))
                .map(u -> u.cp().toString())
                .reduce("", String::concat);
        assertThat(cps).contains("g71301-Rtd").contains("g71303-Rtd").doesNotContain("g71302-Rtd");
    }

    @Test
    void refuses_a_plan_naming_a_point_the_enterprise_lacks() {
        Enterprise e = PopulationGenerator.enterprise("E1", 4, new Seeds(1).streamFor("population/E1"));
        DevicePlan plan = new DevicePlan(
                List.of(new DevicePlan.DtuPlan(
                        "0A0000000000000000000001", "123456", List.of(new DevicePlan.Meter(1, "NOPE")))),
                List.of());
        ScaledClock clock = new ScaledClock(Clock.systemUTC(), START, 3600);
        try (WallClockScheduler scheduler = new WallClockScheduler(clock, "fleet")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fleet.start(
                            List.of(e),
                            Map.of(),
                            Map.of("E1", plan),
                            new Fleet.Settings(
                                    new InetSocketAddress("127.0.0.1", 1),
                                    ZoneId.of("Asia/Shanghai"),
                                    START,
                                    dir,
                                    1,
                                    Sender.Settings.defaults()),
                            scheduler,
                            group))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NOPE");
        }
    }
}
