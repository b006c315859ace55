package io.pollwatt.verification.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.pollwatt.emulator.code.FactorCodeTable;
import io.pollwatt.emulator.code.Quantity;
import io.pollwatt.emulator.fleet.DevicePlan;
import io.pollwatt.platform.archive.ArchiveReader;
import io.pollwatt.platform.archive.FactorCodes;
import io.pollwatt.platform.archive.SiteArchive;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The platform keeps its own site-file reader and factor-code table (it must not depend on the twin or the
 * emulators); here both sides are read side by side so that they never drift apart.
 */
class ArchiveAgreementTest {

    @TestFactory
    Stream<DynamicTest> the_platform_reads_the_devices_the_emulators_are_given() {
        return ReadySites.names().stream()
                .map(name -> dynamicTest(name, () -> {
                    SiteFile site = ReadySites.read(name);
                    SiteArchive archive =
                            ArchiveReader.parse(name, ReadySites.text(name).orElseThrow());

                    assertThat(archive.id()).isEqualTo(site.enterprise().id());
                    // the platform's DTUs are the emulated ones, less the meters of points the archive lacks
                    List<SiteArchive.Dtu> expected = new ArrayList<>();
                    for (DevicePlan.DtuPlan d : site.devices().dtus()) {
                        List<SiteArchive.Meter> meters = new ArrayList<>();
                        d.meters().stream()
                                .filter(m -> site.archive().isArchived(m.pointId()))
                                .forEach(m -> meters.add(new SiteArchive.Meter(m.number(), m.pointId())));
                        expected.add(new SiteArchive.Dtu(d.mn(), d.pw(), meters));
                    }
                    assertThat(archive.dtus()).isEqualTo(expected);
                    assertThat(archive.collectors())
                            .isEqualTo(site.devices().collectors().stream()
                                    .map(c -> new SiteArchive.Collector(c.mn(), c.pw(), c.stackId()))
                                    .toList());
                    // archived CT as the archive says, else as installed
                    for (SiteArchive.Point p : archive.points()) {
                        double installed = site.enterprise()
                                .facility(p.id())
                                .orElseThrow()
                                .meter()
                                .installedCt()
                                .factor();
                        double archived = site.archive()
                                .point(p.id())
                                .flatMap(Archive.ArchivedPoint::ct)
                                .map(ct -> ct.factor())
                                .orElse(installed);
                        assertThat(p.ct().primary().doubleValue()
                                        / p.ct().secondary().doubleValue())
                                .as("CT of %s", p.id())
                                .isEqualTo(archived);
                    }
                }));
    }

    @Test
    void both_sides_derive_the_same_mns() {
        for (String id : List.of("E1", "E-HV", "某企业", "x")) {
            for (int k : new int[] {1, 2, 15, 4095}) {
                assertThat(ArchiveReader.derivedMn(id, 'D', k)).isEqualTo(DevicePlan.derivedMn(id, 'D', k));
                assertThat(ArchiveReader.derivedMn(id, 'C', k)).isEqualTo(DevicePlan.derivedMn(id, 'C', k));
            }
        }
    }

    @Test
    void the_platforms_table_reads_every_code_the_emulators_write() {
        FactorCodeTable emulators = FactorCodeTable.pollwattDefault();
        FactorCodes platform = FactorCodes.pollwattDefault();

        for (Quantity q : Quantity.values()) {
            for (int meter : new int[] {1, 9, 10, 99}) {
                assertThat(platform.electric(emulators.code(q, meter) + "-Rtd"))
                        .hasValue(new FactorCodes.Electric(q.name(), meter));
            }
        }
        assertThat(platform.electricQuantities()).hasSize(Quantity.values().length);
    }
}
