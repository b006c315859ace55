package io.pollwatt.certification.device;

import io.pollwatt.certification.capture.Capture;
import io.pollwatt.certification.capture.CaptureEntry;
import io.pollwatt.certification.capture.Phase;
import io.pollwatt.certification.capture.Recorder;
import io.pollwatt.certification.catalogue.Catalogue;
import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.certification.judge.CaseResult;
import io.pollwatt.certification.judge.Judge;
import io.pollwatt.certification.report.CertificationReport;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Hj212Time;
import io.pollwatt.hj212.message.Reply;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Plays the platform for one device and certifies it (docs/certification.md "Certifying a device"): listens, waits
 * for the device, then runs the phases in order, recording the whole conversation:
 *
 * <ol>
 *   <li>observe: acknowledge every upload and watch (CAD, AGG, FRM, QN, FLG, SND);
 *   <li>commands: 1011, 1012, 1061, 1062, 1000, 1072 (and back), 3020, as declared;
 *   <li>retrieval: 2051, 2061, 2031 for ranges of records received live;
 *   <li>malformed answer: the next upload gets a 9014 with a wrong CRC (MAL-01);
 *   <li>withheld acks: the next upload gets no answer at all (RTY-01);
 *   <li>refused connections, then resend (RSD-01).
 * </ol>
 *
 * Every verdict is then judged from the recorded conversation by {@link Judge}, the same code that judges a replay.
 * Time in the device's time base comes from the {@link Timeline}: the wall clock for a real device, the emulator's
 * virtual scheduler in the self-test.
 */
public final class DeviceCertifier implements AutoCloseable {

    private final Declaration declaration;
    private final RunPlan plan;
    private final Timeline timeline;
    private final Consumer<String> progress;
    private final Recorder recorder;
    private final PlatformRole platform;
    private final TesterLink link;
    private final InetSocketAddress address;

    /**
     * A tester listening on {@code listen} (port 0: any free port) for the device of {@code declaration}.
     *
     * @param clock the device's time base, for QNs, offsets and receipt times (the wall clock for a real device)
     * @param capture where the conversation is written as it happens (null: kept in memory only)
     * @param progress told of every phase and verdict, one line each
     */
    public DeviceCertifier(
            InetSocketAddress listen,
            Declaration declaration,
            RunPlan plan,
            Clock clock,
            Timeline timeline,
            Path capture,
            Consumer<String> progress)
            throws IOException, InterruptedException {
        this.declaration = Objects.requireNonNull(declaration, "declaration");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.recorder = new Recorder(clock, declaration, capture);
        this.platform = new PlatformRole(declaration, clock);
        this.link = new TesterLink(recorder, platform::onFrame);
        platform.attach(link);
        try {
            this.address = link.listen(listen);
        } catch (IOException | InterruptedException | RuntimeException e) {
            link.close();
            recorder.close();
            throw e;
        }
    }

    /** Where the tester listens. */
    public InetSocketAddress address() {
        return address;
    }

    /** Runs every phase, then judges; the report's verdicts are in catalogue order. */
    public CertificationReport run() throws InterruptedException {
        progress.accept("listening on " + address + " for " + declaration.profile() + " MN " + declaration.mn()
                + "; waiting for the device to connect");
        if (!link.awaitConnection(0, plan.connectTimeout())) {
            progress.accept("the device did not connect within " + plan.connectTimeout());
            return judge();
        }
        timeline.deviceConnected();
        Duration rtd = declaration.rtdInterval();
        Duration answerWindow = declaration.overTime().multipliedBy(declaration.reCount() + 2L);
        phase(Phase.OBSERVE, "acknowledging every upload for " + plan.observe(), () -> advance(plan.observe()));
        phase(Phase.COMMANDS, "parameter and time commands", this::commands);
        phase(Phase.RETRIEVAL, "history retrieval", this::retrieval);
        phase(Phase.MALFORMED_ANSWER, "a damaged 9014 for the next upload", () -> {
            platform.armMalformedAnswer();
            advance(rtd.plus(answerWindow));
        });
        phase(Phase.WITHHELD_ACKS, "no answer to the next upload", () -> {
            platform.armWithheldAck();
            advance(rtd.plus(answerWindow).plusMinutes(1));
        });
        int before = link.connections();
        phase(Phase.REFUSED_CONNECTIONS, "connections refused for " + plan.outage(), () -> {
            link.refuse();
            timeline.deviceDisconnected();
            advance(plan.outage());
            try {
                link.accept();
            } catch (IOException e) {
                progress.accept(e.getMessage() + "; the resend cannot be observed");
            }
        });
        phase(Phase.RESEND, "waiting for the device to reconnect and resend", () -> {
            if (!link.awaitConnection(before, plan.connectTimeout())) {
                progress.accept("the device did not reconnect within " + plan.connectTimeout());
                return;
            }
            timeline.deviceConnected();
            advance(plan.resend());
        });
        return judge();
    }

    private interface Step {
        void run() throws InterruptedException;
    }

    private void phase(Phase phase, String what, Step step) throws InterruptedException {
        progress.accept("phase " + phase.id() + ": " + what);
        recorder.event(0, CaptureEntry.Kind.PHASE_START, phase.id());
        try {
            step.run();
        } finally {
            recorder.event(0, CaptureEntry.Kind.PHASE_END, phase.id());
        }
    }

    private void advance(Duration d) throws InterruptedException {
        timeline.advanceTo(timeline.now().plus(d));
    }

    private void commands() throws InterruptedException {
        if (declaration.supports(1011)) {
            ask(Cn.DEVICE_TIME, Cp.EMPTY);
        }
        if (declaration.supports(1012)) {
            ask(Cn.SET_DEVICE_TIME, Cp.of(CpItem.of("SystemTime", Hj212Time.format(platform.wholeSecondNow()))));
        }
        if (declaration.supports(1061)) {
            ask(Cn.REALTIME_INTERVAL, Cp.EMPTY);
        }
        if (declaration.supports(1062)) {
            ask(
                    Cn.SET_REALTIME_INTERVAL,
                    Cp.of(CpItem.of(
                            "RtdInterval",
                            Long.toString(declaration.rtdInterval().getSeconds()))));
        }
        if (declaration.supports(1000)) {
            ask(
                    Cn.SET_TIMEOUT_AND_RETRIES,
                    Cp.of(
                            CpItem.of(
                                    "OverTime",
                                    Long.toString(declaration.overTime().getSeconds())),
                            CpItem.of("ReCount", Integer.toString(declaration.reCount()))));
        }
        if (declaration.supports(1072)) {
            String other = declaration.pw().equals("654321") ? "123456" : "654321";
            if (accepted(ask(Cn.SET_PASSWORD, Cp.of(CpItem.of("NewPW", other))))) {
                platform.usePassword(other);
                if (declaration.supports(1011)) {
                    ask(Cn.DEVICE_TIME, Cp.EMPTY);
                }
                if (accepted(ask(Cn.SET_PASSWORD, Cp.of(CpItem.of("NewPW", declaration.pw()))))) {
                    platform.usePassword(declaration.pw());
                }
            }
        }
        if (declaration.supports(3020)) {
            ask(Cn.DEVICE_INFO, Cp.of(CpItem.of("InfoId", "i21001")));
        }
    }

    private void retrieval() throws InterruptedException {
        for (Cn cn : List.of(Cn.MINUTE_DATA, Cn.HOUR_DATA, Cn.DAY_DATA)) {
            if (!declaration.supports(cn.code())) {
                continue;
            }
            List<LocalDateTime> seen = platform.liveDataTimes(cn.code());
            LocalDateTime begin;
            LocalDateTime end;
            if (seen.isEmpty()) {
                begin = platform.localNow()
                        .withMinute(0)
                        .withSecond(0)
                        .withNano(0)
                        .minusHours(1);
                end = begin;
            } else {
                // the last few records received live: enough to compare, few enough for a slow link
                begin = seen.get(Math.max(0, seen.size() - 4));
                end = seen.get(seen.size() - 1);
            }
            ask(
                    cn,
                    Cp.of(
                            CpItem.of("BeginTime", Hj212Time.format(begin)),
                            CpItem.of("EndTime", Hj212Time.format(end))));
        }
    }

    private List<Hj212Message> ask(Cn cn, Cp cp) throws InterruptedException {
        List<Hj212Message> got = platform.exchange(cn, cp, plan.answerTimeout());
        StringBuilder sb = new StringBuilder("  ").append(cn.code()).append(':');
        if (got.isEmpty()) {
            sb.append(" no answer");
        }
        for (Hj212Message m : got) {
            sb.append(' ').append(m.cn());
            m.cp().get("QnRtn").ifPresent(v -> sb.append(" QnRtn=").append(v));
            m.cp().get("ExeRtn").ifPresent(v -> sb.append(" ExeRtn=").append(v));
        }
        progress.accept(sb.toString());
        return got;
    }

    private static boolean accepted(List<Hj212Message> answers) {
        return answers.stream()
                .anyMatch(m -> m instanceof Reply r
                        && r.cn().is(Cn.EXECUTION_RESULT)
                        && r.cp().get("ExeRtn").orElse("").equals("1"));
    }

    private CertificationReport judge() {
        Capture capture = recorder.capture();
        List<CaseResult> results = new Judge(Catalogue.standard()).judge(capture);
        results.forEach(r -> progress.accept(r.caseId() + " " + r.verdict() + "  " + r.title()));
        long last = capture.entries().isEmpty()
                ? 0
                : capture.entries().get(capture.entries().size() - 1).offsetMs();
        return new CertificationReport(
                declaration,
                address.toString(),
                true,
                capture.start(),
                capture.start().plusMillis(last),
                results);
    }

    /** The conversation recorded so far. */
    public Capture capture() {
        return recorder.capture();
    }

    @Override
    public void close() throws IOException {
        link.close();
        recorder.close();
    }
}
