package io.pollwatt.verification.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.pollwatt.emulator.fleet.DevicePlan;
import io.pollwatt.emulator.fleet.DevicePlan.CollectorPlan;
import io.pollwatt.emulator.fleet.DevicePlan.DtuPlan;
import io.pollwatt.emulator.fleet.DevicePlan.Meter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code devices:} key of a site file: as written, or derived from the enterprise id. */
class SiteDevicesTest {

    private static final String STACK = """
            stacks:
              - {id: S1, height: 15, production: P1, groups: G1, analyzer: {rawTvoc: 80, efficiency: 0.85}}
              - {id: S2, height: 45}
            """;

    private static List<SiteError> errors(String text) {
        return catchThrowableOfType(SiteFileException.class, () -> SiteFile.parse("site.yaml", text))
                .errors();
    }

    @Test
    void without_devices_one_dtu_carries_every_point_and_each_analyzer_stack_has_a_collector() throws Exception {
        SiteFile site = SiteFile.parse("site.yaml", SiteFileTest.MINIMAL + STACK);

        DevicePlan plan = site.devices();

        assertThat(plan.dtus())
                .containsExactly(new DtuPlan(
                        DevicePlan.derivedMn("E1", 'D', 1),
                        "123456",
                        List.of(new Meter(1, "M1"), new Meter(2, "P1"), new Meter(3, "T1"))));
        assertThat(plan.dtus().get(0).mn()).matches("5057[0-9A-F]{16}D001");
        assertThat(plan.collectors())
                .containsExactly(new CollectorPlan(DevicePlan.derivedMn("E1", 'C', 1), "123456", "S1"));
    }

    @Test
    void derived_mns_follow_the_documented_rule() {
        // SHA-256("E001") = A6634568695C7BD7…
        assertThat(DevicePlan.derivedMn("E001", 'D', 1)).isEqualTo("5057A6634568695C7BD7D001");
        assertThat(DevicePlan.derivedMn("E001", 'C', 11)).isEqualTo("5057A6634568695C7BD7C00B");
    }

    @Test
    void reads_devices_as_written() throws Exception {
        SiteFile site = SiteFile.parse("site.yaml", SiteFileTest.MINIMAL + STACK + """
                devices:
                  - {mn: 010000A8900016F000169DC0, pw: "654321", points: [T1, ~, P1]}
                  - {mn: 010000A8900016F000169DC1, stack: S1}
                """);

        assertThat(site.devices().dtus())
                .containsExactly(new DtuPlan(
                        "010000A8900016F000169DC0", "654321", List.of(new Meter(1, "T1"), new Meter(3, "P1"))));
        assertThat(site.devices().collectors())
                .containsExactly(new CollectorPlan("010000A8900016F000169DC1", "123456", "S1"));
    }

    @Test
    void reports_bad_devices_with_their_places() {
        List<SiteError> errors = errors(SiteFileTest.MINIMAL + STACK + """
                devices:
                  - {mn: 010000a8900016f000169dc0, points: [M1]}
                  - {mn: 010000A8900016F000169DC0, pw: "1234567", points: [P1, M1, X9]}
                  - {mn: 010000A8900016F000169DC0, stack: S2}
                  - {mn: 010000A8900016F000169DC2, points: [T1], stack: S1}
                  - {mn: 010000A8900016F000169DC3}
                """);

        assertThat(errors)
                .extracting(SiteError::line, SiteError::column, SiteError::code)
                .containsExactly(
                        tuple(18, 10, SiteError.Code.BAD_VALUE), // lower-case hex
                        tuple(19, 40, SiteError.Code.BAD_VALUE), // PW of 7
                        tuple(19, 64, SiteError.Code.BAD_REFERENCE), // M1 on a second DTU
                        tuple(19, 68, SiteError.Code.BAD_REFERENCE), // no point X9
                        tuple(20, 10, SiteError.Code.BAD_REFERENCE), // MN used twice
                        tuple(20, 43, SiteError.Code.BAD_REFERENCE), // S2 has no analyzer
                        tuple(21, 57, SiteError.Code.BAD_VALUE), // points and stack
                        tuple(22, 5, SiteError.Code.MISSING_KEY)); // neither
    }
}
