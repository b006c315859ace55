package io.pollwatt.report.html;

import java.util.Map;

/** The rulebook's names of the rules (domain-rules.md §4–§7), so a page says what "ALM-01" means. */
public final class RuleTitles {
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("ALM-01", "治污设施未开启/停运 (产治污不同步)"),
            Map.entry("ALM-02", "后开"),
            Map.entry("ALM-03", "先停"),
            Map.entry("ALM-04", "治污设施低负荷/空转/降频/减速"),
            Map.entry("ALM-05", "越限分析"),
            Map.entry("ALM-06", "未响应停产"),
            Map.entry("ALM-07", "限产超标/未响应减产"),
            Map.entry("ALM-08", "错峰生产"),
            Map.entry("ALM-09", "主备"),
            Map.entry("ALM-10", "夜间偷停"),
            Map.entry("ALM-11", "停电分析"),
            Map.entry("DQ-01", "无计量点"),
            Map.entry("DQ-02", "无总表计量点"),
            Map.entry("DQ-03", "无产污设施计量点"),
            Map.entry("DQ-04", "无治污设施计量点"),
            Map.entry("DQ-05", "联网后无数据"),
            Map.entry("DQ-06", "离线/数据中断"),
            Map.entry("DQ-07", "负电量"),
            Map.entry("DQ-08", "负功率"),
            Map.entry("DQ-09", "电量与功率不符"),
            Map.entry("DQ-10", "电量异常偏大"),
            Map.entry("DQ-11", "产治污电量之和大于企业总电量"),
            Map.entry("DQ-12", "功率恒定/恒值"),
            Map.entry("DQ-13", "跳变"),
            Map.entry("DQ-14", "疑似 CT/PT 变比错误"),
            Map.entry("DQ-15", "MN 与建档问题"),
            Map.entry("DQ-16", "安装回路错误/阈值不符"),
            Map.entry("DQ-17", "电气量异常"),
            Map.entry("DQ-18", "时间戳问题"),
            Map.entry("DQ-19", "补传超出存储期"),
            Map.entry("DQ-20", "累计电量与时段电量不符"),
            Map.entry("VOC-01", "TVOC 超标"),
            Map.entry("VOC-02", "风机运行但无流速"),
            Map.entry("VOC-03", "无生产无治理却有流速"),
            Map.entry("VOC-04", "生产时 TVOC 恒值或为零"),
            Map.entry("VOC-05", "分析仪状态"),
            Map.entry("AC-01", "点位覆盖"),
            Map.entry("AC-02", "身份核对 (MN 与点位)"),
            Map.entry("AC-03", "接线与变比"),
            Map.entry("AC-04", "测量准确度 (比对)"),
            Map.entry("AC-05", "传输一致性"),
            Map.entry("AC-06", "工况响应 (治污设施停运告警)"),
            Map.entry("AC-07", "断线与补传"),
            Map.entry("AC-08", "统计汇总"),
            Map.entry("AC-09", "试运行"),
            Map.entry("AC-10", "启停阈值"),
            Map.entry("AC-11", "数据完整率"));

    private RuleTitles() {}

    /** The rulebook's name of the rule, or "" for an id the rulebook does not list. */
    public static String of(String ruleId) {
        return TITLES.getOrDefault(ruleId, "");
    }

    /** "ALM-01 治污设施未开启/停运 (产治污不同步)", or the bare id. */
    public static String labelled(String ruleId) {
        String title = of(ruleId);
        return title.isEmpty() ? ruleId : ruleId + " " + title;
    }
}
