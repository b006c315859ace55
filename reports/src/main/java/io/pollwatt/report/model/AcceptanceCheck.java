package io.pollwatt.report.model;

/**
 * One acceptance check (验收) of domain-rules.md §7.
 *
 * @param acId the rulebook id, e.g. "AC-04"
 * @param what what was checked, in the rulebook's words
 * @param measured what was found, e.g. "P 最大偏差 1.3 %"
 * @param limit the pass criterion, e.g. "≤ 2 %"
 * @param reason why it passed or failed, in a sentence a person can file
 */
public record AcceptanceCheck(String acId, String what, String measured, String limit, boolean passed, String reason) {
    public AcceptanceCheck {
        Require.text("AcceptanceCheck", "acId", acId);
        Require.text("AcceptanceCheck " + acId, "what", what);
        Require.text("AcceptanceCheck " + acId, "measured", measured);
        Require.text("AcceptanceCheck " + acId, "limit", limit);
        Require.text("AcceptanceCheck " + acId, "reason", reason);
    }
}
