package io.pollwatt.emulator.device;

import io.pollwatt.emulator.store.RecordStore;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.frame.FrameWriter;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a DTU's stored records to one platform and settles them by its answers (hj212-2017.md §9.2, §9.4, §9.5):
 *
 * <ul>
 *   <li>stop-and-wait: one upload in flight; with Flag A set it waits {@code OverTime} for the 9014 carrying its QN,
 *       sends again with the same QN up to {@code ReCount} times, then leaves the record unsent and pauses for a
 *       back-off before the next;
 *   <li>live first: records built while the link is up go out at once; the backlog (everything else unsent) goes
 *       out oldest first, at most {@code resendPerMinute} a minute, in the gaps (断点续传);
 *   <li>each record's first attempt is a new exchange with a new QN from the DTU clock, and its original CN and
 *       DataTime (a store-and-forward resend, §9.4);
 *   <li>a record acknowledged is never sent again; an answer that is malformed, late or for an unknown QN is
 *       logged and treated as no answer.
 * </ul>
 *
 * Not thread-safe: driven from the DTU's single scheduler thread (and its uplink's callbacks on that thread).
 */
public final class Sender {

    private static final Logger LOG = LoggerFactory.getLogger(Sender.class);

    /**
     * Timing.
     *
     * @param overTime answer timeout ({@code OverTime}, HJ 212 Table 1: 10 s for 4G)
     * @param reCount resends after the first attempt ({@code ReCount}: 3)
     * @param resendPerMinute backlog records sent per minute at most
     * @param backoff pause after a record went unanswered ReCount + 1 times
     */
    public record Settings(Duration overTime, int reCount, int resendPerMinute, Duration backoff) {
        public Settings {
            if (overTime.isNegative() || overTime.isZero() || reCount < 0 || resendPerMinute < 1) {
                throw new IllegalArgumentException(
                        "bad sender settings: " + overTime + ", " + reCount + ", " + resendPerMinute);
            }
        }

        /** HJ 212-2017's 4G defaults: 10 s, 3 retries; 60 backlog records a minute; 60 s back-off. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), 3, 60, Duration.ofSeconds(60));
        }
    }

    /** Counters for reports. */
    public record Stats(long sent, long acked, long retries, long unanswered, long strayAnswers) {}

    private record InFlight(long seq, String qn, byte[] frame, int attempt, Scheduler.Cancellable timeout) {}

    private final String platform;
    private final RecordStore store;
    private final Uplink uplink;
    private final Scheduler scheduler;
    private final ZoneId zone;
    private Settings settings;
    private final Deque<Long> live = new ArrayDeque<>();
    private InFlight inFlight;
    private Instant pausedUntil = Instant.MIN;
    private Instant nextBacklogAt = Instant.MIN;
    private QnSequence qns = new QnSequence();
    private Scheduler.Cancellable wake;
    private boolean stopped;
    private long sent;
    private long acked;
    private long retries;
    private long unanswered;
    private long stray;
    private DtuDefect defect = DtuDefect.NONE;
    /** NO_ACK_WAIT only: uploads sent and not yet answered, by QN. */
    private final Map<String, Long> outstanding = new LinkedHashMap<>();
    /** RESEND_DUPLICATES only: the last records acknowledged, and those queued to go again after a reconnect. */
    private final Deque<Long> recentlyAcked = new ArrayDeque<>();

    private final Deque<Long> duplicates = new ArrayDeque<>();

    /** A sender of {@code store}'s records to {@code platform} over {@code uplink}. */
    public Sender(
            String platform, RecordStore store, Uplink uplink, Scheduler scheduler, ZoneId zone, Settings settings) {
        this.platform = Objects.requireNonNull(platform, "platform");
        this.store = Objects.requireNonNull(store, "store");
        this.uplink = Objects.requireNonNull(uplink, "uplink");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Records (by DataTime) never taken from the backlog: the DTU's resend is off for them ({@code resend-off}). */
    private List<io.pollwatt.twin.fault.Window> noResend = List.of();

    /**
     * Switches resend (断点续传) off for records whose DataTime falls in {@code windows}: if they do not go out live,
     * they stay in the store, unsent, for a history request to fetch.
     */
    public void noResend(List<io.pollwatt.twin.fault.Window> windows) {
        this.noResend = List.copyOf(windows);
    }

    /** Records left unsent that resend will never send (resend off for them). */
    public int withheld() {
        if (noResend.isEmpty()) {
            return 0;
        }
        return (int) store.unsent(platform, Integer.MAX_VALUE).stream()
                .filter(this::withheld)
                .count();
    }

    private boolean withheld(RecordStore.StoredRecord r) {
        for (io.pollwatt.twin.fault.Window w : noResend) {
            if (w.contains(r.dataTime())) {
                return true;
            }
        }
        return false;
    }

    /** A record was just stored: send it as live data. */
    public void offerLive(long seq) {
        if (uplink.isUp() && !stopped) {
            live.addLast(seq);
        }
        pump();
    }

    /** The link went down: what was live is backlog now; the record in flight stays unsent. */
    public void linkDown() {
        live.clear();
        if (inFlight != null) {
            inFlight.timeout().cancel();
            inFlight = null;
        }
    }

    /** The link came up (again): start on the backlog. */
    public void linkUp() {
        if (defect == DtuDefect.RESEND_DUPLICATES) {
            duplicates.addAll(recentlyAcked); // the defect: a send cursor that forgot the last acknowledgements
        }
        pump();
    }

    /** QN times shared with the device's own exchanges, so that none repeats. */
    void shareQns(QnSequence sequence) {
        this.qns = Objects.requireNonNull(sequence, "sequence");
    }

    /** The device's deliberate defect (certification self-test only). */
    void inject(DtuDefect defect) {
        this.defect = Objects.requireNonNull(defect, "defect");
    }

    /** An answer frame from the platform. */
    public void onFrame(Decoded decoded) {
        if (!(decoded instanceof Decoded.Ok ok)) {
            LOG.warn("platform {}: malformed answer ignored: {}", platform, decoded);
            stray++;
            return;
        }
        Hj212Message m = ok.message();
        if (!(m instanceof Reply reply) || !reply.cn().is(Cn.DATA_ANSWER)) {
            return; // commands are the DTU's business, not the sender's
        }
        String qn = m.header().qn() == null ? null : m.header().qn().text();
        if (defect == DtuDefect.NO_ACK_WAIT && outstanding.containsKey(qn)) {
            settle(outstanding.remove(qn));
            return;
        }
        if (inFlight == null || !inFlight.qn().equals(qn)) {
            LOG.warn("platform {}: 9014 for QN {} answers nothing in flight; treated as no answer", platform, qn);
            stray++;
            return;
        }
        inFlight.timeout().cancel();
        long seq = inFlight.seq();
        inFlight = null;
        settle(seq);
    }

    private void settle(long seq) {
        store.acked(platform, seq);
        acked++;
        recentlyAcked.addLast(seq);
        if (recentlyAcked.size() > 3) {
            recentlyAcked.removeFirst();
        }
        pump();
    }

    /** New answer timeout and retry count (CN 1000 from the platform); the record in flight keeps its own. */
    public void retune(Duration overTime, int reCount) {
        settings = new Settings(overTime, reCount, settings.resendPerMinute(), settings.backoff());
    }

    /** Stops for good (the DTU shuts down): nothing more is sent, pending timers do nothing. */
    public void stop() {
        stopped = true;
        linkDown();
        if (wake != null) {
            wake.cancel();
        }
    }

    /** Sends the next record if nothing is in flight and the link and the pacing allow. */
    public void pump() {
        if (stopped || inFlight != null || !uplink.isUp()) {
            return;
        }
        Instant now = scheduler.now();
        if (now.isBefore(pausedUntil)) {
            wakeAt(pausedUntil);
            return;
        }
        Long seq = duplicates.pollFirst();
        if (seq == null) {
            seq = nextLive();
        }
        boolean backlog = false;
        if (seq == null) {
            if (now.isBefore(nextBacklogAt)) {
                wakeAt(nextBacklogAt);
                return;
            }
            int ask = outstanding.size() + 1 + (noResend.isEmpty() ? 0 : withheld());
            List<RecordStore.StoredRecord> next = store.unsent(platform, ask).stream()
                    .filter(r -> !outstanding.containsValue(r.seq()))
                    .filter(r -> !withheld(r))
                    .toList();
            if (next.isEmpty()) {
                return;
            }
            seq = next.get(0).seq();
            backlog = true;
        }
        RecordStore.StoredRecord record = store.get(seq).orElse(null);
        if (record == null) { // expired from the store meanwhile
            pump();
            return;
        }
        if (backlog) {
            nextBacklogAt = now.plusMillis(60_000L / settings.resendPerMinute());
        }
        transmit(record);
    }

    private Long nextLive() {
        while (!live.isEmpty()) {
            long seq = live.pollFirst();
            if (!store.isAcked(platform, seq)) {
                return seq;
            }
        }
        return null;
    }

    private void transmit(RecordStore.StoredRecord record) {
        Decoded stored = Hj212Codec.strict()
                .decode(FrameWriter.frame(record.segment().getBytes(StandardCharsets.UTF_8)), Direction.UP);
        if (!(stored instanceof Decoded.Ok ok)) {
            throw new IllegalStateException("the store holds a record that is not strict HJ 212: " + stored);
        }
        LocalDateTime qnTime = qns.next(LocalDateTime.ofInstant(scheduler.now(), zone)); // never a QN used before
        Hj212Message message = Hj212Message.of(
                ok.message().header().withQn(Qn.of(qnTime)), ok.message().cp());
        byte[] frame = Hj212Codec.encode(message, Direction.UP);
        attempt(record.seq(), message.header().qn().text(), frame, 1);
    }

    private void attempt(long seq, String qn, byte[] frame, int attempt) {
        if (!uplink.send(frame)) {
            inFlight = null;
            return; // the link dropped: linkDown/linkUp will resume
        }
        if (defect == DtuDefect.NO_ACK_WAIT) {
            // the defect: fire and forget; an answer settles the record, none leaves it for the backlog, no retry
            sent++;
            outstanding.put(qn, seq);
            scheduler.schedule(settings.overTime(), () -> outstanding.remove(qn));
            pump();
            return;
        }
        sent++;
        if (attempt > 1) {
            retries++;
        }
        Scheduler.Cancellable timeout = scheduler.schedule(settings.overTime(), () -> timedOut(seq));
        inFlight = new InFlight(seq, qn, frame, attempt, timeout);
        LOG.debug("platform {}: sent record {} QN {} attempt {}", platform, seq, qn, attempt);
    }

    private void timedOut(long seq) {
        InFlight f = inFlight;
        if (f == null || f.seq() != seq) {
            return;
        }
        if (f.attempt() <= settings.reCount()) {
            attempt(f.seq(), f.qn(), f.frame(), f.attempt() + 1); // same QN: the platform can drop the duplicate
            return;
        }
        LOG.warn("platform {}: record {} unanswered after {} attempts; kept unsent", platform, f.seq(), f.attempt());
        unanswered++;
        inFlight = null;
        pausedUntil = scheduler.now().plus(settings.backoff());
        wakeAt(pausedUntil);
    }

    private void wakeAt(Instant at) {
        if (wake != null) {
            wake.cancel();
        }
        Duration delay = Duration.between(scheduler.now(), at);
        wake = scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, this::pump);
    }

    /** The sequence number of the record waiting for its answer, or {@code Long.MAX_VALUE} when none. */
    public long inFlightSeq() {
        long seq = inFlight == null ? Long.MAX_VALUE : inFlight.seq();
        for (long o : outstanding.values()) {
            seq = Math.min(seq, o); // NO_ACK_WAIT: everything sent and unanswered is in flight
        }
        return seq;
    }

    /** Counters so far. */
    public Stats stats() {
        return new Stats(sent, acked, retries, unanswered, stray);
    }
}
