package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.rules.DeviceFacts;
import io.pollwatt.platform.rules.Evaluation;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Findings;
import io.pollwatt.platform.rules.Quarantine;
import io.pollwatt.platform.rules.Rule;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DQ-15 MN and registry problems, both level 3:
 *
 * <ul>
 *   <li>{@code unregisteredPoint}: a registered MN sends data items whose factor code or meter address maps to no
 *       archived point (the seed: 10 points installed, 5 shown, no archive entry for the rest); the items stay in
 *       quarantine. One finding per MN listing the items, open (the items keep coming until the archive is
 *       completed).
 *   <li>{@code unregisteredMn} (§10 row 11, MN not delivered: the DTU sends its factory MN): frames of an MN
 *       unknown to the registry, quarantined by the ingest, that the registry's hints tie to exactly one archived DTU
 *       of the whole platform, this enterprise's: the frames carry that DTU's PW, their data items address only
 *       meters the DTU archives, they came after it was networked, and before any frame under its own MN. Frames that
 *       fit no DTU, or several, stay the quarantine's (GET /api/quarantine) and the silent DTU's DQ-05. One finding
 *       per unknown MN, keyed by it, over the points of the DTU; open while the frames keep coming (the latest less
 *       than {@code dq.offlineMin} ago).
 * </ul>
 */
public final class UnregisteredPoints implements Rule {

    @Override
    public String id() {
        return "DQ-15";
    }

    @Override
    public int version() {
        return 2;
    }

    @Override
    public void evaluate(Evaluation e, Findings out) {
        for (DeviceFacts d : e.data().devices()) {
            if (d.unregisteredItems().isEmpty()) {
                continue;
            }
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("mn", d.mn());
            ev.put("items", d.unregisteredItems());
            ev.put("count", d.unregisteredItems().size());
            out.add(new Finding(
                    id(),
                    version(),
                    e.enterpriseId(),
                    d.mn(),
                    "unregisteredPoint",
                    List.of(),
                    List.of(),
                    e.grid().from(),
                    e.grid().from(),
                    null,
                    3,
                    ev));
        }
        unregisteredMns(e, out);
    }

    private void unregisteredMns(Evaluation e, Findings out) {
        Quarantine q = e.data().quarantine();
        for (Quarantine.UnknownMn u : q.unknownMns()) {
            List<Quarantine.ArchivedDtu> fits =
                    q.archivedDtus().stream().filter(d -> fits(u, d)).toList();
            if (fits.size() != 1 || !fits.get(0).enterpriseId().equals(e.enterpriseId())) {
                continue;
            }
            Quarantine.ArchivedDtu d = fits.get(0);
            List<String> points = new ArrayList<>();
            e.data().archive().dtus().stream()
                    .filter(x -> x.mn().equals(d.mn()))
                    .forEach(x -> x.meters().forEach(m -> points.add(m.pointId())));
            LocalDateTime first = u.first().isAfter(d.networkedAt()) ? u.first() : d.networkedAt();
            LocalDateTime start = floor(e, first);
            boolean open = e.data().now().isBefore(u.last().plus(e.config().minutes("dq.offlineMin")));
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("config", e.config().subset("dq.offlineMin"));
            ev.put("unknownMn", u.mn());
            ev.put("archivedMn", d.mn());
            ev.put("frames", u.frames());
            ev.put("firstReceivedAt", u.first().truncatedTo(ChronoUnit.SECONDS).toString());
            ev.put("lastReceivedAt", u.last().truncatedTo(ChronoUnit.SECONDS).toString());
            ev.put("meters", List.copyOf(u.meters()));
            ev.put("hints", List.of("pw", "meters", "afterNetworking", "archivedMnNeverHeard"));
            out.add(new Finding(
                    id(),
                    version(),
                    e.enterpriseId(),
                    u.mn(),
                    "unregisteredMn",
                    points,
                    List.of(d.mn()),
                    start,
                    start,
                    open ? null : floor(e, u.last()).plus(e.interval()),
                    3,
                    ev));
        }
    }

    /** Whether the registry's hints say the unknown MN's frames are archived DTU {@code d}'s (see the class comment). */
    private static boolean fits(Quarantine.UnknownMn u, Quarantine.ArchivedDtu d) {
        return u.pw().equals(d.pw())
                && !u.meters().isEmpty()
                && d.meters().containsAll(u.meters())
                && !u.last().isBefore(d.networkedAt())
                && d.firstHeard().map(h -> h.isAfter(u.first())).orElse(true);
    }

    /** The grid instant {@code t} falls in. */
    private static LocalDateTime floor(Evaluation e, LocalDateTime t) {
        long step = e.interval().toSeconds();
        LocalDateTime midnight = t.toLocalDate().atStartOfDay();
        long s = java.time.Duration.between(midnight, t).toSeconds();
        return midnight.plusSeconds(s / step * step);
    }
}
