package io.pollwatt.report.model;

import java.util.List;

/**
 * The TVOC curve of one stack (排放口) with the operating state of the treatment facility in front of it.
 *
 * @param limitMgPerM3 the enterprise-entered limit (VOC-01), or null
 */
public record TvocSeries(
        String pointId, String label, Double limitMgPerM3, List<TvocSample> samples, List<StateBand> treatmentStates) {
    public TvocSeries {
        Require.text("TvocSeries", "pointId", pointId);
        Require.text("TvocSeries", "label", label);
        samples = Require.list("TvocSeries", "samples", samples);
        treatmentStates = Require.list("TvocSeries", "treatmentStates", treatmentStates);
    }
}
