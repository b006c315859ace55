package io.pollwatt.certification.judge;

import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.hj212.message.Command;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.Reply;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cases on the exchanges the tester starts (hj212-2017.md §9.2): the three-step requests and requests with returned
 * data (CMD-…), the device's time-calibration notification (CMD-1013) and history retrieval (HIS-…). Judged from the
 * tester's requests in the conversation, so a vendor's capture that holds such requests is judged the same way.
 */
final class ExchangeChecks {

    private ExchangeChecks() {}

    static void command(int cn, Conversation conv, Evidence e) {
        if (cn == 1013) {
            timeCalibration(conv, e);
            return;
        }
        List<Conversation.Seen> requests = conv.testerRequests(cn);
        if (requests.isEmpty()) {
            e.inconclusive("the conversation holds no " + cn + " request from the tester");
            return;
        }
        Declaration d = conv.capture().declaration();
        for (Conversation.Seen request : requests) {
            List<Conversation.Seen> answers = conv.answersTo(request);
            String where = cn + " request " + Judge.describe(conv, request);
            if (!threeSteps(where, answers, e)) {
                continue;
            }
            Optional<Hj212Message> data = answers.stream()
                    .filter(f -> f.cn() == cn)
                    .map(f -> f.message().orElseThrow())
                    .findFirst();
            switch (cn) {
                case 1011:
                    if (data.isEmpty() || data.get().cp().time("SystemTime").isEmpty()) {
                        e.fail(where + ": no 1011 with SystemTime and the request's QN between 9011 and 9012");
                    }
                    break;
                case 1061:
                    Optional<Integer> rtd = data.flatMap(m -> m.cp().integer("RtdInterval"));
                    if (rtd.isEmpty()) {
                        e.fail(where + ": no 1061 with RtdInterval and the request's QN between 9011 and 9012");
                    } else if (rtd.get() != d.rtdInterval().getSeconds()) {
                        e.fail(where + ": RtdInterval=" + rtd.get() + ", declared "
                                + d.rtdInterval().getSeconds());
                    }
                    break;
                case 3020:
                    Optional<String> log = data.flatMap(m -> m.cp().get("i21001-Info"));
                    if (data.isEmpty() || !(data.get() instanceof DataUpload) || log.isEmpty()) {
                        e.fail(where + ": no 3020 with DataTime and i21001-Info and the request's QN");
                    } else if (!log.get().startsWith("//") || !log.get().endsWith("//")) {
                        e.fail(where + ": i21001-Info is not //text//: " + log.get());
                    } else {
                        e.note("device log: " + log.get());
                    }
                    break;
                case 1012:
                    checkClockSet(conv, request, answers, e);
                    break;
                default:
                    break;
            }
        }
        if (cn == 1072) {
            passwordTakesEffect(conv, requests, e);
        }
        e.note(requests.size() + " " + cn + " request(s) from the tester");
    }

    /** 9011 QnRtn=1 then 9012 ExeRtn=1 with the request's QN; false when the exchange did not complete. */
    private static boolean threeSteps(String where, List<Conversation.Seen> answers, Evidence e) {
        Optional<Reply> ready = reply(answers, 9011);
        if (ready.isEmpty()) {
            e.fail(where + ": no 9011 with the request's QN");
            return false;
        }
        String qnRtn = ready.get().cp().get("QnRtn").orElse("?");
        if (!qnRtn.equals("1")) {
            e.fail(where + ": 9011 QnRtn=" + qnRtn + ", expected 1");
            return false;
        }
        Optional<Reply> done = reply(answers, 9012);
        if (done.isEmpty()) {
            e.fail(where + ": 9011 QnRtn=1 but no 9012 followed");
            return false;
        }
        String exeRtn = done.get().cp().get("ExeRtn").orElse("?");
        if (!exeRtn.equals("1")) {
            e.fail(where + ": 9012 ExeRtn=" + exeRtn + ", expected 1");
            return false;
        }
        return true;
    }

    private static Optional<Reply> reply(List<Conversation.Seen> answers, int cn) {
        return answers.stream()
                .filter(f -> f.cn() == cn && f.message().orElse(null) instanceof Reply)
                .map(f -> (Reply) f.message().get())
                .findFirst();
    }

    /** After a 1012, the device's next own QN is within a minute of the tester's clock. */
    private static void checkClockSet(
            Conversation conv, Conversation.Seen request, List<Conversation.Seen> answers, Evidence e) {
        int after = answers.isEmpty()
                ? request.index()
                : answers.get(answers.size() - 1).index();
        Set<String> testerQns = conv.testerQns();
        for (Conversation.Seen f : conv.up()) {
            if (f.index() <= after || f.qn().isEmpty() || testerQns.contains(f.qn().get())) {
                continue;
            }
            LocalDateTime qnTime = new Qn(f.qn().get()).time();
            long off = Duration.between(conv.local(f.offsetMs()), qnTime).getSeconds();
            if (Math.abs(off) > 60) {
                e.fail(Judge.describe(conv, f) + ": the device's QN time is " + off
                        + " s off the tester's clock after 1012 set it");
            } else {
                e.note("after 1012 the device's next QN is " + off + " s off the tester's clock");
            }
            return;
        }
    }

    /** 1072 then a 1011 under the new password, answered with QnRtn=1. */
    private static void passwordTakesEffect(Conversation conv, List<Conversation.Seen> requests, Evidence e) {
        Command set = (Command) requests.get(0).message().orElseThrow();
        Optional<String> newPw = set.newPw();
        if (newPw.isEmpty()) {
            e.fail("the tester's 1072 carried no NewPW");
            return;
        }
        for (Conversation.Seen probe : conv.testerRequests(1011)) {
            if (probe.index() > requests.get(0).index()
                    && newPw.get().equals(probe.message().get().header().pw())) {
                Optional<Reply> ready = reply(conv.answersTo(probe), 9011);
                if (ready.isEmpty() || !ready.get().cp().get("QnRtn").orElse("").equals("1")) {
                    e.fail("1011 under the new password " + Judge.describe(conv, probe) + " was not answered QnRtn=1");
                } else {
                    e.note("1011 under the new password answered QnRtn=1");
                }
                return;
            }
        }
        e.inconclusive("the tester asked nothing under the new password");
    }

    private static void timeCalibration(Conversation conv, Evidence e) {
        List<Conversation.Seen> notes = conv.up().stream()
                .filter(f -> f.cn() == 1013 && f.message().orElse(null) instanceof Command)
                .toList();
        if (notes.isEmpty()) {
            e.inconclusive("the device sent no 1013 during the run (trigger a time-calibration request on it)");
            return;
        }
        for (Conversation.Seen n : notes) {
            if (!n.answerWanted()) {
                e.fail(Judge.describe(conv, n) + ": 1013 without Flag A, so the platform may not answer it");
            }
            Optional<Conversation.Seen> set = conv.testerRequests(1012).stream()
                    .filter(r -> r.index() > n.index())
                    .findFirst();
            if (set.isEmpty()) {
                e.inconclusive("the tester set no time after the 1013");
                continue;
            }
            threeSteps("1012 after " + Judge.describe(conv, n), conv.answersTo(set.get()), e);
        }
        e.note(notes.size() + " 1013 notification(s) from the device");
    }

    /**
     * A record is judged whole: the packets of a split record (hj212-2017.md §12) each come back once, and their items
     * joined in PNO order repeat those of the live packets, however the device cuts them this time.
     */
    static void history(int cn, Conversation conv, Evidence e) {
        List<Conversation.Seen> requests = conv.testerRequests(cn);
        if (requests.isEmpty()) {
            e.inconclusive("the conversation holds no " + cn + " retrieval from the tester");
            return;
        }
        Set<String> liveQns = new HashSet<>();
        FlowChecks.liveUploads(conv).forEach(f -> f.qn().ifPresent(liveQns::add));
        Map<LocalDateTime, Map<Integer, List<CpItem>>> live = new TreeMap<>();
        for (Conversation.Seen f : FlowChecks.liveUploads(conv)) {
            if (f.cn() == cn) {
                Conversation.dataTime(f)
                        .ifPresent(t ->
                                live.computeIfAbsent(t, k -> new TreeMap<>()).putIfAbsent(f.packetNumber(), items(f)));
            }
        }
        int compared = 0;
        for (Conversation.Seen request : requests) {
            Command c = (Command) request.message().orElseThrow();
            String where = cn + " retrieval " + Judge.describe(conv, request);
            if (c.beginTime().isEmpty() || c.endTime().isEmpty()) {
                continue;
            }
            LocalDateTime begin = c.beginTime().get();
            LocalDateTime end = c.endTime().get();
            List<Conversation.Seen> answers = conv.answersTo(request);
            Optional<Reply> ready = reply(answers, 9011);
            if (ready.isEmpty() || !ready.get().cp().get("QnRtn").orElse("").equals("1")) {
                e.fail(where + ": "
                        + (ready.isEmpty()
                                ? "no 9011 with the request's QN"
                                : "9011 QnRtn=" + ready.get().cp().get("QnRtn").orElse("?")));
                continue;
            }
            Set<String> qns = new HashSet<>();
            // by DataTime, by PNO (0 for a record sent whole): how often each packet came back, and its items
            Map<LocalDateTime, Map<Integer, Integer>> times = new TreeMap<>();
            Map<LocalDateTime, Map<Integer, List<CpItem>>> returned = new TreeMap<>();
            Map<LocalDateTime, Conversation.Seen> firstOf = new TreeMap<>();
            for (Conversation.Seen r : answers) {
                if (r.cn() != cn || !(r.message().orElse(null) instanceof DataUpload)) {
                    continue;
                }
                LocalDateTime t = Conversation.dataTime(r).orElseThrow();
                if (t.isBefore(begin) || t.isAfter(end)) {
                    e.fail(Judge.describe(conv, r) + ": DataTime " + t + " outside " + begin + " .. " + end);
                    continue;
                }
                String qn = r.qn().orElse("");
                if (qn.equals(request.qn().orElse("")) || liveQns.contains(qn) || !qns.add(qn)) {
                    e.fail(Judge.describe(conv, r) + ": a retrieved record needs a new QN of its own, got " + qn);
                }
                times.computeIfAbsent(t, k -> new TreeMap<>()).merge(r.packetNumber(), 1, Integer::sum);
                returned.computeIfAbsent(t, k -> new TreeMap<>()).putIfAbsent(r.packetNumber(), items(r));
                firstOf.putIfAbsent(t, r);
                compared++;
            }
            List<LocalDateTime> expected = live.keySet().stream()
                    .filter(t -> !t.isBefore(begin) && !t.isAfter(end))
                    .toList();
            for (LocalDateTime t : expected) {
                Map<Integer, Integer> packets = times.getOrDefault(t, Map.of());
                if (packets.isEmpty()) {
                    e.fail(where + ": the live record of " + t + " came back 0 time(s), expected once");
                    continue;
                }
                packets.forEach((pno, n) -> {
                    if (n != 1) {
                        e.fail(where + ": the live record of " + t + (pno == 0 ? "" : " (packet PNO " + pno + ")")
                                + " came back " + n + " time(s), expected once");
                    }
                });
                if (!joined(returned.get(t)).equals(joined(live.get(t)))) {
                    e.fail(Judge.describe(conv, firstOf.get(t)) + ": values differ from the live record of " + t);
                }
            }
            Optional<Reply> done = reply(answers, 9012);
            String want = times.isEmpty() ? "100" : "1";
            if (done.isEmpty()) {
                e.fail(where + ": no 9012 after the records");
            } else if (!done.get().cp().get("ExeRtn").orElse("?").equals(want)) {
                e.fail(where + ": 9012 ExeRtn=" + done.get().cp().get("ExeRtn").orElse("?") + ", expected " + want);
            }
            int frames = times.values().stream()
                    .flatMap(m -> m.values().stream())
                    .mapToInt(Integer::intValue)
                    .sum();
            e.note(where + ": range " + begin + " .. " + end + ", " + expected.size() + " live record(s) in range, "
                    + times.size() + " returned in " + frames + " frame(s)");
        }
        if (compared == 0 && !e.failed()) {
            e.inconclusive("no record came back to compare with the live ones");
        }
    }

    /** The data area after DataTime: what a retrieved record must repeat of the live one. */
    private static List<CpItem> items(Conversation.Seen f) {
        return f.message().orElseThrow().cp().items().stream()
                .filter(i -> i.pairs().stream().noneMatch(p -> p.name().equals("DataTime")))
                .toList();
    }

    /** The items of a record's packets joined in PNO order. */
    private static List<CpItem> joined(Map<Integer, List<CpItem>> packets) {
        List<CpItem> out = new ArrayList<>();
        packets.values().forEach(out::addAll);
        return out;
    }
}
