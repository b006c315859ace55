package io.pollwatt.report.chart;

import io.pollwatt.report.model.Completeness;
import io.pollwatt.report.model.EnergyDay;
import io.pollwatt.report.model.PointSeries;
import io.pollwatt.report.model.RuleQuality;
import io.pollwatt.report.model.ScenarioReport;
import io.pollwatt.report.model.ThresholdSweep;
import io.pollwatt.report.model.TvocSeries;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;

/**
 * Every chart of the reports, built from the plain records; write them with {@link ChartFiles}. Each chart checks
 * that its labels can be drawn in the CJK font first ({@link ChartFont}).
 */
public final class Charts {
    private Charts() {}

    /** The load curve of one point of a scenario, with its true states, the faults and the alarms that concern it. */
    public static JFreeChart loadCurve(ScenarioReport scenario, PointSeries point, ZoneId zone) {
        Set<String> pointIds = new LinkedHashSet<>();
        scenario.curves().forEach(curve -> pointIds.add(curve.pointId()));
        return LoadCurveChart.create(point, scenario.states(), scenario.faults(), scenario.alarms(), pointIds, zone);
    }

    public static JFreeChart energyBalance(String enterprise, List<EnergyDay> days) {
        return EnergyBalanceChart.create(enterprise, days);
    }

    public static JFreeChart completeness(String title, List<Completeness> cells) {
        return CompletenessChart.create(title, cells);
    }

    public static JFreeChart thresholdSweep(ThresholdSweep sweep) {
        return RuleQualityCharts.sweep(sweep);
    }

    public static JFreeChart detectionDelays(RuleQuality rule) {
        return RuleQualityCharts.delays(rule);
    }

    public static JFreeChart tvoc(TvocSeries tvoc, ZoneId zone) {
        return TvocChart.create(tvoc, zone);
    }
}
