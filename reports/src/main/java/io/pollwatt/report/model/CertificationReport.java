package io.pollwatt.report.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The certification report of a device or platform: one verdict per case of a profile.
 *
 * @param subject what was certified, e.g. "DTU MN 88888880000001" or "platform at 10.0.0.5:9212"
 * @param profile the case set it was run against, e.g. "device-hj212-2017"
 */
public record CertificationReport(
        String subject,
        String profile,
        String generatedAt,
        long seed,
        Map<String, String> versions,
        List<CaseVerdict> cases) {
    public CertificationReport {
        Require.text("CertificationReport", "subject", subject);
        Require.text("CertificationReport", "profile", profile);
        Require.text("CertificationReport", "generatedAt", generatedAt);
        Require.present("CertificationReport", "versions", versions);
        versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
        cases = Require.list("CertificationReport", "cases", cases);
        long distinct = cases.stream().map(CaseVerdict::caseId).distinct().count();
        if (distinct != cases.size()) {
            throw new IllegalArgumentException("CertificationReport: case ids must be unique, got "
                    + cases.stream().map(CaseVerdict::caseId).toList());
        }
    }

    /** Certified when at least one case passed and none failed or stayed inconclusive. */
    public boolean passed() {
        return cases.stream().anyMatch(c -> c.verdict() == CaseOutcome.PASS)
                && cases.stream()
                        .noneMatch(c -> c.verdict() == CaseOutcome.FAIL || c.verdict() == CaseOutcome.INCONCLUSIVE);
    }

    public long count(CaseOutcome outcome) {
        return cases.stream().filter(c -> c.verdict() == outcome).count();
    }
}
