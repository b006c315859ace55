package io.pollwatt.verification.certification;

import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.netty.ReceivedFrame;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The tester's side of the {@link FrameRelay} between the emulated fleet and the platform under certification: it
 * records every upload and every answer, and acts on a few acknowledgements of 2011 uploads.
 *
 * <ul>
 *   <li>{@link #WITHHELD}: the 9014 is not passed on, so the device sends the identical frame again after OverTime
 *       (a retry, same QN);
 *   <li>{@link #COPIED}: after the 9014 is passed on, the tester sends the same data again with a new QN, as a device
 *       that lost the ack resends it (hj212-2017.md §9.4), and swallows the answer;
 *   <li>{@link #checkedAtAck}: before the 9014 is passed on, the record is read through the API: the device could
 *       delete it the moment it gets the ack, so it must be stored by then.
 * </ul>
 *
 * Answers are handled in order on one thread of their own, so the API reads never block the network's threads.
 */
final class FleetWatch implements FrameRelay.Tap {

    /** Which acknowledged 2011 uploads (counted from 1) get their 9014 withheld once. */
    static final Set<Integer> WITHHELD = Set.of(5, 30);

    /** After which acknowledged 2011 uploads the tester sends a copy with a new QN. */
    static final Set<Integer> COPIED = Set.of(10, 50);

    /** The first acknowledged 2011 uploads read back at their acknowledgement; then every {@link #CHECK_EVERY}th. */
    static final int CHECK_FIRST = 8;

    static final int CHECK_EVERY = 25;

    /** Reads one record through the API: present, absent, or empty when the tester cannot say (no such point). */
    interface Lookup {
        Optional<Boolean> stored(String mn, String cn, LocalDateTime dataTime, String segmentHint);
    }

    /** One upload as the devices sent it (or the tester's copy). */
    static final class Upload {
        final int link;
        final DataUpload message;
        final boolean copy;
        int sends;
        long lastSentNanos;

        Upload(int link, DataUpload message, boolean copy) {
            this.link = link;
            this.message = message;
            this.copy = copy;
        }

        String mn() {
            return message.header().mn();
        }

        String cn() {
            return message.header().cn().text();
        }

        String qn() {
            return message.header().qn() == null ? "" : message.header().qn().text();
        }

        Optional<LocalDateTime> dataTime() {
            try {
                return Optional.of(message.dataTime());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        String describe() {
            return "MN " + mn() + " CN " + cn() + " QN " + qn() + " DataTime "
                    + dataTime().map(Object::toString).orElse("?");
        }
    }

    /** One frame from the platform, with its strict decoding. */
    record Answer(int link, String text, Decoded strict, Optional<Upload> answers, long latencyNanos) {}

    private final Lookup lookup;
    private final ExecutorService down = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "certify-platform-answers");
        t.setDaemon(true);
        return t;
    });
    private final Hj212Codec strict = Hj212Codec.strict();

    // guarded by this
    private final Map<String, Upload> uploads = new LinkedHashMap<>();
    private final List<Answer> answers = new ArrayList<>();
    private final List<Upload> delivered = new ArrayList<>(); // uploads whose 9014 reached the device
    private final Set<String> passedOn = new HashSet<>();
    private final Set<String> withheld = new HashSet<>();
    private final Set<String> copies = new HashSet<>();
    private final Set<String> copiesAnswered = new HashSet<>();
    private final List<String> atAck = new ArrayList<>();
    private final List<String> atAckFailures = new ArrayList<>();
    private final List<String> stray = new ArrayList<>();
    private int acked2011;

    FleetWatch(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void fromDevice(FrameRelay.Link link, ReceivedFrame frame) {
        if (frame.message().orElse(null) instanceof DataUpload upload
                && upload.header().qn() != null) {
            synchronized (this) {
                Upload u = uploads.computeIfAbsent(
                        key(link.number(), upload.header().qn().text()), k -> new Upload(link.number(), upload, false));
                u.sends++;
                u.lastSentNanos = System.nanoTime();
            }
        }
        link.toPlatform(frame.raw().toByteArray());
    }

    @Override
    public void fromPlatform(FrameRelay.Link link, ReceivedFrame frame) {
        long at = System.nanoTime();
        down.execute(() -> answer(link, frame, at));
    }

    private void answer(FrameRelay.Link link, ReceivedFrame frame, long at) {
        byte[] raw = frame.raw().toByteArray();
        Decoded strictly = strict.decode(raw, Direction.DOWN);
        Hj212Message m = frame.message().orElse(null);
        if (!(m instanceof Reply reply)
                || !reply.cn().is(Cn.DATA_ANSWER)
                || m.header().qn() == null) {
            record(new Answer(link.number(), text(raw), strictly, Optional.empty(), 0));
            link.toDevice(raw);
            return;
        }
        String key = key(link.number(), m.header().qn().text());
        Upload u;
        synchronized (this) {
            u = uploads.get(key);
            answers.add(new Answer(
                    link.number(), text(raw), strictly, Optional.ofNullable(u), u == null ? 0 : at - u.lastSentNanos));
            if (u == null) {
                stray.add("link " + link.number() + ": " + text(raw));
            } else if (u.copy) {
                copiesAnswered.add(key); // the tester's own copy: the device never sent it
                return;
            }
        }
        if (u == null) {
            link.toDevice(raw);
            return;
        }
        boolean first;
        int n = 0;
        synchronized (this) {
            first = !withheld.contains(key) && passedOn.add(key);
            if (first && u.message.header().cn().is(Cn.REALTIME_DATA)) {
                n = ++acked2011;
                if (WITHHELD.contains(n)) {
                    withheld.add(key);
                    passedOn.remove(key);
                    return; // the device retries after OverTime
                }
            }
        }
        if (n > 0 && (n <= CHECK_FIRST || n % CHECK_EVERY == 0)) {
            checkAtAck(u);
        }
        synchronized (this) {
            if (first || withheld.contains(key)) {
                delivered.add(u);
                passedOn.add(key);
            }
        }
        link.toDevice(raw);
        if (COPIED.contains(n)) {
            copy(link, u);
        }
    }

    private void checkAtAck(Upload u) {
        Optional<LocalDateTime> t = u.dataTime();
        if (t.isEmpty()) {
            return;
        }
        Optional<Boolean> stored;
        try {
            stored = lookup.stored(u.mn(), u.cn(), t.get(), u.qn());
        } catch (RuntimeException e) {
            stored = Optional.of(false);
            synchronized (this) {
                atAckFailures.add(u.describe() + ": reading it at its 9014 failed: " + e.getMessage());
            }
        }
        synchronized (this) {
            if (stored.isPresent()) {
                atAck.add(u.describe());
                if (!stored.get()) {
                    atAckFailures.add(u.describe() + ": acknowledged, but not returned by the API at that moment");
                }
            }
        }
    }

    /** Sends the upload's data again with a QN of its own, as a device resending a record whose ack it lost. */
    private void copy(FrameRelay.Link link, Upload u) {
        Qn qn;
        byte[] frame;
        synchronized (this) {
            LocalDateTime t = u.message.header().qn().time().plusNanos(TimeUnit.MILLISECONDS.toNanos(500));
            qn = Qn.of(t);
            while (uploads.containsKey(key(link.number(), qn.text()))) {
                t = t.plusNanos(TimeUnit.MILLISECONDS.toNanos(1));
                qn = Qn.of(t);
            }
            DataUpload again = new DataUpload(u.message.header().withQn(qn), u.message.cp());
            frame = Hj212Codec.encodeCanonical(again);
            Upload c = new Upload(link.number(), again, true);
            c.sends = 1;
            c.lastSentNanos = System.nanoTime();
            uploads.put(key(link.number(), qn.text()), c);
            copies.add(key(link.number(), qn.text()));
        }
        link.toPlatform(frame);
    }

    private synchronized void record(Answer a) {
        answers.add(a);
    }

    /** Waits until every answer received has been handled. */
    void drain() throws InterruptedException {
        down.shutdown();
        if (!down.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the answers of the platform were still being handled after 60 s");
        }
    }

    synchronized List<Upload> uploads() {
        return List.copyOf(uploads.values());
    }

    synchronized List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Uploads whose 9014 the device received. */
    synchronized List<Upload> delivered() {
        return List.copyOf(delivered);
    }

    synchronized Set<String> withheld() {
        return Set.copyOf(withheld);
    }

    synchronized Set<String> copies() {
        return Set.copyOf(copies);
    }

    synchronized Set<String> copiesAnswered() {
        return Set.copyOf(copiesAnswered);
    }

    synchronized List<String> checkedAtAck() {
        return List.copyOf(atAck);
    }

    synchronized List<String> atAckFailures() {
        return List.copyOf(atAckFailures);
    }

    synchronized Upload upload(String key) {
        return uploads.get(key);
    }

    static String key(int link, String qn) {
        return link + "#" + qn;
    }

    static String text(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8).strip();
    }
}
