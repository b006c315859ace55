package io.pollwatt.certification.report;

import io.pollwatt.certification.catalogue.Declaration;
import io.pollwatt.certification.judge.CaseResult;
import io.pollwatt.certification.judge.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one certification run or replay: plain values, for {@link ReportWriter} and for the reports
 * module's certification format to map later.
 *
 * @param declaration what the device declared
 * @param source where the conversation came from: the tester's listen address, or the replayed capture file
 * @param live whether a tester drove a live device (false: replay)
 * @param start the start of the conversation, device time base
 * @param end the last entry of the conversation
 * @param results one verdict per case of the profile, in catalogue order
 */
public record CertificationReport(
        Declaration declaration, String source, boolean live, Instant start, Instant end, List<CaseResult> results) {

    public CertificationReport {
        Objects.requireNonNull(declaration, "declaration");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        results = List.copyOf(results);
    }

    /** How many cases got {@code v}. */
    public long count(Verdict v) {
        return results.stream().filter(r -> r.verdict() == v).count();
    }

    /** FAIL when a case failed, PASS otherwise (INCONCLUSIVE cases are counted, not hidden). */
    public Verdict overall() {
        return count(Verdict.FAIL) > 0 ? Verdict.FAIL : Verdict.PASS;
    }

    /** The verdict of one case. */
    public Verdict verdictOf(String caseId) {
        return results.stream()
                .filter(r -> r.caseId().equals(caseId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no case " + caseId + " in this report"))
                .verdict();
    }
}
