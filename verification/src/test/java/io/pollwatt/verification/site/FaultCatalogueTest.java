package io.pollwatt.verification.site;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.twin.fault.Fault;
import io.pollwatt.twin.fault.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultCatalogueTest {

    /** A new fault record in the twin fails this test until site files can stage it. */
    @Test
    void covers_every_fault_record_of_the_twin() {
        Set<Class<?>> covered = new HashSet<>();
        FaultCatalogue.KINDS.values().forEach(k -> covered.add(k.type()));

        assertThat(covered).containsExactlyInAnyOrder(Fault.class.getPermittedSubclasses());
    }

    @Test
    void each_kind_builds_its_record_under_its_own_kind_name() {
        Window window = Window.of(Instant.parse("2026-03-01T00:00:00Z"), Duration.ofHours(1));
        for (FaultCatalogue.Kind kind : FaultCatalogue.KINDS.values()) {
            Map<String, Object> values = new HashMap<>();
            for (FaultCatalogue.Param p : kind.params()) {
                values.put(p.name(), sample(p));
            }

            Fault fault = kind.build().apply(new FaultCatalogue.Args("X1", window, values));

            assertThat(fault).isInstanceOf(kind.type());
            assertThat(fault.kind()).isEqualTo(kind.name());
            assertThat(fault.target()).isEqualTo("X1");
            assertThat(fault.window()).isEqualTo(window);
        }
    }

    @Test
    void parameters_are_named_as_the_record_components() {
        for (FaultCatalogue.Kind kind : FaultCatalogue.KINDS.values()) {
            List<String> components = new java.util.ArrayList<>();
            for (var c : kind.type().getRecordComponents()) {
                components.add(c.getName());
            }
            for (FaultCatalogue.Param p : kind.params()) {
                assertThat(components).as("%s of %s", p.name(), kind.name()).contains(p.name());
            }
        }
    }

    private static Object sample(FaultCatalogue.Param p) {
        switch (p.type()) {
            case NUMBER:
                return 0.5;
            case BOOLEAN:
                return true;
            case DURATION:
                return Duration.ofMinutes(5);
            case PHASE:
                return 'b';
            case POINT_ID:
                return "X2";
            case POINT_IDS:
                return java.util.List.of("X2", "X3");
            default:
                throw new IllegalStateException("no sample for " + p.type());
        }
    }
}
