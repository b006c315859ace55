package io.pollwatt.certification.catalogue;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One numbered case of the catalogue ({@code catalogue.json}, listed in docs/certification.md).
 *
 * @param id stable number, e.g. {@code FRM-03}
 * @param clause the clause of HJ 212-2017 (with the section of hj212-2017.md) or of the rulebook it checks
 * @param title what the case is about, in a few words
 * @param checks what is checked
 * @param pass the pass criteria
 * @param profiles the device profiles that need the case
 * @param requiredCns the CNs the device must declare for the case to apply
 * @param needsPacketisation whether the case applies only to devices that declare split messages
 * @param kind whether a recorded conversation suffices or a live device is needed
 */
public record CertCase(
        String id,
        String clause,
        String title,
        String checks,
        String pass,
        List<Profile> profiles,
        Set<Integer> requiredCns,
        boolean needsPacketisation,
        Kind kind) {

    /** How a case is judged. */
    public enum Kind {
        /** From any recorded conversation: a live run, or a vendor's capture replayed. */
        PASSIVE,
        /** Needs the tester to act on a live device (withhold acks, refuse connections, send damaged answers). */
        ACTIVE
    }

    public CertCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clause, "clause of " + id);
        Objects.requireNonNull(title, "title of " + id);
        Objects.requireNonNull(checks, "checks of " + id);
        Objects.requireNonNull(pass, "pass of " + id);
        Objects.requireNonNull(kind, "kind of " + id);
        profiles = List.copyOf(profiles);
        requiredCns = Set.copyOf(requiredCns);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("case " + id + " names no profile");
        }
    }
}
