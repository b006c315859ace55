package io.pollwatt.certification.device;

import io.pollwatt.certification.capture.CaptureEntry;
import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.certification.catalogue.Profile;
import io.pollwatt.certification.judge.Conversation;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Command;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Hj212Time;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.message.St;
import io.pollwatt.hj212.netty.ReceivedFrame;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the tester does as the device's platform (hj212-2017.md §9.2): acknowledges uploads with 9014 (unless a phase
 * says to withhold or damage the answer), answers a 1013 with 9013 and sets the time with 1012, and collects the
 * answers to the requests it sends. It answers by the frame's content read past its framing, so a wrong length or CRC
 * is judged by its own case and does not stop the rest of the run.
 */
final class PlatformRole {

    private final Declaration declaration;
    private final Clock clock;
    private TesterLink link;
    private final Map<String, BlockingQueue<Hj212Message>> pending = new HashMap<>();
    private final Set<String> withheld = new HashSet<>();
    private final Map<Integer, TreeSet<LocalDateTime>> live = new TreeMap<>();
    private boolean armMalformed;
    private boolean armWithhold;
    private String pw;
    private LocalDateTime lastQn = LocalDateTime.MIN;

    PlatformRole(Declaration declaration, Clock clock) {
        this.declaration = declaration;
        this.clock = clock;
        this.pw = declaration.pw();
    }

    void attach(TesterLink link) {
        this.link = link;
    }

    /** A frame from the device (on the network thread). */
    void onFrame(int connection, ReceivedFrame frame) {
        Optional<Hj212Message> content = Conversation.content(frame.raw(), CaptureEntry.Way.UP);
        if (content.isEmpty()) {
            return; // garbage or an undecodable segment: no answer, as a platform would do
        }
        Hj212Message m = content.get();
        String qn = m.header().qn() == null ? null : m.header().qn().text();
        BlockingQueue<Hj212Message> waiting;
        synchronized (this) {
            waiting = qn == null ? null : pending.get(qn);
        }
        if (waiting != null) {
            waiting.add(m);
        } else if (m instanceof DataUpload u && m.header().answerWanted()) {
            answerUpload(u);
        } else if (m instanceof Command c
                && c.cn().is(Cn.TIME_CALIBRATION_REQUEST)
                && m.header().answerWanted()) {
            send(Reply.notificationAnswer(m.header()));
            send(request(Cn.SET_DEVICE_TIME, Cp.of(CpItem.of("SystemTime", Hj212Time.format(wholeSecondNow())))));
        }
        // retrieved records between a 9011 and a 9012 carry new QNs: hand them to the exchange that asked
        if (m instanceof DataUpload && waiting == null) {
            synchronized (this) {
                for (Map.Entry<String, BlockingQueue<Hj212Message>> p : pending.entrySet()) {
                    p.getValue().add(m);
                }
            }
        }
    }

    private void answerUpload(DataUpload u) {
        String qn = u.header().qn() == null ? null : u.header().qn().text();
        boolean malformed = false;
        synchronized (this) {
            if (qn == null || withheld.contains(qn)) {
                return;
            }
            if (armWithhold) {
                armWithhold = false;
                withheld.add(qn);
                return;
            }
            if (armMalformed) {
                armMalformed = false;
                malformed = true;
            }
            u.cp().dataTime()
                    .ifPresent(t -> live.computeIfAbsent(u.cn().value(), k -> new TreeSet<>())
                            .add(t));
        }
        byte[] ack = Hj212Codec.encode(Reply.dataAnswer(u.header()), Direction.DOWN);
        if (malformed) {
            ack = damaged(ack);
        }
        link.send(ack);
    }

    /** The frame with its last CRC digit changed: still four upper-case hex digits, but wrong (BAD_CRC). */
    static byte[] damaged(byte[] frame) {
        byte[] out = frame.clone();
        int i = out.length - 3;
        out[i] = (byte) (out[i] == '0' ? '1' : '0');
        return out;
    }

    /** Damage the answer to the next upload that asks for one. */
    synchronized void armMalformedAnswer() {
        armMalformed = true;
    }

    /** Withhold every answer to the next upload that asks for one. */
    synchronized void armWithheldAck() {
        armWithhold = true;
    }

    /** DataTimes of the live uploads of {@code cn} acknowledged so far. */
    synchronized List<LocalDateTime> liveDataTimes(int cn) {
        return new ArrayList<>(live.getOrDefault(cn, new TreeSet<>()));
    }

    /**
     * Sends a request and collects what comes back with its QN (and retrieved records) until the 9012, a 9011
     * refusing it, or {@code idle} of wall time without a frame.
     */
    List<Hj212Message> exchange(Cn cn, Cp cp, Duration idle) throws InterruptedException {
        Hj212Message request = request(cn, cp);
        String qn = request.header().qn().text();
        BlockingQueue<Hj212Message> queue = new LinkedBlockingQueue<>();
        synchronized (this) {
            pending.put(qn, queue);
        }
        List<Hj212Message> got = new ArrayList<>();
        try {
            if (!send(request)) {
                return got;
            }
            while (true) {
                Hj212Message m = queue.poll(idle.toMillis(), TimeUnit.MILLISECONDS);
                if (m == null) {
                    return got;
                }
                got.add(m);
                if (m instanceof Reply r
                        && qn.equals(
                                r.header().qn() == null ? null : r.header().qn().text())) {
                    boolean refused = r.cn().is(Cn.REQUEST_ANSWER)
                            && !r.cp().get("QnRtn").orElse("").equals("1");
                    if (refused || r.cn().is(Cn.EXECUTION_RESULT)) {
                        return got;
                    }
                }
            }
        } finally {
            synchronized (this) {
                pending.remove(qn);
            }
        }
    }

    /** The tester's request of {@code cn}: a new QN from its clock, the device's ST, MN and current password. */
    private synchronized Hj212Message request(Cn cn, Cp cp) {
        LocalDateTime t = localNow();
        if (!t.isAfter(lastQn)) {
            t = lastQn.plusNanos(1_000_000);
        }
        lastQn = t;
        St st = declaration.profile() == Profile.COLLECTOR_VOC ? St.AIR_POLLUTION_SOURCE : St.FLUE_GAS_PROCESS;
        return Hj212Message.of(Header.of(Qn.of(t), st, cn, pw, declaration.mn(), Flag.of(true, false)), cp);
    }

    /** From now on requests carry {@code newPw} (after a 1072 the device answered). */
    synchronized void usePassword(String newPw) {
        this.pw = newPw;
    }

    private boolean send(Hj212Message m) {
        return link.send(Hj212Codec.encode(m, Direction.DOWN));
    }

    /** The tester's time to the nearest second, what a 1012 carries (SystemTime has no milliseconds). */
    LocalDateTime wholeSecondNow() {
        return localNow().plusNanos(500_000_000).withNano(0);
    }

    LocalDateTime localNow() {
        return LocalDateTime.ofInstant(clock.instant(), declaration.zone());
    }
}
