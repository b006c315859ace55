package io.pollwatt.platform.rules;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ingest's quarantine as the rules see it (DQ-15 {@code unregisteredMn}, §10 row 11): the MNs unknown to the
 * registry that sent frames in the evaluated range, and the archived DTUs of the whole platform that could be sending
 * under such an MN (same PW as a quarantined frame). The rules decide from these whether the registry's hints tie an
 * unknown MN to one archived device; the packets themselves stay in quarantine.
 *
 * @param unknownMns the unknown MNs that sent frames in the evaluated range, in MN order
 * @param archivedDtus archived DTUs of any enterprise whose PW one of those frames carries, in MN order
 */
public record Quarantine(List<UnknownMn> unknownMns, List<ArchivedDtu> archivedDtus) {

    /** Nothing in quarantine. */
    public static final Quarantine EMPTY = new Quarantine(List.of(), List.of());

    public Quarantine {
        unknownMns = List.copyOf(unknownMns);
        archivedDtus = List.copyOf(archivedDtus);
    }

    /**
     * Frames of an MN the registry does not know (quarantine reason {@code UNKNOWN_MN}).
     *
     * @param mn the MN they carry (a factory default such as 24 zeros, when the MN was never delivered)
     * @param first when the platform received the first of them in the range, local time of the enterprise
     * @param last when it received the latest
     * @param frames how many
     * @param pw the PW the latest carries
     * @param meters the meter numbers its electrical data items address (factor codes g7QQPP: PP), in order
     */
    public record UnknownMn(
            String mn, LocalDateTime first, LocalDateTime last, long frames, String pw, Set<Integer> meters) {
        public UnknownMn {
            Objects.requireNonNull(mn, "mn");
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(last, "last");
            Objects.requireNonNull(pw, "pw");
            meters = java.util.Collections.unmodifiableSet(new TreeSet<>(meters));
        }
    }

    /**
     * An archived DTU.
     *
     * @param mn its registered MN
     * @param enterpriseId whose it is
     * @param networkedAt its networking time (t_reg of DQ-05)
     * @param firstHeard when the platform first received a frame under its MN, empty if never
     * @param pw its registered PW
     * @param meters its archived meter numbers, in order
     */
    public record ArchivedDtu(
            String mn,
            String enterpriseId,
            LocalDateTime networkedAt,
            Optional<LocalDateTime> firstHeard,
            String pw,
            Set<Integer> meters) {
        public ArchivedDtu {
            Objects.requireNonNull(mn, "mn");
            Objects.requireNonNull(enterpriseId, "enterpriseId");
            Objects.requireNonNull(networkedAt, "networkedAt");
            Objects.requireNonNull(firstHeard, "firstHeard");
            Objects.requireNonNull(pw, "pw");
            meters = java.util.Collections.unmodifiableSet(new TreeSet<>(meters));
        }
    }
}
