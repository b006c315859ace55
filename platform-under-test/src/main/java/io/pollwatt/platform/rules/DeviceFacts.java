package io.pollwatt.platform.rules;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the platform knows of one device (MN) beyond its records, for the rules on devices and transport (DQ-05,
 * DQ-06, DQ-15): when it was networked (archived), when its latest usable real-time record was for, the frames of it
 * rejected by the codec on the evaluated days, and the data items it sent that map to no archived point.
 *
 * @param mn the device's MN
 * @param networkedAt networking time recorded in the archive (t_reg of DQ-05)
 * @param latestData DataTime of the latest real-time record received, if any
 * @param frames frames received from it over the evaluated range
 * @param rejected frames of it the codec rejected over the evaluated range
 * @param unregisteredItems factor codes it sent that map to no archived point (DQ-15), in order
 * @param pointsLatest per archived point of a DTU that ever reported, the DataTime of its latest real-time value (a
 *     point missing here never reported: DQ-05 per point)
 * @param beyondRetention DataTimes of its records in the evaluated range that arrived more than
 *     {@code dtu.retentionDays} after them (DQ-19), in order
 * @param receipts its real-time records (2011) loaded for the evaluated range: DataTime and the platform's receipt
 *     time (DQ-18 {@code future}), in DataTime order
 */
public record DeviceFacts(
        String mn,
        LocalDateTime networkedAt,
        Optional<LocalDateTime> latestData,
        long frames,
        long rejected,
        List<String> unregisteredItems,
        java.util.Map<String, LocalDateTime> pointsLatest,
        List<LocalDateTime> beyondRetention,
        List<Receipt> receipts) {

    /**
     * One real-time record as received: its DataTime (the device's clock, AGG-01 not applied) and when the platform
     * received it, both in the enterprise's zone.
     */
    public record Receipt(LocalDateTime dataTime, LocalDateTime receivedAt) {
        public Receipt {
            Objects.requireNonNull(dataTime, "dataTime");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    /** Facts with per-point knowledge and records beyond retention, no receipts. */
    public DeviceFacts(
            String mn,
            LocalDateTime networkedAt,
            Optional<LocalDateTime> latestData,
            long frames,
            long rejected,
            List<String> unregisteredItems,
            java.util.Map<String, LocalDateTime> pointsLatest,
            List<LocalDateTime> beyondRetention) {
        this(
                mn,
                networkedAt,
                latestData,
                frames,
                rejected,
                unregisteredItems,
                pointsLatest,
                beyondRetention,
                List.of());
    }

    /** Facts with per-point knowledge, nothing beyond retention. */
    public DeviceFacts(
            String mn,
            LocalDateTime networkedAt,
            Optional<LocalDateTime> latestData,
            long frames,
            long rejected,
            List<String> unregisteredItems,
            java.util.Map<String, LocalDateTime> pointsLatest) {
        this(mn, networkedAt, latestData, frames, rejected, unregisteredItems, pointsLatest, List.of());
    }

    /** Facts without per-point knowledge. */
    public DeviceFacts(
            String mn,
            LocalDateTime networkedAt,
            Optional<LocalDateTime> latestData,
            long frames,
            long rejected,
            List<String> unregisteredItems) {
        this(mn, networkedAt, latestData, frames, rejected, unregisteredItems, null);
    }

    public DeviceFacts {
        Objects.requireNonNull(mn, "mn");
        Objects.requireNonNull(networkedAt, "networkedAt");
        Objects.requireNonNull(latestData, "latestData");
        unregisteredItems = List.copyOf(unregisteredItems);
        pointsLatest = pointsLatest == null ? null : java.util.Map.copyOf(pointsLatest);
        beyondRetention = List.copyOf(beyondRetention);
        receipts = List.copyOf(receipts);
    }

    /** Whether the facts say which points reported (else only the device as a whole is known). */
    public boolean knowsPoints() {
        return pointsLatest != null;
    }
}
