package io.pollwatt.verification.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollwatt.emulator.fleet.DevicePlan;
import io.pollwatt.platform.archive.ArchiveReader;
import io.pollwatt.platform.archive.SiteArchive;
import io.pollwatt.verification.site.SiteFile;
import org.junit.jupiter.api.Test;

class SiteAliasTest {

    private static final String DERIVED = """
            id: S0101   # a scenario site
            name: 场景测试企业
            district: 临平区
            industry: 纺织
            shifts: ["08:00-20:00"]
            points:
              - {id: M1, name: 总进线, kind: MAIN, meter: {ct: 300/5}}
              - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
            faults:
              - {kind: enterprise-outage, target: S0101, start: 2026-03-01T10:00, duration: 1h}
            """;

    @Test
    void renames_the_enterprise_and_derives_the_devices_mns_from_the_new_name_as_the_platform_does() throws Exception {
        SiteFile site = SiteFile.parse("s.yaml", DERIVED);

        SiteAlias a = SiteAlias.of("S0101", DERIVED, site.devices(), "k3x9z");

        assertThat(a.alias()).isEqualTo("S0101-k3x9z");
        SiteArchive archive = ArchiveReader.parse("alias.yaml", a.text());
        assertThat(archive.id()).isEqualTo("S0101-k3x9z");
        String sent = a.plan().dtus().get(0).mn();
        assertThat(sent)
                .isEqualTo(ArchiveReader.derivedMn("S0101-k3x9z", 'D', 1))
                .isNotEqualTo(site.devices().dtus().get(0).mn());
        assertThat(a.mns()).containsEntry(site.devices().dtus().get(0).mn(), sent);
        assertThat(a.plan().dtus().get(0).meters())
                .isEqualTo(site.devices().dtus().get(0).meters());
        // the faults stay the twin's: only the top-level id is renamed
        assertThat(a.text()).contains("target: S0101,");
    }

    @Test
    void replaces_explicit_mns_in_the_file_and_in_the_plan_alike() throws Exception {
        String text = DERIVED.replace("faults:", """
                devices:
                  - {mn: 0123456789ABCDEF01234567, pw: "654321", points: [M1, P1]}
                faults:""");
        SiteFile site = SiteFile.parse("s.yaml", text);

        SiteAlias a = SiteAlias.of("S0101", text, site.devices(), "run1");

        String sent = a.plan().dtus().get(0).mn();
        assertThat(sent).matches("[0-9A-F]{24}").isNotEqualTo("0123456789ABCDEF01234567");
        assertThat(a.text()).doesNotContain("0123456789ABCDEF01234567").contains("mn: " + sent);
        assertThat(ArchiveReader.parse("alias.yaml", a.text()).dtus())
                .anySatisfy(d -> assertThat(d.mn()).isEqualTo(sent));
        assertThat(a.plan().dtus().get(0).pw()).isEqualTo("654321");
    }

    @Test
    void keeps_a_long_id_within_the_formats_32_characters() throws Exception {
        String id = "E-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123";
        String text = DERIVED.replace("S0101", id);

        SiteAlias a = SiteAlias.of(
                id,
                text,
                DevicePlan.derived(id, java.util.List.of("M1", "P1"), java.util.List.of(), java.util.Set.of()),
                "abcdef");

        assertThat(a.alias()).hasSize(32).endsWith("-abcdef");
        assertThat(ArchiveReader.parse("alias.yaml", a.text()).id()).isEqualTo(a.alias());
    }

    @Test
    void a_file_without_its_id_line_or_a_bad_tag_is_refused_by_name() throws Exception {
        SiteFile site = SiteFile.parse("s.yaml", DERIVED);

        assertThatThrownBy(() -> SiteAlias.of("S9999", DERIVED, site.devices(), "t1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no top-level line 'id: S9999'");
        assertThatThrownBy(() -> SiteAlias.of("S0101", DERIVED, site.devices(), "not-a-tag"))
                .hasMessageContaining("run tag");
    }
}
