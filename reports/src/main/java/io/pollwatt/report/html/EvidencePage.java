package io.pollwatt.report.html;

import io.pollwatt.report.model.RaisedAlarm;
import java.time.ZoneId;

/** The page of one alarm's evidence: the HJ 212 frames it cites, one per block, and a link back to the scenario. */
final class EvidencePage {
    private EvidencePage() {}

    static String render(RaisedAlarm alarm, String scenarioAnchor, ZoneId zone) {
        String title = "告警 " + alarm.id() + " 证据帧";
        StringBuilder page = new StringBuilder(Html.head(title));
        page.append("<body>\n<h1>").append(Html.text(title)).append("</h1>\n<p class=\"meta\">规则 ");
        page.append(Html.text(RuleTitles.labelled(alarm.ruleId())))
                .append(" · 开始 ")
                .append(Html.time(alarm.start(), zone))
                .append(" · 计量点 ")
                .append(Html.text(alarm.points().isEmpty() ? "全厂" : String.join(", ", alarm.points())))
                .append("</p>\n");
        for (String frame : alarm.evidenceFrames()) {
            page.append("<pre>").append(Html.text(frame)).append("</pre>\n");
        }
        page.append("<p><a href=\"../index.html#").append(scenarioAnchor).append("\">返回报告</a></p>\n</body>\n</html>\n");
        return page.toString();
    }
}
