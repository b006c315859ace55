package io.pollwatt.report.model;

import java.time.Instant;

/** One stack analyser reading of TVOC in mg/m³; null is a missing or invalid (VOC-05) reading. */
public record TvocSample(Instant time, Double tvocMgPerM3) {
    public TvocSample {
        Require.present("TvocSample", "time", time);
    }
}
