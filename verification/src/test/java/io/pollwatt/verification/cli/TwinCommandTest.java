package io.pollwatt.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwinCommandTest {

    @TempDir
    Path tmp;

    private static TestbedRun twin(String site, Path out, String seed, String... more) {
        String[] args = Stream.concat(
                        Stream.of(
                                "twin",
                                "--site",
                                site,
                                "--start",
                                "2026-03-01T00:00",
                                "--seed",
                                seed,
                                "--out",
                                out.toString()),
                        Stream.of(more))
                .toArray(String[]::new);
        return TestbedRun.run(args);
    }

    @Test
    void simulates_a_ready_site_by_name_and_writes_the_four_files() throws IOException {
        Path out = tmp.resolve("out");

        TestbedRun run = twin("textile", out, "7", "--days", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines())
                .singleElement()
                .isEqualTo("twin: sites/textile.yaml (E-TEXTILE 某纺织公司) 30 points, 2 stacks, 0 faults (0 in the"
                        + " run); seed 7; 2026-03-01T00:00 to 2026-03-02T00:00 Asia/Shanghai: 2910 readings, 2880"
                        + " truth rows, 97 stack rows → " + out);
        for (String file : TwinCommand.FILES) {
            assertThat(out.resolve(file)).isRegularFile();
        }
        List<String> readings = Files.readAllLines(out.resolve("readings.csv"), StandardCharsets.UTF_8);
        assertThat(readings).hasSize(1 + 97 * 30);
        assertThat(readings.get(0)).startsWith("time,point,ua_v,");
        assertThat(readings.get(1)).startsWith("2026-03-01T00:00,M1,");
        assertThat(readings.get(readings.size() - 1)).startsWith("2026-03-02T00:00,I01,");
        assertThat(out.resolve("faults.jsonl")).isEmptyFile();
    }

    @Test
    void the_same_arguments_give_byte_identical_files_and_another_seed_other_readings() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");

        assertThat(twin("company-55", a, "11").exitCode()).isZero();
        assertThat(twin("company-55", b, "11").exitCode()).isZero();
        assertThat(twin("company-55", c, "12").exitCode()).isZero();

        for (String file : TwinCommand.FILES) {
            assertThat(Files.readAllBytes(b.resolve(file))).as(file).isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
        assertThat(Files.readAllBytes(c.resolve("readings.csv")))
                .isNotEqualTo(Files.readAllBytes(a.resolve("readings.csv")));
        // the staged faults do not depend on the seed
        assertThat(Files.readAllBytes(c.resolve("faults.jsonl")))
                .isEqualTo(Files.readAllBytes(a.resolve("faults.jsonl")));
        assertThat(Files.readString(a.resolve("faults.jsonl"), StandardCharsets.UTF_8))
                .contains("\"kind\":\"reversed-ct\"")
                .contains("\"kind\":\"register-jump\"");
    }

    @Test
    void simulates_a_site_file_for_several_days() throws IOException {
        Path site = Files.writeString(tmp.resolve("site.yaml"), """
                id: E1
                name: 测试企业
                district: 临平区
                industry: 纺织
                shifts: ["08:00-20:00"]
                points:
                  - {id: M1, name: 总进线, kind: MAIN, meter: {ct: 400/5}}
                  - {id: P1, name: 定型机, kind: PROD, meter: {ct: 200/5}, load: {shape: STEADY, ratedKw: 55}}
                  - {id: T1, name: 引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
                groups:
                  - {id: G1, members: T1}
                associations:
                  - {production: P1, groups: G1}
                faults:
                  - {kind: treatment-off, target: T1, start: 2026-03-02T10:00, duration: 2h}
                  - {kind: treatment-off, target: T1, start: 2026-04-02T10:00, duration: 2h}
                """, StandardCharsets.UTF_8);
        Path out = tmp.resolve("deep/er/out");

        TestbedRun run = twin(site.toString(), out, "3", "--days", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("3 points, 0 stacks, 2 faults (1 in the run)")
                .contains("2026-03-01T00:00 to 2026-03-03T00:00")
                .contains("579 readings");
        assertThat(Files.readAllLines(out.resolve("truth.csv"), StandardCharsets.UTF_8))
                .contains("2026-03-02T11:00,T1,OFF,0.000,0.0000,treatment-off");
    }

    @Test
    void a_site_file_with_problems_prints_every_one_and_writes_nothing() throws IOException {
        Path site = Files.writeString(tmp.resolve("bad.yaml"), """
                id: E1
                name: 测试企业
                district: 临平区
                industry: 纺织
                shifts: ["08:00-20:00"]
                points:
                  - {id: M1, name: 总进线, kind: MAIN, meter: {ct: 400}}
                  - {id: P1, name: 定型机, kind: PROD, meter: {ct: 200/5}, load: {shape: STEADY, ratedKw: -55}}
                  - {id: T1, name: 引风机, kind: TREET, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
                """, StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");

        TestbedRun run = twin(site.toString(), out, "3");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().split("\n"))
                .containsExactly(
                        site + ":7:49: expected the installed CT ratio, like 200/5, got '400'",
                        site + ":8:88: expected a positive power in kW, got '-55'",
                        site + ":9:31: expected one of MAIN, PROD, TREAT, PROD_TREAT, INDIRECT, got 'TREET'",
                        "testbed twin: 3 problems in " + site + "; nothing written");
        assertThat(out).doesNotExist();
    }

    @Test
    void an_unknown_site_a_bad_start_or_bad_days_are_usage_errors() {
        TestbedRun unknown = twin("no-such-site", tmp.resolve("o1"), "1");
        TestbedRun badStart = TestbedRun.run(
                "twin",
                "--site",
                "textile",
                "--start",
                "1 March",
                "--out",
                tmp.resolve("o2").toString());
        TestbedRun noDays = twin("textile", tmp.resolve("o3"), "1", "--days", "0");
        TestbedRun noOut = TestbedRun.run("twin", "--site", "textile", "--start", "2026-03-01T00:00");

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("no site file or ready site 'no-such-site'")
                .contains("textile")
                .contains("company-55");
        assertThat(badStart.exitCode()).isEqualTo(2);
        assertThat(badStart.err()).contains("expected a local date-time like 2026-03-01T00:00, got '1 March'");
        assertThat(noDays.exitCode()).isEqualTo(2);
        assertThat(noDays.err()).contains("--days must be 1..366, got 0");
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.err()).contains("--out");
        assertThat(tmp.resolve("o1")).doesNotExist();
    }

    @Test
    void an_output_folder_that_cannot_be_made_is_reported() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x", StandardCharsets.UTF_8);

        TestbedRun run = twin("food", file.resolve("out"), "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("testbed twin: cannot write " + file.resolve("out"));
    }

    @Test
    void help_names_the_ready_sites() {
        TestbedRun help = TestbedRun.run("twin", "--help");
        TestbedRun top = TestbedRun.run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--site").contains("textile").contains("hv-main");
        assertThat(top.out()).contains("twin");
    }
}
