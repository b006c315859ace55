package io.pollwatt.verification.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.Mode;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.message.SystemCode;
import io.pollwatt.hj212.netty.ReceivedFrame;
import io.pollwatt.platform.clock.SettableClock;
import io.pollwatt.platform.registry.DeviceRegistry;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.storage.Database;
import io.pollwatt.verification.cli.Testbed;
import io.pollwatt.verification.testbed.ScenarioDatabase;
import io.pollwatt.verification.testbed.StandalonePlatform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The self-test of {@code testbed certify-platform}: the reference platform standalone on a test clock passes every
 * case; platforms with one deliberate defect fail exactly the cases that defect touches.
 */
class PlatformCertificationIT {

    private static final String TOKEN = "certify-platform-token";

    private static Database db;
    private static StandalonePlatform reference;
    private static EventLoopGroup group;

    @TempDir
    Path out;

    @BeforeAll
    static void start() throws Exception {
        db = ScenarioDatabase.open();
        SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
        reference = new StandalonePlatform(
                "127.0.0.1",
                0,
                0,
                Mode.LENIENT,
                db.dataSource(),
                new DeviceRegistry(db.dataSource(), clock),
                clock,
                TOKEN,
                RuleConfig.defaults(),
                Duration.ofSeconds(1));
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stop() throws Exception {
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        for (AutoCloseable c : new AutoCloseable[] {reference, db}) {
            if (c != null) {
                c.close();
            }
        }
    }

    private record Run(int code, String out, String err, Path dir) {
        Map<String, String> verdicts() throws Exception {
            JsonNode json = new ObjectMapper()
                    .readTree(dir.resolve("certification.json").toFile());
            Map<String, String> v = new LinkedHashMap<>();
            for (JsonNode c : json.path("cases")) {
                v.put(c.path("caseId").asText(), c.path("verdict").asText());
            }
            return v;
        }
    }

    private Run certify(int hj212Port, String api, String tags, String dir) {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = new CommandLine(new Testbed())
                .setOut(new PrintWriter(stdout))
                .setErr(new PrintWriter(stderr))
                .execute(
                        "certify-platform",
                        "--target",
                        "127.0.0.1:" + hj212Port,
                        "--api",
                        api,
                        "--token",
                        TOKEN,
                        "--tags",
                        tags,
                        "--out",
                        out.resolve(dir).toString());
        return new Run(code, stdout.toString(), stderr.toString(), out.resolve(dir));
    }

    @Test
    void the_reference_platform_on_a_test_clock_passes_every_case() throws Exception {
        Run run = certify(reference.hj212().getPort(), reference.api().toString(), "@matrix-1", "reference");

        assertThat(run.verdicts())
                .as(run.out() + run.err())
                .allSatisfy((id, v) -> assertThat(v).as(id + "\n" + run.out()).isEqualTo("PASS"));
        assertThat(run.verdicts())
                .containsKeys(
                        "PLT-ING-01",
                        "PLT-ACK-01",
                        "PLT-ACK-02",
                        "PLT-DUP-01",
                        "PLT-AGG-01",
                        "PLT-AGG-02",
                        "PLT-AGG-03",
                        "PLT-DET-01",
                        "PLT-DET-02");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("certify-platform: PASS");
    }

    /**
     * A front that acknowledges every upload at once and hands it to the (reference) platform only when the device's
     * next frame comes, or half a second later: everything ends up stored, so only the reads at the moment of the
     * 9014 (PLT-ACK-01) see that the ack came first.
     */
    @Test
    void a_platform_that_acknowledges_before_it_stores_fails_only_ack_after_storage() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (FrameRelay front =
                new FrameRelay(new InetSocketAddress("127.0.0.1", 0), reference.hj212(), new AckFirst(timer), group)) {
            Run run = certify(front.address().getPort(), reference.api().toString(), "", "ack-first");

            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.verdicts())
                    .as(run.out())
                    .containsEntry("PLT-ING-01", "PASS")
                    .containsEntry("PLT-ACK-01", "FAIL")
                    .containsEntry("PLT-ACK-02", "PASS")
                    .containsEntry("PLT-DUP-01", "PASS")
                    .containsEntry("PLT-AGG-01", "PASS")
                    .containsEntry("PLT-AGG-02", "PASS")
                    .containsEntry("PLT-AGG-03", "PASS");
            assertThat(run.out()).contains("not returned by the API at that moment");
        } finally {
            timer.shutdownNow();
        }
    }

    /** A front that rewrites the platform's 9014s with ST=21: devices still take them, the answers case fails. */
    @Test
    void a_platform_whose_acks_carry_the_wrong_system_code_fails_only_the_answers_case() throws Exception {
        FrameRelay.Tap wrongSt = new FrameRelay.Tap() {
            @Override
            public void fromDevice(FrameRelay.Link link, ReceivedFrame frame) {
                link.toPlatform(frame.raw().toByteArray());
            }

            @Override
            public void fromPlatform(FrameRelay.Link link, ReceivedFrame frame) {
                if (frame.message().orElse(null) instanceof Reply r
                        && r.cn().text().equals("9014")) {
                    Header h = r.header();
                    Header wrong = new Header(
                            h.qn(),
                            new SystemCode("21"),
                            h.cn(),
                            h.pw(),
                            h.mn(),
                            h.flag(),
                            h.packet(),
                            h.unknownFields());
                    link.toDevice(Hj212Codec.encodeCanonical(new Reply(wrong, r.cp())));
                } else {
                    link.toDevice(frame.raw().toByteArray());
                }
            }
        };
        try (FrameRelay front =
                new FrameRelay(new InetSocketAddress("127.0.0.1", 0), reference.hj212(), wrongSt, group)) {
            Run run = certify(front.address().getPort(), reference.api().toString(), "", "wrong-st");

            assertThat(run.code()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.verdicts())
                    .as(run.out())
                    .containsEntry("PLT-ING-01", "PASS")
                    .containsEntry("PLT-ACK-01", "PASS")
                    .containsEntry("PLT-ACK-02", "FAIL")
                    .containsEntry("PLT-DUP-01", "PASS")
                    .containsEntry("PLT-AGG-01", "PASS");
            assertThat(run.out()).contains("ST=21, expected 91");
        }
    }

    @Test
    void an_unreachable_target_or_a_wrong_token_is_named() {
        Run closed = certify(1, reference.api().toString(), "", "closed");
        assertThat(closed.code()).isEqualTo(2);
        assertThat(closed.err()).contains("cannot connect to the platform's HJ 212 ingest at --target 127.0.0.1:1");

        StringWriter stderr = new StringWriter();
        int code = new CommandLine(new Testbed())
                .setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(stderr))
                .execute(
                        "certify-platform",
                        "--target",
                        "127.0.0.1:" + reference.hj212().getPort(),
                        "--api",
                        reference.api().toString(),
                        "--token",
                        "wrong",
                        "--tags",
                        "",
                        "--out",
                        out.resolve("token").toString());
        assertThat(code).isEqualTo(2);
        assertThat(stderr.toString()).contains("401").contains("--token");
    }

    /** Acknowledges each upload itself at once; passes it on when the link's next frame comes or 500 ms later. */
    private static final class AckFirst implements FrameRelay.Tap {
        private final ScheduledExecutorService timer;
        private final Map<Integer, byte[]> held = new LinkedHashMap<>();
        private final Map<Integer, ScheduledFuture<?>> flushes = new LinkedHashMap<>();

        AckFirst(ScheduledExecutorService timer) {
            this.timer = timer;
        }

        @Override
        public synchronized void fromDevice(FrameRelay.Link link, ReceivedFrame frame) {
            flush(link);
            if (frame.message().orElse(null) instanceof DataUpload u
                    && u.header().answerWanted()) {
                held.put(link.number(), frame.raw().toByteArray());
                flushes.put(
                        link.number(),
                        timer.schedule(
                                () -> {
                                    synchronized (this) {
                                        flush(link);
                                    }
                                },
                                500,
                                TimeUnit.MILLISECONDS));
                link.toDevice(Hj212Codec.encodeCanonical(Reply.dataAnswer(u.header())));
            } else {
                link.toPlatform(frame.raw().toByteArray());
            }
        }

        @Override
        public synchronized void deviceGone(FrameRelay.Link link) {
            flush(link); // a platform that acks first still stores what it acked
        }

        private void flush(FrameRelay.Link link) {
            byte[] h = held.remove(link.number());
            ScheduledFuture<?> f = flushes.remove(link.number());
            if (f != null) {
                f.cancel(false);
            }
            if (h != null) {
                link.toPlatform(h);
            }
        }

        @Override
        public void fromPlatform(FrameRelay.Link link, ReceivedFrame frame) {
            if (!(frame.message().orElse(null) instanceof Reply r
                    && r.cn().text().equals("9014"))) {
                link.toDevice(frame.raw().toByteArray()); // the platform's own acks were already given
            }
        }
    }
}
