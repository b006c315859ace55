package io.pollwatt.report.model;

import java.time.LocalDate;

/** Effective transmission rate of one point on one day (AC-11, OP-01): valid records ÷ 96 expected. */
public record Completeness(String pointId, LocalDate date, double ratio) {
    public Completeness {
        Require.text("Completeness", "pointId", pointId);
        Require.present("Completeness", "date", date);
        Require.ratio("Completeness " + pointId + " " + date, "ratio", ratio);
    }
}
