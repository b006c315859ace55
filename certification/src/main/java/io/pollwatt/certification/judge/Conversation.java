package io.pollwatt.certification.judge;

import io.pollwatt.certification.capture.Capture;
import io.pollwatt.certification.capture.CaptureEntry;
import io.pollwatt.certification.capture.Phase;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.frame.FrameWriter;
import io.pollwatt.hj212.message.Command;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.netty.FrameBytes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A capture decoded for judging. Every frame is decoded twice: strictly as it came (for the framing cases), and with
 * its length and CRC rewritten correctly around the same data segment (for every other case), so that one framing
 * defect does not hide what the rest of the frame says.
 */
public final class Conversation {

    /** CNs of data uploads: a device sends them on its own, and live ones ask for a 9014. */
    static final Set<Integer> UPLOAD_CNS = Set.of(2011, 2021, 2031, 2041, 2051, 2061, 2081);

    /** CNs of history retrieval. */
    static final Set<Integer> HISTORY_CNS = Set.of(2031, 2041, 2051, 2061);

    /**
     * One frame (or run of skipped bytes) of the conversation.
     *
     * @param index position among all entries
     * @param offsetMs milliseconds since the start
     * @param connection connection number
     * @param way up or down
     * @param raw the bytes as sent
     * @param asSent strict decoding of the bytes as sent
     * @param message the content, decoded (leniently) from the segment in a correct frame; empty when the bytes hold
     *     no segment
     * @param contentStrict strict decoding of that corrected frame
     */
    public record Seen(
            int index,
            long offsetMs,
            int connection,
            CaptureEntry.Way way,
            FrameBytes raw,
            Decoded asSent,
            Optional<Hj212Message> message,
            Optional<Decoded> contentStrict) {

        /** The QN text, when the content has one. */
        public Optional<String> qn() {
            return message.flatMap(m -> m.header().qnIfPresent()).map(q -> q.text());
        }

        /** The CN as a number, or -1. */
        public int cn() {
            return message.map(m -> m.cn().value()).orElse(-1);
        }

        /** PNO when the frame is a packet of a split message (hj212-2017.md §12), 0 when it is sent whole. */
        public int packetNumber() {
            return message.map(m -> m.header().packet()).map(p -> p.number()).orElse(0);
        }

        /** Whether the frame asks for an answer. */
        public boolean answerWanted() {
            return message.map(m -> m.header().answerWanted()).orElse(false);
        }

        /** The data segment, when the bytes are delimited like a frame. */
        public Optional<byte[]> segment() {
            return Conversation.segment(raw);
        }
    }

    /** A period of the run, in milliseconds since the start. */
    public record Window(long fromMs, long toMs) {
        /** Whether {@code ms} lies in the window. */
        public boolean contains(long ms) {
            return ms >= fromMs && ms <= toMs;
        }
    }

    private final Capture capture;
    private final List<Seen> frames = new ArrayList<>();
    private final List<CaptureEntry.Event> events = new ArrayList<>();

    /** Decodes every frame of {@code capture}. */
    public Conversation(Capture capture) {
        this.capture = capture;
        int i = 0;
        for (CaptureEntry e : capture.entries()) {
            if (e instanceof CaptureEntry.Bytes b) {
                frames.add(decode(i, b));
            } else if (e instanceof CaptureEntry.Event ev) {
                events.add(ev);
            }
            i++;
        }
    }

    /**
     * The content of a frame read past its framing: the data segment between the length field and the CRC, decoded
     * leniently inside a correctly built frame. Empty when the bytes are not delimited like a frame or the segment
     * does not decode. The tester answers by this, so that a wrong length or CRC (judged by FRM-02/03/04) does not
     * stop every later case.
     */
    public static Optional<Hj212Message> content(FrameBytes raw, CaptureEntry.Way way) {
        Optional<byte[]> segment = segment(raw);
        if (segment.isEmpty() || segment.get().length > FrameWriter.MAX_SEGMENT_FIELD) {
            return Optional.empty();
        }
        Direction dir = way == CaptureEntry.Way.UP ? Direction.UP : Direction.DOWN;
        Decoded d = Hj212Codec.lenient().decode(FrameWriter.frame(segment.get()), dir);
        return d instanceof Decoded.Ok ok ? Optional.of(ok.message()) : Optional.empty();
    }

    private static Seen decode(int index, CaptureEntry.Bytes b) {
        Direction dir = b.way() == CaptureEntry.Way.UP ? Direction.UP : Direction.DOWN;
        byte[] raw = b.bytes().toByteArray();
        Decoded asSent = Hj212Codec.strict().decode(raw, dir);
        Optional<byte[]> segment = segment(b.bytes());
        Optional<Hj212Message> message = Optional.empty();
        Optional<Decoded> strict = Optional.empty();
        if (segment.isPresent() && segment.get().length <= FrameWriter.MAX_SEGMENT_FIELD) {
            byte[] corrected = FrameWriter.frame(segment.get());
            strict = Optional.of(Hj212Codec.strict().decode(corrected, dir));
            Decoded lenient = Hj212Codec.lenient().decode(corrected, dir);
            if (lenient instanceof Decoded.Ok ok) {
                message = Optional.of(ok.message());
            }
        }
        return new Seen(index, b.offsetMs(), b.connection(), b.way(), b.bytes(), asSent, message, strict);
    }

    /** The data segment of bytes shaped {@code ##LLLL…CCCC\r\n}, whatever the length field says. */
    static Optional<byte[]> segment(FrameBytes raw) {
        int n = raw.length();
        if (n < 12
                || raw.byteAt(0) != '#'
                || raw.byteAt(1) != '#'
                || raw.byteAt(n - 2) != '\r'
                || raw.byteAt(n - 1) != '\n') {
            return Optional.empty();
        }
        return Optional.of(Arrays.copyOfRange(raw.toByteArray(), 6, n - 6));
    }

    /** The capture judged. */
    public Capture capture() {
        return capture;
    }

    /** Every frame, in order. */
    public List<Seen> frames() {
        return frames;
    }

    /** Frames the device sent. */
    public List<Seen> up() {
        return frames.stream().filter(f -> f.way() == CaptureEntry.Way.UP).toList();
    }

    /** Frames the tester sent. */
    public List<Seen> down() {
        return frames.stream().filter(f -> f.way() == CaptureEntry.Way.DOWN).toList();
    }

    /** The events, in order. */
    public List<CaptureEntry.Event> events() {
        return events;
    }

    /** The windows of a phase (a phase never ended counts to the end of the capture). */
    public List<Window> windows(Phase phase) {
        List<Window> out = new ArrayList<>();
        Long open = null;
        for (CaptureEntry.Event e : events) {
            if (!e.detail().equals(phase.id())) {
                continue;
            }
            if (e.kind() == CaptureEntry.Kind.PHASE_START) {
                open = e.offsetMs();
            } else if (e.kind() == CaptureEntry.Kind.PHASE_END && open != null) {
                out.add(new Window(open, e.offsetMs()));
                open = null;
            }
        }
        if (open != null) {
            out.add(new Window(open, Long.MAX_VALUE));
        }
        return out;
    }

    /** The instant of an offset, in the device's time base. */
    public Instant at(long offsetMs) {
        return capture.start().plusMillis(offsetMs);
    }

    /** The local time of an offset in the device's zone. */
    public LocalDateTime local(long offsetMs) {
        return LocalDateTime.ofInstant(at(offsetMs), capture.declaration().zone());
    }

    /** The first 9014 the tester sent (strictly valid) for {@code qn} after frame {@code after}, if any. */
    public Optional<Seen> ackOf(String qn, int after) {
        return frames.stream()
                .filter(f -> f.way() == CaptureEntry.Way.DOWN
                        && f.index() > after
                        && f.asSent().ok())
                .filter(f -> f.cn() == 9014 && f.qn().equals(Optional.of(qn)))
                .findFirst();
    }

    /** QNs of the requests and notifications the tester sent (not of its answers, which copy the device's QNs). */
    public Set<String> testerQns() {
        Set<String> out = new java.util.HashSet<>();
        down().stream()
                .filter(f -> f.message().orElse(null) instanceof Command)
                .forEach(f -> f.qn().ifPresent(out::add));
        return out;
    }

    /** Requests and notifications the tester sent with {@code cn}. */
    public List<Seen> testerRequests(int cn) {
        return down().stream()
                .filter(f -> f.cn() == cn && f.message().orElse(null) instanceof Command)
                .toList();
    }

    /**
     * What the device sent in answer to the tester's frame {@code request}: every up frame with its QN, up to and
     * including the 9012 (or a 9011 refusing it), plus, for history requests, the records of the requested CN sent in
     * between.
     */
    public List<Seen> answersTo(Seen request) {
        String qn = request.qn().orElse("");
        List<Seen> out = new ArrayList<>();
        for (Seen f : up()) {
            if (f.index() < request.index()) {
                continue;
            }
            boolean sameQn = f.qn().equals(Optional.of(qn));
            if (sameQn || (HISTORY_CNS.contains(request.cn()) && f.cn() == request.cn() && !out.isEmpty())) {
                out.add(f);
            }
            if (sameQn && f.message().orElse(null) instanceof Reply r) {
                boolean refused = r.cn().value() == 9011
                        && r.cp().get("QnRtn").filter(v -> !v.equals("1")).isPresent();
                if (r.cn().value() == 9012 || refused) {
                    break;
                }
            }
        }
        return out;
    }

    /** The DataTime of a data upload, if the frame is one. */
    static Optional<LocalDateTime> dataTime(Seen f) {
        return f.message().filter(m -> m instanceof DataUpload).flatMap(m -> m.cp().dataTime());
    }
}
