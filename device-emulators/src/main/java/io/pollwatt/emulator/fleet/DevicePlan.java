package io.pollwatt.emulator.fleet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The field devices of one enterprise (docs/site-format.md, {@code devices:}): which 4G DTU carries which point as
 * which meter number (the {@code PP} of the factor code {@code g7QQPP}), and which data collector serves which
 * stack, each with the MN and PW it sends.
 *
 * @param dtus the DTUs, in the site file's order
 * @param collectors the data collectors, in the site file's order
 */
public record DevicePlan(List<DtuPlan> dtus, List<CollectorPlan> collectors) {

    /** The PW of a device whose site file names none. */
    public static final String DEFAULT_PW = "123456";

    /** At most this many meters on one DTU: the meter number has two digits. */
    public static final int MAX_METERS = 99;

    /** The fixed head of a derived MN: {@code PW} in ASCII, as hex. */
    public static final String DERIVED_PREFIX = "5057";

    private static final Pattern MN = Pattern.compile("[0-9A-F]{24}");
    private static final Pattern PW = Pattern.compile("[0-9A-Za-z]{1,6}");

    public DevicePlan {
        dtus = List.copyOf(dtus);
        collectors = List.copyOf(collectors);
        Set<String> mns = new HashSet<>();
        Set<String> points = new HashSet<>();
        Set<String> stacks = new HashSet<>();
        for (DtuPlan d : dtus) {
            if (!mns.add(d.mn())) {
                throw new IllegalArgumentException("MN " + d.mn() + " is used twice");
            }
            for (Meter m : d.meters()) {
                if (!points.add(m.pointId())) {
                    throw new IllegalArgumentException("point " + m.pointId() + " is on more than one meter slot");
                }
            }
        }
        for (CollectorPlan c : collectors) {
            if (!mns.add(c.mn())) {
                throw new IllegalArgumentException("MN " + c.mn() + " is used twice");
            }
            if (!stacks.add(c.stackId())) {
                throw new IllegalArgumentException("stack " + c.stackId() + " has more than one collector");
            }
        }
    }

    /**
     * One meter behind a DTU.
     *
     * @param number meter number within the DTU, 1–99
     * @param pointId the point it meters
     */
    public record Meter(int number, String pointId) {
        public Meter {
            if (number < 1 || number > MAX_METERS) {
                throw new IllegalArgumentException("meter number must be 1..99, got " + number);
            }
            Objects.requireNonNull(pointId, "pointId");
        }
    }

    /**
     * A 4G DTU and its meters.
     *
     * @param mn its MN, 24 upper-case hex digits
     * @param pw its PW, 1–6 of {@code 0-9 A-Z a-z}
     * @param meters its meters, by number (numbers may have gaps; each once)
     */
    public record DtuPlan(String mn, String pw, List<Meter> meters) {
        public DtuPlan {
            checkIdentity(mn, pw);
            List<Meter> sorted = new ArrayList<>(meters);
            sorted.sort((a, b) -> Integer.compare(a.number(), b.number()));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).number() == sorted.get(i - 1).number()) {
                    throw new IllegalArgumentException(
                            "DTU " + mn + " has meter number " + sorted.get(i).number() + " twice");
                }
            }
            meters = List.copyOf(sorted);
        }
    }

    /**
     * A data collector (数采仪) and the stack whose analyzer it reads.
     *
     * @param mn its MN, 24 upper-case hex digits
     * @param pw its PW
     * @param stackId the stack
     */
    public record CollectorPlan(String mn, String pw, String stackId) {
        public CollectorPlan {
            checkIdentity(mn, pw);
            Objects.requireNonNull(stackId, "stackId");
        }
    }

    private static void checkIdentity(String mn, String pw) {
        if (mn == null || !MN.matcher(mn).matches()) {
            throw new IllegalArgumentException("MN must be 24 upper-case hex digits, got '" + mn + "'");
        }
        if (pw == null || !PW.matcher(pw).matches()) {
            throw new IllegalArgumentException("PW must be 1-6 of 0-9 A-Z a-z, got '" + pw + "'");
        }
    }

    /** Whether {@code mn} is an MN HJ 212-2017 accepts strictly: 24 upper-case hex digits. */
    public static boolean isMn(String mn) {
        return mn != null && MN.matcher(mn).matches();
    }

    /** Whether {@code pw} is a PW HJ 212-2017 accepts strictly: 1–6 of {@code 0-9 A-Z a-z}. */
    public static boolean isPw(String pw) {
        return pw != null && PW.matcher(pw).matches();
    }

    /**
     * The plan of a site file without {@code devices:} (docs/site-format.md): DTU {@code k} carries points
     * {@code 99(k-1)+1 … 99k} in point order as meters 01…, and every stack with an analyzer has one collector;
     * MNs from {@link #derivedMn}, PW {@value #DEFAULT_PW}.
     *
     * @param enterpriseId the enterprise id
     * @param pointIds every installed point, in the file's order
     * @param stackIds every stack, in the file's order
     * @param stacksWithAnalyzer the stacks that have a VOC analyzer
     */
    public static DevicePlan derived(
            String enterpriseId, List<String> pointIds, List<String> stackIds, Set<String> stacksWithAnalyzer) {
        List<DtuPlan> dtus = new ArrayList<>();
        for (int from = 0, k = 1; from < pointIds.size(); from += MAX_METERS, k++) {
            List<Meter> meters = new ArrayList<>();
            for (int i = from; i < Math.min(pointIds.size(), from + MAX_METERS); i++) {
                meters.add(new Meter(i - from + 1, pointIds.get(i)));
            }
            dtus.add(new DtuPlan(derivedMn(enterpriseId, 'D', k), DEFAULT_PW, meters));
        }
        List<CollectorPlan> collectors = new ArrayList<>();
        for (int i = 0; i < stackIds.size(); i++) {
            if (stacksWithAnalyzer.contains(stackIds.get(i))) {
                collectors.add(new CollectorPlan(derivedMn(enterpriseId, 'C', i + 1), DEFAULT_PW, stackIds.get(i)));
            }
        }
        return new DevicePlan(dtus, collectors);
    }

    /**
     * A derived MN (docs/site-format.md, "Devices"): {@value #DERIVED_PREFIX}, then the first 8 bytes of SHA-256 of
     * the enterprise id's UTF-8 bytes as 16 upper-case hex digits, then {@code D} for the k-th DTU or {@code C} for
     * the collector of the k-th stack (1-based, counting every stack), then {@code k} as 3 hex digits: 24 characters.
     */
    public static String derivedMn(String enterpriseId, char role, int k) {
        Objects.requireNonNull(enterpriseId, "enterpriseId");
        if (role != 'D' && role != 'C') {
            throw new IllegalArgumentException("role must be D (DTU) or C (collector), got " + role);
        }
        if (k < 1 || k > 0xFFF) {
            throw new IllegalArgumentException("device index must be 1..4095, got " + k);
        }
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(enterpriseId.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        StringBuilder sb = new StringBuilder(DERIVED_PREFIX);
        for (int i = 0; i < 8; i++) {
            sb.append(String.format(Locale.ROOT, "%02X", hash[i] & 0xFF));
        }
        return sb.append(role).append(String.format(Locale.ROOT, "%03X", k)).toString();
    }
}
