package io.pollwatt.report.model;

/** Operating states of a point (ST-01), with the words the rulebook uses. */
public enum OperatingState {
    NO_DATA("无数据"),
    OFF("停运"),
    LOW("低负荷"),
    RUN("运行"),
    HIGH("超限");

    private final String chinese;

    OperatingState(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
