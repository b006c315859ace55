package io.pollwatt.certification.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueTest {

    private final Catalogue catalogue = Catalogue.standard();

    @Test
    void the_declaration_selects_cases_by_profile_cns_and_packetisation() {
        Declaration dtu = Declaration.defaults(Profile.DTU_ELECTRICITY, "010000A8900016F000169DC0", "123456");
        CertCase log = catalogue.find("CMD-3020").orElseThrow();
        CertCase agg = catalogue.find("AGG-01").orElseThrow();
        CertCase pkt = catalogue.find("PKT-01").orElseThrow();

        assertThat(Catalogue.whyNot(agg, dtu)).isEmpty();
        assertThat(Catalogue.whyNot(log, dtu)).hasValue("the declaration does not list CN [3020]");
        assertThat(Catalogue.whyNot(pkt, dtu)).hasValue("the declaration says the device does not split messages");

        Declaration voc = Declaration.defaults(Profile.COLLECTOR_VOC, "010000A8900016F000169DC0", "123456");
        assertThat(Catalogue.whyNot(agg, voc)).hasValue("not a case of profile collector-voc");
        assertThat(catalogue.forProfile(Profile.COLLECTOR_VOC))
                .extracting(CertCase::id)
                .doesNotContain("AGG-01");
    }

    @Test
    void every_device_case_has_an_active_or_passive_kind_and_the_active_ones_are_the_three_that_act() {
        assertThat(catalogue.cases().stream()
                        .filter(c -> !c.profiles().contains(Profile.PLATFORM))
                        .filter(c -> c.kind() == CertCase.Kind.ACTIVE)
                        .map(CertCase::id))
                .containsExactlyInAnyOrderElementsOf(Set.of("RTY-01", "RSD-01", "MAL-01"));
    }

    @Test
    void platform_cases_belong_to_the_platform_profile_alone_and_need_a_live_run() {
        assertThat(catalogue.forProfile(Profile.PLATFORM)).isNotEmpty().allSatisfy(c -> {
            assertThat(c.id()).startsWith("PLT-");
            assertThat(c.profiles()).containsExactly(Profile.PLATFORM);
            assertThat(c.kind()).isEqualTo(CertCase.Kind.ACTIVE);
        });
        assertThat(catalogue.forProfile(Profile.DTU_ELECTRICITY))
                .extracting(CertCase::id)
                .noneMatch(id -> id.startsWith("PLT-"));
    }
}
