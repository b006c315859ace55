package io.pollwatt.platform.rules.voc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.pollwatt.platform.rules.EnterpriseData;
import io.pollwatt.platform.rules.EnterpriseFixture;
import io.pollwatt.platform.rules.Finding;
import io.pollwatt.platform.rules.Rule;
import io.pollwatt.platform.rules.RuleConfig;
import io.pollwatt.platform.rules.RuleEngine;
import io.pollwatt.platform.rules.Series;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** VOC-01…05 on recorded analyser and meter series. */
class VocRulesTest {

    private static final RuleConfig LIMIT_60 = RuleConfig.of(Map.of("voc.tvocLimit@E1", "60"));

    private static LocalDateTime at(int i) {
        return EnterpriseFixture.DAY.plusMinutes(15L * i);
    }

    /** Production P1 needs fan T1; both discharge through stack S1. */
    private static EnterpriseFixture plant() {
        return EnterpriseFixture.day()
                .prod("P1", 10, 50)
                .treat("T1", 2, 20)
                .needs("P1", "T1")
                .stack("S1", List.of("P1"), List.of("T1"));
    }

    /** Runs {@code rules} after {@code adjust} changed the built data (e.g. analyser flags). */
    private static List<Finding> run(
            EnterpriseFixture f, RuleConfig config, Consumer<Series> stackAdjust, Rule... rules) {
        RuleConfig.Values v = config.forEnterprise("E1");
        EnterpriseData d = f.build(v);
        stackAdjust.accept(d.stacks().get("S1"));
        return new RuleEngine(List.of(rules)).evaluate(d, v);
    }

    // VOC-01

    @Test
    void voc01TwoHoursAboveTheLimitAreOneFindingRaisedWhenTheFirstHourCloses() {
        List<Finding> f = plant().stackValue("S1", "TVOC", "40x40 61x8 40x48").run(LIMIT_60, new TvocOverLimit());
        assertThat(f).singleElement().satisfies(a -> {
            assertThat(a.ruleId()).isEqualTo("VOC-01");
            assertThat(a.key()).isEqualTo("S1");
            assertThat(a.start()).isEqualTo(at(40));
            assertThat(a.raisedAt()).isEqualTo(at(43));
            assertThat(a.end()).isEqualTo(at(48));
            assertThat(a.level()).isEqualTo(2); // 120 min = alm.level2Min
            assertThat(a.evidence().get("hourMeanTvoc")).isEqualTo(61.0);
            assertThat(a.evidence().get("tvocLimit")).isEqualTo(60.0);
        });
    }

    @Test
    void voc01ThresholdJustBelowAndJustAboveOnTheHourlyMean() {
        assertThat(plant().stackValue("S1", "TVOC", "40x40 60x4 40x52").run(LIMIT_60, new TvocOverLimit()))
                .isEmpty();
        // one sample at 64.4 and three at 59: hourly mean 60.35 > 60 though most samples are below
        assertThat(plant().stackValue("S1", "TVOC", "40x40 64.4 59x3 40x52").run(LIMIT_60, new TvocOverLimit()))
                .extracting(Finding::start, Finding::end)
                .containsExactly(tuple(at(40), at(44)));
    }

    @Test
    void voc01OnePerRunOfConsecutiveHours() {
        assertThat(plant().stackValue("S1", "TVOC", "40x40 61x4 40x4 61x4 40x44")
                        .run(LIMIT_60, new TvocOverLimit()))
                .extracting(Finding::start)
                .containsExactly(at(40), at(48));
    }

    @Test
    void voc01IsIdleWithoutAnEnteredLimit() {
        assertThat(plant().stackValue("S1", "TVOC", "400x96").run(new TvocOverLimit()))
                .isEmpty();
    }

    @Test
    void voc05FlaggedSamplesDoNotCountAndAnHourNeedsThreeOfFour() {
        // (a fresh fixture each time: the built data share the fixture's series)
        // one sample in calibration: 3 usable samples, still a valid hour
        assertThat(run(over(), LIMIT_60, s -> s.flag(40, "TVOC", "C"), new TvocOverLimit()))
                .hasSize(1);
        // two samples in maintenance: not a valid hour
        assertThat(run(over(), LIMIT_60, s -> s.flag(40, "TVOC", "M").flag(41, "TVOC", "M"), new TvocOverLimit()))
                .isEmpty();
        // T (above range) is usable
        assertThat(run(over(), LIMIT_60, s -> s.flag(40, "TVOC", "T").flag(41, "TVOC", "T"), new TvocOverLimit()))
                .hasSize(1);
        // a flagged high sample is left out of the mean
        String spike = "40x40 200 50x3 40x52";
        assertThat(run(plant().stackValue("S1", "TVOC", spike), LIMIT_60, s -> {}, new TvocOverLimit()))
                .hasSize(1); // mean 87.5
        assertThat(run(
                        plant().stackValue("S1", "TVOC", spike),
                        LIMIT_60,
                        s -> s.flag(40, "TVOC", "D"),
                        new TvocOverLimit()))
                .isEmpty(); // mean 50
    }

    private static EnterpriseFixture over() {
        return plant().stackValue("S1", "TVOC", "40x40 61x4 40x52");
    }

    // VOC-02

    private static EnterpriseFixture running() {
        return plant().power("P1", "0x8 50x16 0x72").power("T1", "0x8 20x16 0x72");
    }

    @Test
    void voc02NoFlowWhileTheFanRunsThresholdJustBelowAndJustAbove() {
        assertThat(running().stackValue("S1", "VELOCITY", "5x10 0.4 5x85").run(new NoFlow()))
                .isEmpty();
        assertThat(running().stackValue("S1", "VELOCITY", "5x10 0.5x2 5x84").run(new NoFlow()))
                .isEmpty();
        assertThat(running().stackValue("S1", "VELOCITY", "5x10 0.4x2 5x84").run(new NoFlow()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.ruleId()).isEqualTo("VOC-02");
                    assertThat(a.key()).isEqualTo("S1");
                    assertThat(a.start()).isEqualTo(at(10));
                    assertThat(a.raisedAt()).isEqualTo(at(11));
                    assertThat(a.end()).isEqualTo(at(12));
                    assertThat(a.level()).isEqualTo(3);
                    assertThat(a.evidence().get("velocity")).isEqualTo(0.4);
                    assertThat(a.evidence().get("groups")).isEqualTo(Map.of("T1", "RUN"));
                });
    }

    @Test
    void voc02NoFlowWithTheFanOffIsNothing() {
        assertThat(running().stackValue("S1", "VELOCITY", "0x96").run(new NoFlow()))
                .extracting(Finding::start, Finding::end)
                .containsExactly(tuple(at(8), at(24)));
        assertThat(plant().power("P1", "0x96")
                        .power("T1", "0x96")
                        .stackValue("S1", "VELOCITY", "0x96")
                        .run(new NoFlow()))
                .isEmpty();
    }

    // VOC-03

    private static EnterpriseFixture idle() {
        return plant().power("P1", "0x96").power("T1", "0x96");
    }

    @Test
    void voc03FlowWithEverySourceOffThresholdJustBelowAndJustAbove() {
        assertThat(idle().stackValue("S1", "VELOCITY", "0x40 0.5 0x55").run(new FlowWithoutSource()))
                .isEmpty();
        assertThat(idle().stackValue("S1", "VELOCITY", "0x40 0.49x2 0x54").run(new FlowWithoutSource()))
                .isEmpty();
        assertThat(idle().stackValue("S1", "VELOCITY", "0x40 0.5x2 0x54").run(new FlowWithoutSource()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.ruleId()).isEqualTo("VOC-03");
                    assertThat(a.start()).isEqualTo(at(40));
                    assertThat(a.raisedAt()).isEqualTo(at(41));
                    assertThat(a.end()).isEqualTo(at(42));
                    assertThat(a.related()).containsExactly("P1", "T1");
                });
    }

    @Test
    void voc03FlowWhileTheFanRunsIsNothing() {
        assertThat(plant().power("P1", "0x96")
                        .power("T1", "0x40 20x8 0x48")
                        .stackValue("S1", "VELOCITY", "0x40 6x8 0x48")
                        .run(new FlowWithoutSource()))
                .isEmpty();
    }

    // VOC-04

    /** TVOC alternating 20/21 (never constant) except {@code value} over samples [from, from + n). */
    private static String tvoc(int from, int n, double value) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 96; i++) {
            b.append(i >= from && i < from + n ? value : 20 + i % 2).append(' ');
        }
        return b.toString();
    }

    private static EnterpriseFixture producing() {
        return plant().power("P1", "0x8 50x40 0x48").power("T1", "0x8 20x40 0x48");
    }

    @Test
    void voc04ConstantTvocWhileProductionRunsThresholdJustBelowAndJustAbove() {
        assertThat(producing().stackValue("S1", "TVOC", tvoc(12, 7, 30)).run(new ConstantTvoc()))
                .isEmpty();
        assertThat(producing().stackValue("S1", "TVOC", tvoc(12, 8, 30)).run(new ConstantTvoc()))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.ruleId()).isEqualTo("VOC-04");
                    assertThat(a.subtype()).isEqualTo("constant");
                    assertThat(a.start()).isEqualTo(at(12));
                    assertThat(a.raisedAt()).isEqualTo(at(19));
                    assertThat(a.end()).isEqualTo(at(20));
                    assertThat(a.level()).isEqualTo(2);
                    assertThat(a.evidence().get("tvoc")).isEqualTo(30.0);
                });
    }

    @Test
    void voc04ZeroTvocWhileProductionRuns() {
        assertThat(producing().stackValue("S1", "TVOC", tvoc(12, 8, 0)).run(new ConstantTvoc()))
                .extracting(Finding::subtype, Finding::start, Finding::raisedAt)
                .containsExactly(tuple("zero", at(12), at(19)));
    }

    @Test
    void voc04ConstantWithinTheConfiguredEpsilon() {
        // 20/21 alternation differs by 1: constant once dq.constantEps is 1, production 02:00–12:00 = 40 samples
        RuleConfig eps = RuleConfig.of(Map.of("dq.constantEps", "1"));
        assertThat(producing().stackValue("S1", "TVOC", tvoc(0, 0, 0)).run(eps, new ConstantTvoc()))
                .extracting(Finding::start, Finding::raisedAt, Finding::end, Finding::level)
                .containsExactly(tuple(at(8), at(15), at(48), 1));
    }

    @Test
    void voc04ConstantTvocWithProductionOffIsNothing() {
        assertThat(plant().power("P1", "0x96")
                        .power("T1", "0x96")
                        .stackValue("S1", "TVOC", "0x96")
                        .run(new ConstantTvoc()))
                .isEmpty();
    }

    @Test
    void voc05AFaultFlaggedTvocDoesNotCountAsConstant() {
        // two D-flagged samples inside the run: a gap of two, the run is split
        assertThat(run(
                        producing().stackValue("S1", "TVOC", tvoc(12, 8, 30)),
                        RuleConfig.defaults(),
                        s -> s.flag(15, "TVOC", "D").flag(16, "TVOC", "D"),
                        new ConstantTvoc()))
                .isEmpty();
        // one flagged sample is bridged (§0) and counts in the length
        assertThat(run(
                        producing().stackValue("S1", "TVOC", tvoc(12, 8, 30)),
                        RuleConfig.defaults(),
                        s -> s.flag(15, "TVOC", "M"),
                        new ConstantTvoc()))
                .extracting(Finding::start, Finding::raisedAt)
                .containsExactly(tuple(at(12), at(19)));
    }
}
