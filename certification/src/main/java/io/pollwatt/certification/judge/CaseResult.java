package io.pollwatt.certification.judge;

import java.util.List;
import java.util.Objects;

/**
 * The verdict of one case with its evidence: plain values, so a report renderer can take them as they are.
 *
 * @param caseId the catalogue number
 * @param clause the clause checked
 * @param title the case's title
 * @param verdict the verdict
 * @param evidence what the verdict rests on: counts, and the frames that failed with their time and reason
 */
public record CaseResult(String caseId, String clause, String title, Verdict verdict, List<String> evidence) {

    public CaseResult {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(verdict, "verdict");
        evidence = List.copyOf(evidence);
    }
}
