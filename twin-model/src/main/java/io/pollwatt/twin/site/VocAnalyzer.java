package io.pollwatt.twin.site;

/**
 * The VOC analyzer on a stack (排口 VOC 分析仪) and the flue gas it sees (domain-rules §1.3): TVOC rises with production
 * load and falls with treatment; velocity, temperature, pressure and humidity follow the fans.
 *
 * @param rawTvocMgM3 TVOC at full production with treatment off, mg/m³
 * @param removalEfficiency share of TVOC the running treatment removes, [0, 1)
 * @param backgroundTvocMgM3 TVOC with production off
 * @param velocityMs flue-gas velocity with the fans running, m/s
 * @param temperatureC flue-gas temperature, °C
 * @param pressureKpa flue-gas static pressure, kPa
 * @param humidityPercent flue-gas humidity, %
 */
public record VocAnalyzer(
        double rawTvocMgM3,
        double removalEfficiency,
        double backgroundTvocMgM3,
        double velocityMs,
        double temperatureC,
        double pressureKpa,
        double humidityPercent) {

    public VocAnalyzer {
        if (!(rawTvocMgM3 >= 0) || !(backgroundTvocMgM3 >= 0)) {
            throw new IllegalArgumentException("TVOC levels must not be negative");
        }
        if (!(removalEfficiency >= 0 && removalEfficiency < 1)) {
            throw new IllegalArgumentException("removal efficiency must be in [0, 1), got " + removalEfficiency);
        }
        if (!(velocityMs >= 0) || !(humidityPercent >= 0 && humidityPercent <= 100)) {
            throw new IllegalArgumentException("velocity must be >= 0 and humidity 0..100 %");
        }
    }
}
