package io.pollwatt.report.model;

/**
 * A metering point as the acceptance sees it (AC-01, AC-02): installed on site and/or archived in the platform.
 */
public record AcceptancePoint(String pointId, String label, PointRole role, boolean installed, boolean archived) {
    public AcceptancePoint {
        Require.text("AcceptancePoint", "pointId", pointId);
        Require.text("AcceptancePoint", "label", label);
        Require.present("AcceptancePoint", "role", role);
    }
}
