package io.pollwatt.report.model;

/** The verdict on one certification case. */
public enum CaseOutcome {
    PASS("通过"),
    FAIL("不通过"),
    NOT_APPLICABLE("不适用"),
    INCONCLUSIVE("无法判定");

    private final String chinese;

    CaseOutcome(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
