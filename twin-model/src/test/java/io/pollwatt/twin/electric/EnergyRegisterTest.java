package io.pollwatt.twin.electric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EnergyRegisterTest {

    @Test
    void energy_is_the_integral_of_power() {
        EnergyRegister r = new EnergyRegister(1000, 0, EnergyRegister.DLT645_MAX_KWH);
        double trueKwh = 0;
        for (int minute = 0; minute < 24 * 60; minute++) {
            double kw = 40 + 10 * Math.sin(minute / 60.0);
            r.integrate(kw, 60);
            trueKwh += kw / 60;
        }
        assertThat(r.importKwh() - 1000).isCloseTo(trueKwh, within(1e-6));
        assertThat(r.exportKwh()).isZero();
    }

    @Test
    void negative_power_runs_the_export_register_and_the_import_register_stops() {
        EnergyRegister r = new EnergyRegister(500, 0, EnergyRegister.DLT645_MAX_KWH);
        r.integrate(-30, 3600);
        assertThat(r.importKwh()).isEqualTo(500);
        assertThat(r.exportKwh()).isCloseTo(30, within(1e-9));
    }

    @Test
    void the_register_wraps_to_zero_past_its_maximum() {
        EnergyRegister r = new EnergyRegister(999_990, 0, EnergyRegister.DLT645_MAX_KWH);
        r.integrate(60, 3600); // +60 kWh
        assertThat(r.importKwh()).isCloseTo(999_990 + 60 - EnergyRegister.DLT645_MAX_KWH, within(1e-6));
    }
}
