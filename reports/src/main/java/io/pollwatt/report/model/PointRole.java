package io.pollwatt.report.model;

/** Metering point types (domain-rules.md §1.1), with the words the rulebook uses. */
public enum PointRole {
    MAIN("企业总表"),
    PROD("产污设施"),
    TREAT("治污设施"),
    PROD_TREAT("产治一体"),
    INDIRECT("间接用电"),
    VOC("排口 VOC 分析仪");

    private final String chinese;

    PointRole(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
