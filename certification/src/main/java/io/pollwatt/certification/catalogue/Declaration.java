package io.pollwatt.certification.catalogue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a vendor declares about the device under test; it selects the cases that apply (docs/certification.md
 * "Declaration"). Read from JSON by {@link DeclarationReader}; every field but the profile has a default.
 *
 * @param profile the device profile
 * @param mn the device's MN (24 upper-case hex digits)
 * @param pw its access password
 * @param zone the zone of its clock (QN and DataTime carry none; hj212-2017.md style §5)
 * @param supportedCns the CNs it supports, uploads and requests alike
 * @param rtdInterval its real-time interval (RtdInterval)
 * @param overTime its answer timeout (OverTime)
 * @param reCount its retries after the first attempt (ReCount)
 * @param packetisation whether it splits long messages (PNUM/PNO)
 * @param cadenceTolerance how far a live 2011 may arrive after its DataTime, and how far DataTime may be off the grid
 * @param hourAverage how its 2061/2031 mean power is formed
 */
public record Declaration(
        Profile profile,
        String mn,
        String pw,
        ZoneId zone,
        Set<Integer> supportedCns,
        Duration rtdInterval,
        Duration overTime,
        int reCount,
        boolean packetisation,
        Duration cadenceTolerance,
        HourAverage hourAverage) {

    /** How a device forms the mean power of an hour or day record. */
    public enum HourAverage {
        /** The period's energy divided by its length (mean power = E / t). */
        ENERGY,
        /** The mean of the 2011 power values stamped in the period (rulebook AGG-04). */
        SAMPLES
    }

    public Declaration {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(mn, "mn");
        Objects.requireNonNull(pw, "pw");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(hourAverage, "hourAverage");
        supportedCns = Set.copyOf(new TreeSet<>(supportedCns));
        if (!mn.matches("[0-9A-F]{24}")) {
            throw new IllegalArgumentException("mn must be 24 upper-case hex digits, got '" + mn + "'");
        }
        if (!pw.matches("[0-9A-Za-z]{1,6}")) {
            throw new IllegalArgumentException("pw must be 1-6 letters or digits, got '" + pw + "'");
        }
        if (rtdInterval.getSeconds() < 30 || rtdInterval.getSeconds() > 3600) {
            throw new IllegalArgumentException("rtdIntervalSeconds must be 30..3600, got " + rtdInterval.getSeconds());
        }
        if (overTime.getSeconds() < 1 || overTime.getSeconds() > 99) {
            throw new IllegalArgumentException("overTimeSeconds must be 1..99, got " + overTime.getSeconds());
        }
        if (reCount < 1 || reCount > 99) {
            throw new IllegalArgumentException("reCount must be 1..99, got " + reCount);
        }
        if (cadenceTolerance.isNegative()) {
            throw new IllegalArgumentException("cadenceToleranceSeconds must not be negative, got " + cadenceTolerance);
        }
    }

    /** The CNs a device of {@code profile} is assumed to support when its declaration does not say. */
    public static Set<Integer> defaultCns(Profile profile) {
        switch (profile) {
            case DTU_ELECTRICITY:
                return Set.of(1000, 1011, 1012, 1013, 1061, 1062, 1072, 2011, 2051, 2061, 2031);
            case COLLECTOR_VOC:
                return Set.of(1000, 1011, 1012, 1061, 1062, 1072, 2011);
            default:
                return Set.of();
        }
    }

    /** The declaration a device gets when none is given: the profile's CNs, 900 s, 10 s and 3 retries (D1, Table 1). */
    public static Declaration defaults(Profile profile, String mn, String pw) {
        return new Declaration(
                profile,
                mn,
                pw,
                ZoneId.of("Asia/Shanghai"),
                defaultCns(profile),
                Duration.ofSeconds(900),
                Duration.ofSeconds(10),
                3,
                false,
                Duration.ofSeconds(120),
                HourAverage.ENERGY);
    }

    /** Whether the device declares {@code cn}. */
    public boolean supports(int cn) {
        return supportedCns.contains(cn);
    }
}
