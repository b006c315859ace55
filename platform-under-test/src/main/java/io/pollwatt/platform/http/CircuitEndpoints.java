package io.pollwatt.platform.http;

import io.javalin.http.Context;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.series.LiveStates;
import io.pollwatt.platform.state.GroupState;
import io.pollwatt.platform.state.OperatingState;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     *     only MAIN point (its incoming line feeds everything); else {@code null} (a root)
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

    Circuit circuit(SiteArchive a) throws SQLException {
        List<SiteArchive.Point> mains = a.points().stream()
                .filter(p -> p.kind() == SiteArchive.PointKind.MAIN)
                .toList();
        String onlyMain = mains.size() == 1 ? mains.get(0).id() : null;
        Map<String, Optional<LiveStates.Live>> lives = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (SiteArchive.Point p : a.points()) {
            Optional<LiveStates.Live> l = live.live(a.id(), p.id());
            lives.put(p.id(), l);
            String under = p.parent()
                    .orElse(p.kind() == SiteArchive.PointKind.MAIN || p.id().equals(onlyMain) ? null : onlyMain);
            nodes.add(new Node(
                    p.id(),
                    p.name(),
                    p.kind().name(),
                    p.parent().orElse(null),
                    under,
                    registry.metered(a.id(), p.id()),
                    a.groups().stream()
                            .filter(g -> g.members().contains(p.id()))
                            .map(SiteArchive.Group::id)
                            .toList(),
                    l.map(x -> new LiveBody(x.time(), x.state(), x.pKw())).orElse(null)));
        }
        List<GroupBody> groups = new ArrayList<>();
        for (SiteArchive.Group g : a.groups()) {
            List<OperatingState> states = new ArrayList<>();
            boolean any = false;
            for (String m : g.members()) {
                Optional<LiveStates.Live> l = lives.getOrDefault(m, Optional.empty());
                any |= l.isPresent();
                states.add(l.map(LiveStates.Live::state).orElse(OperatingState.NO_DATA));
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
