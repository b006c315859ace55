package io.pollwatt.verification.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.pollwatt.emulator.fleet.DevicePlan;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.twin.random.Seeds;
import io.pollwatt.twin.site.Facility;
import io.pollwatt.twin.site.FacilityKind;
import io.pollwatt.verification.scoring.StagedFault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GeneratedPopulationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant START = Instant.parse("2026-03-01T16:00:00Z");
    private static final Duration DAYS_3 = Duration.ofDays(3);

    private static GeneratedPopulation population(long seed, int count, double faultRate) {
        return GeneratedPopulation.generate(new Seeds(seed), count, 8, START, DAYS_3, faultRate, ZONE);
    }

    @Test
    void one_seed_gives_one_population_and_one_fault_set() {
        GeneratedPopulation a = population(7, 5, 2);
        GeneratedPopulation b = population(7, 5, 2);
        GeneratedPopulation other = population(8, 5, 2);

        assertThat(b.enterprises()).isEqualTo(a.enterprises());
        assertThat(b.faults()).isEqualTo(a.faults());
        assertThat(other.faults()).isNotEqualTo(a.faults());
        // an enterprise's faults do not depend on how many others there are (one stream per enterprise)
        assertThat(population(7, 2, 2).faults().get("V0002"))
                .isEqualTo(a.faults().get("V0002"));
    }

    @Test
    void faults_fall_in_the_run_at_the_rate_asked_for() {
        GeneratedPopulation p = population(3, 20, 1.5); // 4.5 faults per enterprise over 3 days: 4 or 5 each

        assertThat(p.faults().values()).allSatisfy(f -> assertThat(f.size()).isBetween(4, 5));
        List<StagedFault> staged = p.stagedFaults();
        assertThat(staged)
                .hasSize(p.faultKinds().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum());
        assertThat(staged).allSatisfy(s -> {
            assertThat(s.zone()).isEqualTo(ZONE);
            assertThat(s.fault().window().start()).isBetween(START, START.plus(DAYS_3));
        });
        assertThat(population(3, 4, 0).stagedFaults()).isEmpty();
    }

    @Test
    void the_archive_has_every_point_on_the_devices_of_the_plan_with_nameplate_limits() {
        GeneratedPopulation p = population(11, 3, 1);

        for (int i = 0; i < 3; i++) {
            var e = p.enterprises().get(i);
            SiteArchive a = p.archives().get(i);
            DevicePlan plan = p.plans().get(e.id());
            assertThat(a.id()).isEqualTo(e.id());
            assertThat(a.points())
                    .extracting(SiteArchive.Point::id)
                    .containsExactlyElementsOf(
                            e.facilities().stream().map(Facility::id).toList());
            assertThat(a.mns())
                    .containsExactlyElementsOf(Stream.concat(
                                    plan.dtus().stream().map(DevicePlan.DtuPlan::mn),
                                    plan.collectors().stream().map(DevicePlan.CollectorPlan::mn))
                            .toList());
            assertThat(a.dtus().get(0).mn()).isEqualTo(DevicePlan.derivedMn(e.id(), 'D', 1));
            for (Facility f : e.facilities()) {
                SiteArchive.Point ap = a.point(f.id()).orElseThrow();
                assertThat(ap.ct().primary())
                        .isEqualByComparingTo(
                                BigDecimal.valueOf(f.meter().installedCt().primaryAmps()));
                if (f.kind() == FacilityKind.PROD) {
                    assertThat(ap.limits().pOnKw())
                            .hasValueCloseTo(0.2 * f.load().ratedKw(), offset(0.01));
                    assertThat(ap.limits().pRefKw()).isEmpty();
                } else if (f.kind() == FacilityKind.TREAT) {
                    assertThat(ap.limits().pRefKw()).hasValue(f.load().ratedKw());
                } else {
                    assertThat(ap.limits()).isEqualTo(SiteArchive.Limits.NONE);
                }
            }
            assertThat(a.groups()).hasSameSizeAs(e.groups());
            assertThat(a.associations()).hasSameSizeAs(e.associations());
        }
    }

    @Test
    void bad_sizes_are_refused_naming_what() {
        assertThatThrownBy(() -> population(1, 0, 1)).hasMessage("the population needs at least 1 enterprise, got 0");
        assertThatThrownBy(() -> population(1, 2, -1))
                .hasMessage("the fault rate must be ≥ 0 per enterprise and day, got -1.0");
    }
}
