package io.pollwatt.certification.judge;

import io.pollwatt.certification.capture.CaptureEntry;
import io.pollwatt.certification.capture.Phase;
import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.hj212.message.Command;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Cases on the flow of frames: QN-02, CAD-01, SND-01, RSD-02 (hj212-2017.md §9). */
final class FlowChecks {

    private FlowChecks() {}

    /** Indexes of the up frames that are records returned to a tester's history request (not live uploads). */
    static Set<Integer> retrievalRecords(Conversation conv) {
        Set<Integer> out = new HashSet<>();
        for (int cn : Conversation.HISTORY_CNS) {
            for (Conversation.Seen request : conv.testerRequests(cn)) {
                Command c = (Command) request.message().orElseThrow();
                Optional<LocalDateTime> begin = c.beginTime();
                Optional<LocalDateTime> end = c.endTime();
                for (Conversation.Seen f : conv.answersTo(request)) {
                    Optional<LocalDateTime> t = Conversation.dataTime(f);
                    if (f.cn() == cn
                            && t.isPresent()
                            && begin.isPresent()
                            && end.isPresent()
                            && !t.get().isBefore(begin.get())
                            && !t.get().isAfter(end.get())) {
                        out.add(f.index());
                    }
                }
            }
        }
        return out;
    }

    /** Data uploads the device sent on its own (not returned to a history request), in order. */
    static List<Conversation.Seen> liveUploads(Conversation conv) {
        Set<Integer> retrieved = retrievalRecords(conv);
        return conv.up().stream()
                .filter(f -> f.message().orElse(null) instanceof DataUpload)
                .filter(f -> Conversation.UPLOAD_CNS.contains(f.cn()))
                .filter(f -> !retrieved.contains(f.index()))
                .toList();
    }

    static void qnUnique(Conversation conv, Evidence e) {
        Set<String> testerQns = conv.testerQns();
        Map<String, Conversation.Seen> first = new HashMap<>();
        Map<String, String> segmentOf = new HashMap<>();
        int originated = 0;
        for (Conversation.Seen f : conv.up()) {
            if (f.message().isEmpty() || f.qn().isEmpty()) {
                continue;
            }
            String qn = f.qn().get();
            Hj212Message m = f.message().get();
            if (m instanceof Reply) {
                if (!testerQns.contains(qn)) {
                    e.fail(Judge.describe(conv, f) + ": answers QN " + qn + ", which the tester never sent");
                }
                continue;
            }
            if (testerQns.contains(qn)) {
                continue; // data returned for a "get" request carries the request's QN (§9.4)
            }
            originated++;
            String segment = new String(f.segment().orElse(new byte[0]), StandardCharsets.UTF_8);
            String before = segmentOf.putIfAbsent(qn, segment);
            if (before != null && !before.equals(segment)) {
                e.fail(Judge.describe(conv, f) + ": QN " + qn + " already named another exchange in "
                        + Judge.describe(conv, first.get(qn)));
            }
            first.putIfAbsent(qn, f);
        }
        e.note(originated + " frame(s) with device-originated QNs, " + first.size() + " distinct QN(s)");
        if (originated == 0) {
            e.inconclusive("the device originated no exchange");
        }
    }

    static void cadence(Conversation conv, Evidence e) {
        Declaration d = conv.capture().declaration();
        long step = d.rtdInterval().getSeconds();
        long tolerance = d.cadenceTolerance().getSeconds();
        List<Conversation.Window> disrupted = new ArrayList<>(offline(conv));
        for (Phase p : List.of(Phase.MALFORMED_ANSWER, Phase.WITHHELD_ACKS, Phase.REFUSED_CONNECTIONS, Phase.RESEND)) {
            disrupted.addAll(conv.windows(p));
        }
        TreeMap<LocalDateTime, Conversation.Seen> firstArrival = new TreeMap<>();
        for (Conversation.Seen f : liveUploads(conv)) {
            if (f.cn() == 2011) {
                Conversation.dataTime(f).ifPresent(t -> firstArrival.putIfAbsent(t, f));
            }
        }
        if (firstArrival.size() < 2) {
            e.inconclusive("fewer than two live 2011 records (" + firstArrival.size() + ")");
            return;
        }
        LocalDateTime previous = null;
        int late = 0;
        for (Map.Entry<LocalDateTime, Conversation.Seen> entry : firstArrival.entrySet()) {
            LocalDateTime t = entry.getKey();
            Conversation.Seen f = entry.getValue();
            long offGrid = Math.floorMod(t.toLocalTime().toSecondOfDay(), step);
            offGrid = Math.min(offGrid, step - offGrid);
            if (offGrid > tolerance) {
                e.fail(Judge.describe(conv, f) + ": DataTime " + t + " is " + offGrid + " s off the " + step
                        + " s grid");
            }
            if (previous != null) {
                long gap = Duration.between(previous, t).getSeconds();
                if (Math.abs(gap - step) > tolerance) {
                    e.fail("2011 DataTime " + previous + " is followed by " + t + ": " + gap + " s, expected " + step
                            + " s" + (gap > step ? " (" + (gap / step - 1) + " grid instant(s) never sent)" : ""));
                }
            }
            previous = t;
            Instant dataInstant = t.atZone(d.zone()).toInstant();
            long dataMs = dataInstant.toEpochMilli() - conv.capture().start().toEpochMilli();
            boolean excused =
                    disrupted.stream().anyMatch(w -> dataMs >= w.fromMs() - step * 1000 && dataMs <= w.toMs());
            long delayMs = f.offsetMs() - dataMs;
            if (!excused && (delayMs > tolerance * 1000 || delayMs < -tolerance * 1000)) {
                late++;
                e.fail(Judge.describe(conv, f) + ": first arrived " + delayMs / 1000 + " s after its DataTime " + t
                        + " (tolerance " + tolerance + " s, device time base)");
            }
        }
        e.note(firstArrival.size() + " live 2011 record(s) from " + firstArrival.firstKey() + " to "
                + firstArrival.lastKey() + ", RtdInterval " + step + " s, tolerance " + tolerance + " s; " + late
                + " late");
    }

    /**
     * When no connection was open: before the first and between a close and the next open. A record taken then is
     * late through no fault of its cadence. A capture with no connection events (a vendor's own recording) has none.
     */
    static List<Conversation.Window> offline(Conversation conv) {
        List<Conversation.Window> out = new ArrayList<>();
        if (conv.events().stream().noneMatch(ev -> ev.kind() == CaptureEntry.Kind.OPEN)) {
            return out; // a recording without connection events: taken as connected throughout
        }
        long downSince = Long.MIN_VALUE / 2;
        int open = 0;
        for (CaptureEntry.Event ev : conv.events()) {
            if (ev.kind() == CaptureEntry.Kind.OPEN) {
                if (open == 0) {
                    out.add(new Conversation.Window(downSince, ev.offsetMs()));
                }
                open++;
            } else if (ev.kind() == CaptureEntry.Kind.CLOSE && open > 0) {
                open--;
                if (open == 0) {
                    downSince = ev.offsetMs();
                }
            }
        }
        if (open == 0) {
            out.add(new Conversation.Window(downSince, Long.MAX_VALUE));
        }
        return out;
    }

    static void stopAndWait(Conversation conv, Evidence e) {
        long overMs = conv.capture().declaration().overTime().toMillis();
        Set<Integer> live = new HashSet<>();
        liveUploads(conv).forEach(f -> live.add(f.index()));
        Conversation.Seen waiting = null;
        int uploads = 0;
        for (Conversation.Seen f : conv.frames()) {
            if (f.way() == CaptureEntry.Way.DOWN) {
                if (waiting != null && f.cn() == 9014 && f.asSent().ok() && f.qn().equals(waiting.qn())) {
                    waiting = null;
                }
                continue;
            }
            if (!live.contains(f.index()) || !f.answerWanted()) {
                continue;
            }
            uploads++;
            if (waiting != null
                    && !f.qn().equals(waiting.qn())
                    && f.offsetMs() - waiting.offsetMs() < overMs * 8 / 10) {
                e.fail(Judge.describe(conv, f) + ": sent " + (f.offsetMs() - waiting.offsetMs()) + " ms after "
                        + Judge.describe(conv, waiting) + ", which still awaited its 9014 (OverTime " + overMs / 1000
                        + " s)");
            }
            waiting = f;
        }
        e.note(uploads + " live upload(s) asking for an answer");
        if (uploads < 2) {
            e.inconclusive("fewer than two live uploads asking for an answer");
        }
    }

    static void noDuplicates(Conversation conv, Evidence e) {
        record Acked(String qn, int ackIndex, Conversation.Seen frame) {}
        Map<String, Acked> acked = new LinkedHashMap<>();
        int uploads = 0;
        for (Conversation.Seen f : liveUploads(conv)) {
            uploads++;
            Hj212Message m = f.message().orElseThrow();
            String key = m.cn() + " DataTime " + m.cp().get("DataTime").orElse("?")
                    + (m.header().packet() == null
                            ? ""
                            : " PNO " + m.header().packet().number());
            Acked before = acked.get(key);
            if (before != null && before.ackIndex() < f.index() && !before.qn().equals(f.qn().orElse(""))) {
                e.fail(Judge.describe(conv, f) + ": record " + key + " was already acknowledged under QN " + before.qn()
                        + " (" + Judge.describe(conv, before.frame()) + ")");
                continue;
            }
            String qn = f.qn().orElse("");
            conv.ackOf(qn, f.index()).ifPresent(ack -> acked.putIfAbsent(key, new Acked(qn, ack.index(), f)));
        }
        e.note(uploads + " live upload(s), " + acked.size() + " record(s) acknowledged");
        if (acked.isEmpty()) {
            e.inconclusive("no record was acknowledged");
        }
    }
}
