package io.pollwatt.platform.rules.dq;

import static io.pollwatt.platform.rules.dq.DqTesting.at;
import static io.pollwatt.platform.rules.dq.DqTesting.config;
import static io.pollwatt.platform.rules.dq.DqTesting.evaluate;
import static io.pollwatt.platform.rules.dq.DqTesting.fill;
import static io.pollwatt.platform.rules.dq.DqTesting.liveVoltages;
import static io.pollwatt.platform.rules.dq.DqTesting.varying;
import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.platform.rules.EnterpriseFixture;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.state.OperatingState;
import org.junit.jupiter.api.Test;

/** DQ-12 and the §10 matrix row 21. */
class ConstantValueTest {

    private static final ConstantValue RULE = new ConstantValue();

    /** P1 (P_on 10, so P_off 8) with a live load around {@code base} except {@code frozen}, and live voltages. */
    private static EnterpriseFixture plant(String pattern) {
        EnterpriseFixture f = EnterpriseFixture.day().prod("P1", 10, 50).power("P1", pattern);
        return liveVoltages(f, "P1");
    }

    @Test
    void row21FrozenMeterSamePowerForThreeHoursIsDq12AndNoDataWhileOpen() {
        DqTesting.Result r = evaluate(plant(varying(40, 8) + " 45x12 " + varying(40, 76)), RULE);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("DQ-12");
            assertThat(f.subtype()).isEqualTo("power");
            assertThat(f.key()).isEqualTo("P1/power");
            assertThat(f.start()).isEqualTo(at(8));
            assertThat(f.raisedAt()).isEqualTo(at(15)); // the 8th identical sample
            assertThat(f.end()).isEqualTo(at(20)); // closes at the first sample that differs
            assertThat(f.level()).isEqualTo(2); // 3 h
            assertThat(f.evidence()).containsEntry("P", 45.0).containsEntry("pOffKw", 8.0);
        });
        OperatingState[] states = r.e().state("P1");
        assertThat(states[14]).isEqualTo(OperatingState.RUN);
        for (int i = 15; i < 20; i++) {
            assertThat(states[i]).as("sample %d", i).isEqualTo(OperatingState.NO_DATA);
        }
        assertThat(states[20]).isEqualTo(OperatingState.RUN);
    }

    @Test
    void sevenIdenticalSamplesAreBelowEightReachIt() {
        assertThat(evaluate(plant(varying(40, 8) + " 45x7 " + varying(40, 81)), RULE)
                        .findings())
                .isEmpty();
        assertThat(evaluate(plant(varying(40, 8) + " 45x8 " + varying(40, 80)), RULE)
                        .findings())
                .extracting(Finding::raisedAt)
                .containsExactly(at(15));
    }

    @Test
    void onlyAPointAtOrAboveItsStopThresholdCounts() {
        // P_off = 0.8 · 10 kW = 8 kW; an OFF point reading a constant is no fault
        assertThat(evaluate(plant(varying(40, 8) + " 7.99x12 " + varying(40, 76)), RULE)
                        .findings())
                .isEmpty();
        assertThat(evaluate(plant(varying(40, 8) + " 8x12 " + varying(40, 76)), RULE)
                        .findings())
                .hasSize(1);
        assertThat(evaluate(plant("0x96"), RULE).findings()).isEmpty();
    }

    @Test
    void constantEpsWidensIdentical() {
        String pattern = varying(40, 8) + " 45 45.4 45 45.4 45 45.4 45 45.4 45 45.4 " + varying(40, 78);
        assertThat(evaluate(plant(pattern), RULE).findings()).isEmpty();
        assertThat(evaluate(plant(pattern), config("dq.constantEps", "0.39"), RULE)
                        .findings())
                .isEmpty();
        assertThat(evaluate(plant(pattern), config("dq.constantEps", "0.4"), RULE)
                        .findings())
                .hasSize(1);
    }

    @Test
    void oneMissingSampleIsBridgedTwoEndTheRun() {
        assertThat(evaluate(plant(varying(40, 8) + " 45x4 - 45x3 " + varying(40, 80)), RULE)
                        .findings())
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.start()).isEqualTo(at(8));
                    assertThat(f.raisedAt()).isEqualTo(at(15));
                });
        assertThat(evaluate(plant(varying(40, 8) + " 45x4 - - 45x4 " + varying(40, 78)), RULE)
                        .findings())
                .isEmpty();
    }

    @Test
    void frozenVoltagesAreDq12InEveryStateButNotDuringAnOutage() {
        // the fixture's voltages are exactly nominal on every sample: frozen
        EnterpriseFixture f = EnterpriseFixture.day().prod("P1", 10, 50).power("P1", "0x96");
        assertThat(evaluate(f, RULE).findings()).singleElement().satisfies(a -> {
            assertThat(a.subtype()).isEqualTo("voltage");
            assertThat(a.key()).isEqualTo("P1/voltage");
            assertThat(a.start()).isEqualTo(at(0));
            assertThat(a.raisedAt()).isEqualTo(at(7));
            assertThat(a.open()).isTrue();
        });
        // an outage: every MAIN voltage below 0.1 · U_n over samples 0…89 leaves 6 frozen samples, below 8
        EnterpriseFixture outage = EnterpriseFixture.day()
                .main("M", 10, 100)
                .prod("P1", 10, 50)
                .power("M", varying(60, 96))
                .power("P1", "0x96");
        liveVoltages(outage, "M");
        for (String q : new String[] {"UA", "UB", "UC"}) {
            fill(outage, "M", 0, 90, q, 0);
        }
        assertThat(evaluate(outage, RULE).findings())
                .filteredOn(a -> a.key().equals("P1/voltage"))
                .isEmpty();
        for (String q : new String[] {"UA", "UB", "UC"}) {
            fill(outage, "M", 0, 88, q, 0);
            fill(outage, "M", 88, 90, q, 230);
        }
        assertThat(evaluate(outage, RULE).findings())
                .filteredOn(a -> a.key().equals("P1/voltage"))
                .extracting(Finding::start)
                .containsExactly(at(88));
    }
}
