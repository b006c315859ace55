package io.pollwatt.twin.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.fault.TreatmentOff;
import io.pollwatt.twin.fault.Window;
import io.pollwatt.twin.site.Enterprise;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TwinRunTest {

    private static final Instant START = Instant.parse("2026-02-28T16:00:00Z");

    private static String[] run(long seed) {
        Enterprise e = io.pollwatt.twin.sim.TwinTestFixtures.textileLine();
        List<Fault> faults =
                List.of(new TreatmentOff("T1", Window.of(START.plus(Duration.ofHours(10)), Duration.ofHours(2))));
        StringBuilder readings = new StringBuilder();
        StringBuilder truth = new StringBuilder();
        StringBuilder stacks = new StringBuilder();
        StringBuilder faultLines = new StringBuilder();
        TwinRun.run(
                e,
                faults,
                seed,
                ZoneId.of("Asia/Shanghai"),
                START,
                Duration.ofDays(1),
                new TwinRun.Outputs(readings, truth, stacks, faultLines));
        return new String[] {readings.toString(), truth.toString(), stacks.toString(), faultLines.toString()};
    }

    @Test
    void one_seed_gives_byte_identical_files_and_another_seed_other_files() {
        String[] a = run(5);
        assertThat(run(5)).isEqualTo(a);
        String[] b = run(6);
        assertThat(b[0]).isNotEqualTo(a[0]);
        assertThat(b[3]).isEqualTo(a[3]); // the fault list does not depend on the seed
    }

    @Test
    void files_have_one_line_per_point_and_instant_and_name_the_truth() {
        String[] out = run(5);
        String[] readings = out[0].split("\n");
        assertThat(readings[0]).startsWith("time,point,ua_v");
        assertThat(readings).hasSize(1 + 97 * 6); // 96 intervals in a day, both ends, 6 points
        assertThat(readings[1]).startsWith("2026-03-01T00:00,M1,");
        String[] truth = out[1].split("\n");
        assertThat(truth).hasSize(1 + 96 * 6);
        assertThat(out[1]).contains("2026-03-01T11:00,T1,OFF,0.000,0.0000,treatment-off");
        assertThat(out[3])
                .startsWith("{\"kind\":\"treatment-off\",\"target\":\"T1\",\"start\":\"2026-03-01T10:00\","
                        + "\"end\":\"2026-03-01T12:00\",\"expected\":[\"ALM-01\"],\"must_not\":[\"DQ-*\"]");
    }
}
