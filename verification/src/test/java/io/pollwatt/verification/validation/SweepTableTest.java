package io.pollwatt.verification.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollwatt.platform.rules.RuleConfig;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SweepTableTest {

    @Test
    void the_shipped_table_sweeps_known_keys_around_their_defaults() {
        SweepTable t = SweepTable.defaults();

        assertThat(t.sweeps()).extracting(SweepTable.Sweep::rule).contains("ALM-01", "ALM-04", "DQ-12", "DQ-17");
        for (SweepTable.Sweep s : t.sweeps()) {
            BigDecimal def = new BigDecimal(RuleConfig.defaultValues().get(s.key()));
            assertThat(s.values()).as(s.key()).hasSizeGreaterThanOrEqualTo(4);
            // the rulebook's default is among the values, with values on both sides of it where the key allows
            assertThat(s.values()).as(s.key()).anySatisfy(v -> assertThat(v).isEqualByComparingTo(def));
            assertThat(s.values().get(s.values().size() - 1)).as(s.key()).isGreaterThan(def);
        }
        assertThat(t.sweeps().get(0).values())
                .extracting(BigDecimal::toString)
                .containsExactly("30", "45", "60", "90", "120");
    }

    @Test
    void values_are_sorted_once_each_and_the_value_in_effect_is_added() throws Exception {
        SweepTable t = SweepTable.parse("t", "# comment\n\nDQ-12  dq.constantSamples  16 4 8.0 8   # two hours\n");

        SweepTable.Sweep s = t.sweeps().get(0);
        assertThat(s.values()).extracting(BigDecimal::toPlainString).containsExactly("4", "8", "16");
        assertThat(s.valuesWith(new BigDecimal("6")))
                .extracting(BigDecimal::toPlainString)
                .containsExactly("4", "6", "8", "16");
    }

    @Test
    void every_problem_is_reported_with_its_line() {
        String text = String.join(
                "\n",
                "ALM-01 alm.notRunningMinMin 30 60",
                "ALM-1 alm.notRunningMinMin 30",
                "ALM-01 alm.noSuchKey 1",
                "DQ-12 dq.constantSamples four",
                "ALM-01 alm.notRunningMinMin 10",
                "DQ-12 dq.constantSamples");

        assertThatThrownBy(() -> SweepTable.parse("sweeps.txt", text))
                .isInstanceOf(SweepTableException.class)
                .satisfies(e -> assertThat(((SweepTableException) e).errors())
                        .containsExactly(
                                "sweeps.txt:2: expected a rule id like ALM-01 or DQ-08a, got 'ALM-1'",
                                "sweeps.txt:3: expected a rule configuration key (docs/rules.md), got 'alm.noSuchKey'",
                                "sweeps.txt:4: expected a number for dq.constantSamples, got 'four'",
                                "sweeps.txt:5: alm.notRunningMinMin=10 is refused: alm.shortEpisodeMaxMin must be less"
                                        + " than alm.notRunningMinMin, got 15 ≥ 10",
                                "sweeps.txt:6: expected RULE KEY VALUE…, got 'DQ-12 dq.constantSamples'"));
    }

    @Test
    void an_empty_table_is_refused() {
        assertThatThrownBy(() -> SweepTable.parse("empty.txt", "# nothing\n"))
                .isInstanceOf(SweepTableException.class)
                .hasMessage("empty.txt: expected at least one line RULE KEY VALUE…, got none");
    }
}
