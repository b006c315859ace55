package io.pollwatt.report.model;

/** How a scenario of the suite ended. */
public enum ScenarioStatus {
    PASSED("通过"),
    FAILED("不通过"),
    SKIPPED("跳过");

    private final String chinese;

    ScenarioStatus(String chinese) {
        this.chinese = chinese;
    }

    /** The word a report shows. */
    public String chinese() {
        return chinese;
    }
}
