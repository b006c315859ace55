package io.pollwatt.certification.judge;

import io.pollwatt.certification.capture.CaptureEntry;
import io.pollwatt.certification.capture.Phase;
import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.hj212.message.Hj212Message;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cases that need the tester to act on a live device (hj212-2017.md §9.5; rulebook AC-07): RTY-01 withheld
 * acknowledgements, RSD-01 refused connections, MAL-01 a damaged answer. The tester marks each phase in the capture;
 * these checks read what the device did inside and after it.
 */
final class ActiveChecks {

    private ActiveChecks() {}

    static void retry(Conversation conv, Evidence e) {
        Declaration d = conv.capture().declaration();
        Optional<Conversation.Seen> first = firstUploadIn(conv, Phase.WITHHELD_ACKS);
        if (first.isEmpty()) {
            e.inconclusive("no upload asking for an answer arrived while the tester withheld acks");
            return;
        }
        Conversation.Seen f = first.get();
        String qn = f.qn().orElse("");
        List<Conversation.Seen> attempts = new ArrayList<>();
        for (Conversation.Seen g : conv.up()) {
            if (g.index() >= f.index() && g.qn().equals(Optional.of(qn)) && g.cn() == f.cn()) {
                attempts.add(g);
            }
        }
        long overMs = d.overTime().toMillis();
        long slack = Math.max(2_000, overMs / 5);
        for (int i = 1; i < attempts.size(); i++) {
            Conversation.Seen a = attempts.get(i);
            long gap = a.offsetMs() - attempts.get(i - 1).offsetMs();
            if (Math.abs(gap - overMs) > slack) {
                e.fail(Judge.describe(conv, a) + ": retry " + gap + " ms after the previous attempt, expected OverTime "
                        + overMs + " ms (± " + slack + ")");
            }
            if (!a.raw().equals(f.raw())) {
                e.fail(Judge.describe(conv, a) + ": the retry is not the identical frame");
            }
        }
        int retries = attempts.size() - 1;
        if (retries < 1) {
            e.fail(Judge.describe(conv, f) + ": never sent again although its 9014 was withheld");
        } else if (retries > d.reCount()) {
            e.fail(Judge.describe(conv, f) + ": sent again " + retries + " times, ReCount is " + d.reCount());
        }
        e.note(Judge.describe(conv, f) + ": 9014 withheld; " + retries + " retr" + (retries == 1 ? "y" : "ies")
                + " with the same QN (ReCount " + d.reCount() + ", OverTime " + overMs / 1000 + " s)");
    }

    static void resend(Conversation conv, Evidence e) {
        Declaration d = conv.capture().declaration();
        List<Conversation.Window> refused = conv.windows(Phase.REFUSED_CONNECTIONS);
        if (refused.isEmpty() || refused.get(0).toMs() == Long.MAX_VALUE) {
            e.inconclusive("the tester never refused connections and accepted them again");
            return;
        }
        Conversation.Window w = refused.get(0);
        long step = d.rtdInterval().getSeconds();
        LocalDateTime from = conv.local(w.fromMs());
        LocalDateTime to = conv.local(w.toMs());
        // the first grid instant of the device's local time after the cut, then every RtdInterval until the accept
        LocalDateTime grid = from.toLocalDate()
                .atStartOfDay()
                .plusSeconds((from.toLocalTime().toSecondOfDay() / step + 1) * step);
        List<LocalDateTime> expected = new ArrayList<>();
        for (; grid.isBefore(to); grid = grid.plusSeconds(step)) {
            expected.add(grid);
        }
        if (expected.isEmpty()) {
            e.inconclusive("no grid instant fell in the refused period");
            return;
        }
        boolean reconnected =
                conv.events().stream().anyMatch(ev -> ev.kind() == CaptureEntry.Kind.OPEN && ev.offsetMs() >= w.toMs());
        if (!reconnected) {
            e.fail("the device never connected again after the tester accepted connections at " + conv.local(w.toMs()));
            return;
        }
        List<LocalDateTime> arrivalOrder = new ArrayList<>();
        long tolerance = d.cadenceTolerance().getSeconds();
        for (Conversation.Seen f : FlowChecks.liveUploads(conv)) {
            Optional<LocalDateTime> t = Conversation.dataTime(f);
            if (f.cn() != 2011 || f.offsetMs() < w.toMs() || t.isEmpty()) {
                continue;
            }
            // a DataTime within the cadence tolerance of a grid instant stands for it (CAD-01 judges the offset)
            for (LocalDateTime g : expected) {
                if (Math.abs(Duration.between(g, t.get()).getSeconds()) <= tolerance && !arrivalOrder.contains(g)) {
                    arrivalOrder.add(g);
                }
            }
        }
        for (LocalDateTime t : expected) {
            if (!arrivalOrder.contains(t)) {
                e.fail("the 2011 record of " + t + " (taken while connections were refused) was never resent");
            }
        }
        List<LocalDateTime> sorted = arrivalOrder.stream().sorted().toList();
        if (!sorted.equals(arrivalOrder)) {
            e.fail("resent out of order: " + arrivalOrder + ", expected oldest first");
        }
        e.note("connections refused " + conv.local(w.fromMs()) + " .. " + conv.local(w.toMs()) + ": " + expected.size()
                + " grid instant(s), " + arrivalOrder.size() + " resent after reconnecting");
    }

    static void malformedAnswer(Conversation conv, Evidence e) {
        Optional<Conversation.Seen> first = firstUploadIn(conv, Phase.MALFORMED_ANSWER);
        if (first.isEmpty()) {
            e.inconclusive("no upload asking for an answer arrived while the tester was to damage one");
            return;
        }
        Conversation.Seen f = first.get();
        String qn = f.qn().orElse("");
        Optional<Conversation.Seen> damaged = conv.down().stream()
                .filter(g -> g.index() > f.index() && !g.asSent().ok() && g.qn().equals(Optional.of(qn)))
                .findFirst();
        if (damaged.isEmpty()) {
            e.inconclusive("the tester sent no damaged answer for " + Judge.describe(conv, f));
            return;
        }
        Hj212Message m = f.message().orElseThrow();
        String dataTime = m.cp().get("DataTime").orElse("?");
        // the same packet: the next packet of a split record carries the same CN and DataTime, and a device that
        // took the damaged answer for an acknowledgement sends it next
        Optional<Conversation.Seen> again = conv.up().stream()
                .filter(g -> g.index() > damaged.get().index() && g.cn() == f.cn())
                .filter(g -> g.qn().equals(Optional.of(qn))
                        || (g.message().flatMap(x -> x.cp().get("DataTime")).equals(Optional.of(dataTime))
                                && g.packetNumber() == f.packetNumber()))
                .findFirst();
        long closed = conv.events().stream()
                .filter(ev -> ev.kind() == CaptureEntry.Kind.CLOSE
                        && ev.offsetMs() >= damaged.get().offsetMs())
                .filter(ev -> again.isEmpty() || ev.offsetMs() <= again.get().offsetMs())
                .count();
        if (closed > 0) {
            e.fail("the device dropped the connection after the damaged answer " + Judge.describe(conv, damaged.get()));
        }
        if (again.isEmpty()) {
            e.fail(Judge.describe(conv, f) + ": never sent again after the damaged answer, so it was taken for an"
                    + " acknowledgement");
            return;
        }
        boolean acked =
                conv.ackOf(again.get().qn().orElse(""), again.get().index()).isPresent();
        if (!acked) {
            e.fail(Judge.describe(conv, again.get()) + ": sent again but never acknowledged");
        }
        e.note(Judge.describe(conv, f) + " answered with a damaged 9014; sent again as "
                + Judge.describe(conv, again.get()));
    }

    private static Optional<Conversation.Seen> firstUploadIn(Conversation conv, Phase phase) {
        List<Conversation.Window> windows = conv.windows(phase);
        if (windows.isEmpty()) {
            return Optional.empty();
        }
        Conversation.Window w = windows.get(0);
        return FlowChecks.liveUploads(conv).stream()
                .filter(f -> w.contains(f.offsetMs()) && f.answerWanted())
                .findFirst();
    }
}
