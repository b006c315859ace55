package io.pollwatt.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.archive.ArchiveFileException;
import io.pollwatt.platform.archive.ArchiveReader;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.platform.series.LiveStates;
import io.pollwatt.platform.state.OperatingState;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The circuit tree the dashboard draws: where each point hangs, duty and standby, the group's state. */
class CircuitEndpointsTest {

    private static final LocalDateTime T = LocalDateTime.of(2026, 3, 2, 10, 0);

    /** Two incoming lines; a workshop sub-board metered level by level; a two-of-three fan group. */
    private static final SiteArchive PLANT = plant("""
            id: E5
            name: 测试化工
            district: 临平区
            industry: 化工
            points:
              - {id: M1, name: 1#进线, kind: MAIN, meter: {ct: 400/5}}
              - {id: M2, name: 2#进线, kind: MAIN, meter: {ct: 400/5}}
              - {id: W1, name: 车间分配电, kind: INDIRECT, parent: M2, meter: {ct: 200/5}}
              - {id: P1, name: 反应釜, kind: PROD, parent: W1, meter: {ct: 100/5}}
              - {id: T1, name: 1#风机, kind: TREAT, meter: {ct: 50/5}}
              - {id: T2, name: 2#风机, kind: TREAT, meter: {ct: 50/5}}
              - {id: T3, name: 3#风机, kind: TREAT, meter: {ct: 50/5}}
            groups:
              - {id: G1, members: [T1, T2, T3], required: 2}
            associations:
              - {production: [P1], groups: G1}
            devices:
              - {mn: "0100000000000000000000E5", pw: "123456", points: [M1, M2, W1, P1, T1, T2, T3]}
            """);

    private static SiteArchive plant(String yaml) {
        try {
            return ArchiveReader.parse("plant.yaml", yaml);
        } catch (ArchiveFileException e) {
            throw new IllegalStateException("the test's site file is wrong: " + e.errors(), e);
        }
    }

    private static LiveStates.Live live(OperatingState s, Double p) {
        return new LiveStates.Live(T, s, p);
    }

    @Test
    void pointsHangUnderTheirArchivedParentElseUnderTheFirstMainPoint() {
        CircuitEndpoints.Circuit c = CircuitEndpoints.circuit(PLANT, Map.of(), Set.of("M1", "P1"));
        assertThat(c.points().stream().map(n -> n.id() + " under " + n.under()))
                .containsExactly(
                        "M1 under null",
                        "M2 under null", // a second incoming line is a root of its own
                        "W1 under M2",
                        "P1 under W1", // metered level by level
                        "T1 under M1",
                        "T2 under M1",
                        "T3 under M1");
        assertThat(c.points().get(3).parent()).isEqualTo("W1");
        assertThat(c.points().get(4).parent()).isNull(); // as archived: no parent entered
        assertThat(c.points().stream().filter(CircuitEndpoints.Node::metered).map(CircuitEndpoints.Node::id))
                .containsExactly("M1", "P1");
        assertThat(c.points().get(4).groups()).containsExactly("G1");
        assertThat(c.points().get(3).groups()).isEmpty();
    }

    @Test
    void aGroupShowsDutyAndStandbyAndItsStateFromTheMembersLiveStates() {
        CircuitEndpoints.Circuit none = CircuitEndpoints.circuit(PLANT, Map.of(), Set.of());
        CircuitEndpoints.GroupBody g = none.groups().get(0);
        assertThat(g.duty()).containsExactly("T1", "T2");
        assertThat(g.standby()).containsExactly("T3");
        assertThat(g.production()).containsExactly("P1");
        assertThat(g.state()).isNull(); // no member has ever reported: unknown
        assertThat(none.points().get(4).live()).isNull();

        // two of three must run: T1 runs, T2 is off, T3 has no data — T3 could still make it run (ST-08)
        Map<String, LiveStates.Live> lives =
                Map.of("T1", live(OperatingState.RUN, 20.0), "T2", live(OperatingState.OFF, 0.0));
        assertThat(CircuitEndpoints.circuit(PLANT, lives, Set.of())
                        .groups()
                        .get(0)
                        .state())
                .isEqualTo(OperatingState.NO_DATA);
        Map<String, LiveStates.Live> twoOff = Map.of(
                "T1", live(OperatingState.RUN, 20.0),
                "T2", live(OperatingState.OFF, 0.0),
                "T3", live(OperatingState.OFF, 0.0));
        assertThat(CircuitEndpoints.circuit(PLANT, twoOff, Set.of())
                        .groups()
                        .get(0)
                        .state())
                .isEqualTo(OperatingState.OFF);
        Map<String, LiveStates.Live> standbyIn = Map.of(
                "T1", live(OperatingState.RUN, 20.0),
                "T2", live(OperatingState.OFF, 0.0),
                "T3", live(OperatingState.RUN, 19.0));
        CircuitEndpoints.Circuit c = CircuitEndpoints.circuit(PLANT, standbyIn, Set.of());
        assertThat(c.groups().get(0).state()).isEqualTo(OperatingState.RUN);
        assertThat(c.points().get(6).live()).isEqualTo(new CircuitEndpoints.LiveBody(T, OperatingState.RUN, 19.0));
    }
}
