package io.pollwatt.report.model;

import java.util.List;

/**
 * The load curve of one metering point (计量点), in time order.
 *
 * @param label what a person reads, e.g. "T1 治污风机"
 */
public record PointSeries(String pointId, String label, PointRole role, List<Sample> samples) {
    public PointSeries {
        Require.text("PointSeries", "pointId", pointId);
        Require.text("PointSeries", "label", label);
        Require.present("PointSeries", "role", role);
        samples = Require.list("PointSeries", "samples", samples);
        for (int i = 1; i < samples.size(); i++) {
            if (!samples.get(i).time().isAfter(samples.get(i - 1).time())) {
                throw new IllegalArgumentException(
                        "PointSeries %s: samples must be in strictly increasing time, sample %d at %s follows %s"
                                .formatted(
                                        pointId,
                                        i,
                                        samples.get(i).time(),
                                        samples.get(i - 1).time()));
            }
        }
    }
}
