package io.pollwatt.certification.judge;

import io.pollwatt.certification.capture.Capture;
import io.pollwatt.certification.catalogue.Catalogue;
import io.pollwatt.certification.catalogue.CertCase;
import io.pollwatt.hj212.message.Hj212Message;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Gives every case of the device's profile a verdict from a recorded conversation: the same code judges a live run
 * and a replayed capture. A case the declaration does not select is NOT_APPLICABLE, and so is an active case in a
 * capture no tester drove ({@link Capture#live()} false).
 */
public final class Judge {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Catalogue catalogue;

    /** A judge of {@code catalogue}'s cases. */
    public Judge(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The verdicts of the profile's cases, in catalogue order. */
    public List<CaseResult> judge(Capture capture) {
        Conversation conv = new Conversation(capture);
        List<CaseResult> out = new ArrayList<>();
        for (CertCase c : catalogue.forProfile(capture.declaration().profile())) {
            out.add(judge(c, conv));
        }
        return out;
    }

    private CaseResult judge(CertCase c, Conversation conv) {
        Optional<String> why = Catalogue.whyNot(c, conv.capture().declaration());
        if (why.isPresent()) {
            return new CaseResult(c.id(), c.clause(), c.title(), Verdict.NOT_APPLICABLE, List.of(why.get()));
        }
        if (c.kind() == CertCase.Kind.ACTIVE && !conv.capture().live()) {
            return new CaseResult(
                    c.id(),
                    c.clause(),
                    c.title(),
                    Verdict.NOT_APPLICABLE,
                    List.of("needs a live device: the tester must act during the run (withhold acks, refuse"
                            + " connections, damage an answer); a replayed capture cannot be acted on"));
        }
        Evidence e = new Evidence();
        check(c.id()).accept(conv, e);
        return e.result(c);
    }

    private static BiConsumer<Conversation, Evidence> check(String id) {
        switch (id) {
            case "FRM-01":
                return FramingChecks::syntax;
            case "FRM-02":
                return FramingChecks::length;
            case "FRM-03":
                return FramingChecks::crc;
            case "FRM-04":
                return FramingChecks::crcCase;
            case "QN-01":
                return FramingChecks::qnFormat;
            case "QN-02":
                return FlowChecks::qnUnique;
            case "FLG-01":
                return FramingChecks::flag;
            case "PKT-01":
                return FramingChecks::packets;
            case "CAD-01":
                return FlowChecks::cadence;
            case "AGG-01":
                return AggregationChecks::hour;
            case "AGG-02":
                return AggregationChecks::day;
            case "AGG-03":
                return AggregationChecks::interval;
            case "SND-01":
                return FlowChecks::stopAndWait;
            case "RSD-02":
                return FlowChecks::noDuplicates;
            case "CMD-1000":
            case "CMD-1011":
            case "CMD-1012":
            case "CMD-1013":
            case "CMD-1061":
            case "CMD-1062":
            case "CMD-1072":
            case "CMD-3020":
                int cn = Integer.parseInt(id.substring(4));
                return (conv, e) -> ExchangeChecks.command(cn, conv, e);
            case "HIS-2051":
            case "HIS-2061":
            case "HIS-2031":
                int h = Integer.parseInt(id.substring(4));
                return (conv, e) -> ExchangeChecks.history(h, conv, e);
            case "RTY-01":
                return ActiveChecks::retry;
            case "RSD-01":
                return ActiveChecks::resend;
            case "MAL-01":
                return ActiveChecks::malformedAnswer;
            default:
                throw new IllegalStateException("catalogue case " + id + " has no check; add one to Judge");
        }
    }

    /** {@code frame #12 (2026-03-01 00:15:00.120, CN 2011, QN …)}: where a frame is in the conversation. */
    static String describe(Conversation conv, Conversation.Seen f) {
        StringBuilder sb = new StringBuilder("frame #").append(f.index()).append(" (");
        sb.append(TIME.format(conv.local(f.offsetMs())));
        f.message().map(Hj212Message::cn).ifPresent(cn -> sb.append(", CN ").append(cn));
        f.qn().ifPresent(q -> sb.append(", QN ").append(q));
        return sb.append(')').toString();
    }
}
