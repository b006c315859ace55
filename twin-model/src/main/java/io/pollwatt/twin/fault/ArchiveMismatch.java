package io.pollwatt.twin.fault;

import java.util.List;
import java.util.Objects;

/**
 * The archive (备案) disagrees with the site: the twin's physics is unchanged, but what the enterprise registered is
 * wrong, and the platform must find it from the data (§10 rows 24, 29, 31 and the wrong archived CT ratio).
 *
 * @param target the point concerned (for NO_MAIN_POINT, NO_PROD_POINT and NO_TREAT_POINT: the enterprise)
 * @param window from when the archive is wrong
 * @param mismatch what is wrong
 */
public record ArchiveMismatch(String target, Window window, Mismatch mismatch) implements Fault {

    /** The kinds of archive error the rulebook names. */
    public enum Mismatch {
        /** The enterprise has no MAIN point archived (§10 row 24: DQ-02). */
        NO_MAIN_POINT("DQ-02"),
        /**
         * No production point archived, or a production facility of the enterprise's list without one (DQ-03; the
         * seed's plastics company: 无产污设施或产污设施无对应监管点).
         */
        NO_PROD_POINT("DQ-03"),
        /**
         * No treatment point archived, or a treatment facility without one (DQ-04; the seed's building-materials and
         * plastics companies: 无治污设施或治污设施无对应监管点).
         */
        NO_TREAT_POINT("DQ-04"),
        /** P_on entered far above the real load (the seed: 70 kW threshold, ≈ 15 kW load; row 29: DQ-16(d)). */
        P_ON_TOO_HIGH("DQ-16"),
        /** More meters report behind a registered MN than are archived (the seed: 10 installed, 5 archived; row 31: DQ-15). */
        UNREGISTERED_POINTS("DQ-15"),
        /** The archived CT ratio differs from the one configured in the meter (AC-03, DQ-14). */
        WRONG_ARCHIVED_CT("DQ-14");

        private final String rule;

        Mismatch(String rule) {
            this.rule = rule;
        }

        /** The rule that must find it. */
        public String rule() {
            return rule;
        }

        /** Whether it concerns the enterprise's archive as a whole rather than one point. */
        public boolean enterpriseWide() {
            return this == NO_MAIN_POINT || this == NO_PROD_POINT || this == NO_TREAT_POINT;
        }
    }

    public ArchiveMismatch {
        Objects.requireNonNull(mismatch, "mismatch");
    }

    @Override
    public String kind() {
        return "archive-" + mismatch.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public List<String> expectedRules() {
        return List.of(mismatch.rule());
    }

    @Override
    public List<String> mustNotFire() {
        return mismatch == Mismatch.UNREGISTERED_POINTS ? List.of("DQ-05") : List.of();
    }
}
