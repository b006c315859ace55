package io.pollwatt.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleConfigTest {

    @Test
    void defaultsAreTheRulebooks() {
        RuleConfig.Values v = RuleConfig.defaults().forEnterprise("any");
        assertThat(v.number("alm.notRunningMinMin")).isEqualTo(30);
        assertThat(v.samples("alm.notRunningMinMin")).isEqualTo(2);
        assertThat(v.samples("alm.lowLoadMinMin")).isEqualTo(4);
        assertThat(v.number("dq.energyPowerMaxHours")).isEqualTo(25);
        assertThat(v.optional("voc.tvocLimit")).isEmpty();
        assertThat(v.stateSettings().hysteresisRatio()).isEqualTo(0.2);
    }

    @Test
    void deploymentAndEnterpriseOverrides() throws Exception {
        RuleConfig c = RuleConfig.load(
                new ByteArrayInputStream("alm.notRunningMinMin=60\nalm.notRunningMinMin@E7=45\nvoc.tvocLimit@E7=60\n"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(c.forEnterprise("E1").number("alm.notRunningMinMin")).isEqualTo(60);
        assertThat(c.forEnterprise("E7").number("alm.notRunningMinMin")).isEqualTo(45);
        assertThat(c.forEnterprise("E7").optional("voc.tvocLimit")).hasValue(60);
        assertThat(c.enterprises()).containsOnlyKeys("E7");
    }

    @Test
    void badConfigurationNamesEveryKey() {
        assertThatThrownBy(() -> RuleConfig.of(Map.of("alm.nope", "1", "dq.offlineMin", "soon")))
                .isInstanceOf(RuleConfigException.class)
                .hasMessageContaining("unknown rule key 'alm.nope'")
                .hasMessageContaining("dq.offlineMin must be a number, got 'soon'");
        // the rulebook rejects a short-episode bound that is not below ALM-01's duration
        assertThatThrownBy(() -> RuleConfig.of(Map.of("alm.shortEpisodeMaxMin@E2", "30")))
                .hasMessageContaining("alm.shortEpisodeMaxMin@E2 must be less than alm.notRunningMinMin");
        assertThatThrownBy(() -> RuleConfig.of(Map.of("state.hysteresisRatio", "1.5")))
                .hasMessageContaining("state.hysteresisRatio");
    }
}
