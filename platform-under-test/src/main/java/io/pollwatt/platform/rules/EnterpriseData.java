package io.pollwatt.platform.rules;

import io.pollwatt.platform.archive.SiteArchive;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the rules read of one enterprise for one evaluation: its archive, the grid of the evaluated range, each
 * archived point's data (in archive order), each stack's analyzer series (by stack id), its devices, the platform
 * time of the evaluation ({@code now}: what "silent for 30 min" is measured against), and the ingest's quarantine of
 * unknown MNs over the range (DQ-15). The rules never see the twin.
 */
public record EnterpriseData(
        SiteArchive archive,
        Grid grid,
        Map<String, PointData> points,
        Map<String, Series> stacks,
        List<DeviceFacts> devices,
        LocalDateTime now,
        Quarantine quarantine) {

    /** Data with nothing in quarantine. */
    public EnterpriseData(
            SiteArchive archive,
            Grid grid,
            Map<String, PointData> points,
            Map<String, Series> stacks,
            List<DeviceFacts> devices,
            LocalDateTime now) {
        this(archive, grid, points, stacks, devices, now, Quarantine.EMPTY);
    }

    public EnterpriseData {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(grid, "grid");
        points = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(points));
        stacks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stacks));
        devices = List.copyOf(devices);
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(quarantine, "quarantine");
    }

    public String enterpriseId() {
        return archive.id();
    }

    /** The point of that id, if archived. */
    public PointData point(String id) {
        return points.get(id);
    }
}
