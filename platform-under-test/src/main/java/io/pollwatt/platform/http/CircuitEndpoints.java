package io.pollwatt.platform.http;

import io.javalin.http.Context;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.series.LiveStates;
import io.pollwatt.platform.state.GroupState;
import io.pollwatt.platform.state.OperatingState;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/enterprises/{id}/circuit}: the circuit tree of an enterprise as archived (总进线 → 产污 / 治污 …),
 * its treatment groups (主备关系) and associations (关联关系), with every point's live state, so the dashboard can
 * draw the tree from one request.
 */
final class CircuitEndpoints {

    /** A point's state at its latest real-time record; {@code null} fields never occur (the point is then null). */
    record LiveBody(LocalDateTime time, OperatingState state, Double pKw) {}

    /**
     * One point of the tree.
     *
     * @param parent the archived parent point ({@code parentPointId}), if any
     * @param under where the tree shows it: the archived parent; else, for a point other than MAIN, the enterprise's
     *     first MAIN point (what an unset parent means, docs/site-format.md); else {@code null} (a root)
     * @param groups the treatment groups it is a member of
     * @param live its live state; {@code null} when no meter reports it or it never sent a record
     */
    record Node(
            String id,
            String name,
            String kind,
            String parent,
            String under,
            boolean metered,
            List<String> groups,
            LiveBody live) {}

    /**
     * A treatment group: {@code duty} are its first {@code required} members as archived, {@code standby} the
     * others; {@code state} is ST-08 over the members' live states ({@code null} while none of them has one).
     */
    record GroupBody(
            String id,
            List<String> members,
            int required,
            List<String> duty,
            List<String> standby,
            OperatingState state,
            List<String> production) {}

    record Circuit(
            String enterprise,
            String name,
            List<Node> points,
            List<GroupBody> groups,
            List<SiteArchive.Association> associations) {}

    private final RegistryEndpoints registry;
    private final LiveStates live;

    CircuitEndpoints(RegistryEndpoints registry, LiveStates live) {
        this.registry = registry;
        this.live = live;
    }

    void get(Context ctx) throws SQLException {
        Params.of(ctx);
        SiteArchive a = registry.enterprise(ctx.pathParam("id"));
        ctx.json(circuit(a));
    }

    /** Reads every point's live state and meter, then builds the circuit. */
    Circuit circuit(SiteArchive a) throws SQLException {
        Map<String, LiveStates.Live> lives = new LinkedHashMap<>();
        Set<String> metered = new HashSet<>();
        for (SiteArchive.Point p : a.points()) {
            Optional<LiveStates.Live> l = live.live(a.id(), p.id());
            l.ifPresent(x -> lives.put(p.id(), x));
            if (registry.metered(a.id(), p.id())) {
                metered.add(p.id());
            }
        }
        return circuit(a, lives, metered);
    }

    /**
     * The circuit of {@code a}, given the live state of the points that have one and which points a meter reports.
     */
    static Circuit circuit(SiteArchive a, Map<String, LiveStates.Live> lives, Set<String> metered) {
        // an unset parent means "fed by the first MAIN point" (docs/site-format.md, points: parent)
        String firstMain = a.points().stream()
                .filter(p -> p.kind() == SiteArchive.PointKind.MAIN)
                .map(SiteArchive.Point::id)
                .findFirst()
                .orElse(null);
        List<Node> nodes = new ArrayList<>();
        for (SiteArchive.Point p : a.points()) {
            LiveStates.Live l = lives.get(p.id());
            String under = p.parent().orElse(p.kind() == SiteArchive.PointKind.MAIN ? null : firstMain);
            nodes.add(new Node(
                    p.id(),
                    p.name(),
                    p.kind().name(),
                    p.parent().orElse(null),
                    under,
                    metered.contains(p.id()),
                    a.groups().stream()
                            .filter(g -> g.members().contains(p.id()))
                            .map(SiteArchive.Group::id)
                            .toList(),
                    l == null ? null : new LiveBody(l.time(), l.state(), l.pKw())));
        }
        List<GroupBody> groups = new ArrayList<>();
        for (SiteArchive.Group g : a.groups()) {
            List<OperatingState> states = new ArrayList<>();
            boolean any = false;
            for (String m : g.members()) {
                LiveStates.Live l = lives.get(m);
                any |= l != null;
                states.add(l == null ? OperatingState.NO_DATA : l.state());
            }
            groups.add(new GroupBody(
                    g.id(),
                    g.members(),
                    g.required(),
                    g.members().subList(0, g.required()),
                    g.members().subList(g.required(), g.members().size()),
                    any ? GroupState.of(states, g.required()) : null,
                    a.associations().stream()
                            .filter(x -> x.group().equals(g.id()))
                            .map(SiteArchive.Association::production)
                            .toList()));
        }
        return new Circuit(a.id(), a.name(), nodes, groups, a.associations());
    }
}
