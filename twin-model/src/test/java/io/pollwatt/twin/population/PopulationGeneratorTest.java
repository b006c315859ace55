package io.pollwatt.twin.population;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.sim.Twin;
import io.pollwatt.twin.site.Enterprise;
import io.pollwatt.twin.site.FacilityKind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationGeneratorTest {

    private static final Instant START = Instant.parse("2026-02-28T16:00:00Z");

    @Test
    void generated_enterprises_are_valid_sized_as_asked_and_reproducible() {
        Seeds seeds = new Seeds(99);
        for (int i = 0; i < 200; i++) {
            String id = "E%04d".formatted(i);
            int size = 4 + i % 40;
            Enterprise e = PopulationGenerator.enterprise(id, size, seeds.streamFor("population/" + id));
            assertThat(e.facilities()).hasSize(size);
            assertThat(e.facilities(FacilityKind.MAIN)).hasSize(1);
            assertThat(e.facilities(FacilityKind.TREAT)).isNotEmpty();
            assertThat(e).isEqualTo(PopulationGenerator.enterprise(id, size, seeds.streamFor("population/" + id)));
        }
    }

    @Test
    void random_faults_run_in_the_twin() {
        Seeds seeds = new Seeds(5);
        Enterprise e = PopulationGenerator.enterprise("E1", 30, seeds.streamFor("population/E1"));
        List<Fault> faults = PopulationGenerator.faults(e, 10, START, Duration.ofDays(1), seeds.streamFor("faults/E1"));
        assertThat(faults).hasSize(10);
        Twin twin = new Twin(e, faults, seeds, ZoneId.of("Asia/Shanghai"), START);
        twin.advanceTo(START.plus(Duration.ofDays(1)));
        assertThat(twin.samples()).hasSize(30);
    }
}
