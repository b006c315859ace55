package io.pollwatt.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.verification.validation.RuleSweep;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's input checks and its summary line; the run itself is ValidateRulesIT's. */
class ValidateRulesCommandTest {

    @Test
    void bad_options_exit_2_before_anything_runs(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        assertThat(TestbedRun.run("validate-rules", "--population", "0", "--out", out.toString()))
                .satisfies(r -> {
                    assertThat(r.exitCode()).isEqualTo(2);
                    assertThat(r.err()).contains("--population must be at least 1, got 0");
                });
        assertThat(TestbedRun.run("validate-rules", "--start", "March", "--out", out.toString())
                        .err())
                .contains("--start must look like 2026-03-02 or 2026-03-02T00:00, got 'March'");
        assertThat(TestbedRun.run("validate-rules", "--fault-rate", "-1", "--out", out.toString())
                        .err())
                .contains("--fault-rate must be 0…100 faults per enterprise and day, got -1.0");

        Path rules = dir.resolve("rules.properties");
        Files.writeString(rules, "alm.noSuchKey=3\n", StandardCharsets.UTF_8);
        TestbedRun badRules = TestbedRun.run("validate-rules", "--rules", rules.toString(), "--out", out.toString());
        assertThat(badRules.exitCode()).isEqualTo(2);
        assertThat(badRules.err()).contains("unknown rule key 'alm.noSuchKey'");

        Path table = dir.resolve("sweeps.txt");
        Files.writeString(table, "ALM-01 alm.notRunningMinMin 30 sixty\n", StandardCharsets.UTF_8);
        TestbedRun badTable = TestbedRun.run("validate-rules", "--sweeps", table.toString(), "--out", out.toString());
        assertThat(badTable.exitCode()).isEqualTo(2);
        assertThat(badTable.err())
                .contains(table + ":1: expected a number for alm.notRunningMinMin, got 'sixty'")
                .contains("1 problem(s) in the sweep table; nothing ran");
        assertThat(out).doesNotExist();
    }

    @Test
    void help_names_every_option() {
        TestbedRun r = TestbedRun.run("validate-rules", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains(
                        "--population", "--days", "--seed", "--out", "--start", "--rules", "--fault-rate", "--sweeps");
    }

    @Test
    void the_summary_gives_the_default_and_the_range_over_the_sweep() {
        RuleSweep s = new RuleSweep(
                "ALM-01",
                "alm.notRunningMinMin",
                new BigDecimal("30"),
                List.of(
                        new RuleSweep.Measured(new BigDecimal("30"), 2, 1, 1, 3, 2.0 / 3, 2.0 / 3),
                        new RuleSweep.Measured(new BigDecimal("120"), 0, 0, 3, 0, null, 0.0)));

        assertThat(ValidateRulesCommand.summary(s))
                .isEqualTo("ALM-01 alm.notRunningMinMin=30 (default): precision 0.67 recall 0.67 (tp 2, fp 1, fn 1);"
                        + " over 30…120: precision 0.67, recall 0.00–0.67");
    }
}
