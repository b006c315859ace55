package io.pollwatt.report.model;

import java.util.List;

/**
 * One case of a certification run.
 *
 * @param clause the clause it tests, e.g. "HJ 212-2017 §6.3.2" or "domain-rules.md ALM-01"
 * @param evidence what was observed, as text
 * @param evidenceFiles files beside the report (relative paths) or URLs holding the evidence
 */
public record CaseVerdict(
        String caseId, String clause, String title, CaseOutcome verdict, String evidence, List<String> evidenceFiles) {
    public CaseVerdict {
        Require.text("CaseVerdict", "caseId", caseId);
        Require.text("CaseVerdict " + caseId, "clause", clause);
        Require.text("CaseVerdict " + caseId, "title", title);
        Require.present("CaseVerdict " + caseId, "verdict", verdict);
        Require.present("CaseVerdict " + caseId, "evidence", evidence);
        evidenceFiles = Require.list("CaseVerdict " + caseId, "evidenceFiles", evidenceFiles);
    }
}
