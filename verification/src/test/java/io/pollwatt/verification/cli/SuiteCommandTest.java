package io.pollwatt.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.hj212.vectors.Vectors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteCommandTest {

    @TempDir
    Path tmp;

    /** One case per valid and invalid vector and mode, one per CRC vector. */
    private static int expectedCases() {
        return 2 * Vectors.load("valid.jsonl").size()
                + 2 * Vectors.load("invalid.jsonl").size()
                + Vectors.load("crc.jsonl").size();
    }

    @Test
    void passes_on_the_shared_vectors() {
        TestbedRun run = TestbedRun.run(
                "suite", "--conformance-only", "--vectors", Vectors.hj212Dir().toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        List<String> lines = run.lines();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("suite: " + expectedCases() + " passed, 0 failed");
        assertThat(run.out()).doesNotContain("FAIL").doesNotContain("scenarios:");
    }

    @Test
    void fails_when_a_vector_expects_another_reason_code() throws IOException {
        Path dir = copyOfVectors(tmp.resolve("vectors"));
        replaceOnce(
                dir.resolve("invalid.jsonl"),
                "\"id\": \"crc-data-altered\"",
                "\"reason_code\": \"BAD_CRC\"",
                "\"reason_code\": \"BAD_LENGTH_FIELD\"");

        TestbedRun run = TestbedRun.run("suite", "--conformance-only", "--vectors", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        List<String> lines = run.lines();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("suite: " + (expectedCases() - 1) + " passed, 1 failed");
        assertThat(lines)
                .filteredOn(l -> l.startsWith("FAIL "))
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains("invalid.jsonl:1 crc-data-altered (strict)")
                        .contains("expected BAD_LENGTH_FIELD")
                        .contains("BAD_CRC"));
    }

    @Test
    void fails_when_a_valid_vector_expects_other_fields_or_a_crc_vector_another_crc() throws IOException {
        Path dir = copyOfVectors(tmp.resolve("vectors"));
        replaceOnce(
                dir.resolve("valid.jsonl"),
                "\"id\": \"pub-std-appA-1062\"",
                "\"RtdInterval\": \"30\"",
                "\"RtdInterval\": \"31\"");
        replaceOnce(dir.resolve("crc.jsonl"), "\"id\": \"check-123456789\"", "\"crc\": \"2F80\"", "\"crc\": \"4B37\"");

        TestbedRun run = TestbedRun.run("suite", "--conformance-only", "--vectors", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("FAIL valid.jsonl:1 pub-std-appA-1062 (lenient): fields differ")
                .contains("FAIL crc.jsonl:3 check-123456789: expected CRC 4B37, got 2F80")
                .endsWith("suite: " + (expectedCases() - 2) + " passed, 2 failed\n");
    }

    @Test
    void a_cp_in_another_order_is_a_failure() throws IOException {
        Path dir = copyOfVectors(tmp.resolve("vectors"));
        Path valid = dir.resolve("valid.jsonl");
        String text = Files.readString(valid, StandardCharsets.UTF_8);
        String swapped = text.replace(
                "\"CP\": {\"DataTime\": \"20190924220000\", \"a34006-Avg\": \"2.69700\",",
                "\"CP\": {\"a34006-Avg\": \"2.69700\", \"DataTime\": \"20190924220000\",");
        assertThat(swapped).isNotEqualTo(text);
        Files.writeString(valid, swapped, StandardCharsets.UTF_8);

        TestbedRun run = TestbedRun.run("suite", "--conformance-only", "--vectors", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("pub-icecoffee-2061 (lenient): fields differ");
    }

    @Test
    void an_unreadable_vector_line_or_an_empty_file_is_a_failure() throws IOException {
        Path dir = copyOfVectors(tmp.resolve("vectors"));
        Files.writeString(
                dir.resolve("invalid.jsonl"),
                "{broken\n" + Files.readString(dir.resolve("invalid.jsonl"), StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("crc.jsonl"), "\n", StandardCharsets.UTF_8);

        TestbedRun run = TestbedRun.run("suite", "--conformance-only", "--vectors", dir.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL invalid.jsonl:1:").contains("FAIL crc.jsonl: no vectors");
    }

    @Test
    void the_default_folder_is_beside_the_repository_named_by_pollwatt_home() throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("work/repo"));
        copyOfVectors(tmp.resolve("work/shared/vectors/hj212"));
        String before = System.getProperty(SuiteCommand.HOME_PROPERTY);
        System.setProperty(SuiteCommand.HOME_PROPERTY, repo.toString());
        try {
            TestbedRun run = TestbedRun.run("suite", "--conformance-only");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .contains(tmp.resolve("work/shared/vectors/hj212").toString());
        } finally {
            if (before == null) {
                System.clearProperty(SuiteCommand.HOME_PROPERTY);
            } else {
                System.setProperty(SuiteCommand.HOME_PROPERTY, before);
            }
        }
    }

    @Test
    void a_missing_vector_folder_or_file_is_exit_2_naming_it() throws IOException {
        TestbedRun noDir = TestbedRun.run(
                "suite",
                "--conformance-only",
                "--vectors",
                tmp.resolve("nowhere").toString());
        Path dir = copyOfVectors(tmp.resolve("vectors"));
        Files.delete(dir.resolve("crc.jsonl"));
        TestbedRun noFile = TestbedRun.run("suite", "--conformance-only", "--vectors", dir.toString());

        assertThat(noDir.exitCode()).isEqualTo(2);
        assertThat(noDir.err()).contains(tmp.resolve("nowhere").toString());
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains(dir.resolve("crc.jsonl").toString());
    }

    @Test
    void output_is_the_same_from_run_to_run() {
        String dir = Vectors.hj212Dir().toString();

        assertThat(TestbedRun.run("suite", "--conformance-only", "--vectors", dir)
                        .out())
                .isEqualTo(TestbedRun.run("suite", "--conformance-only", "--vectors", dir)
                        .out());
    }

    private static Path copyOfVectors(Path target) throws IOException {
        Files.createDirectories(target);
        for (String file : ConformanceSuite.FILES) {
            Files.copy(Vectors.hj212Dir().resolve(file), target.resolve(file));
        }
        return target;
    }

    /** Replaces {@code from} by {@code to} in the one line of {@code file} that contains {@code marker}. */
    private static void replaceOnce(Path file, String marker, String from, String to) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int hits = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                assertThat(lines.get(i)).contains(from);
                lines.set(i, lines.get(i).replace(from, to));
                hits++;
            }
        }
        assertThat(hits).as("lines with %s in %s", marker, file).isEqualTo(1);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    @Test
    void runs_the_selected_scenarios_after_the_conformance_cases_and_writes_the_reports() throws IOException {
        Path out = tmp.resolve("report");
        TestbedRun run = TestbedRun.run(
                "suite", "--vectors", Vectors.hj212Dir().toString(), "--tags", "@matrix-21", "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        List<String> lines = run.lines();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("scenarios: 1 passed, 0 failed, 0 skipped"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("suite: " + (expectedCases() + 1) + " passed, 0 failed");
        // the frozen meter is scored against the truth: DQ-12 detected it
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("rule DQ-12: recall 1/1"));
        assertThat(out.resolve("cucumber-junit.xml")).content().contains("DQ-12");
        assertThat(out.resolve("cucumber.html")).exists();
        assertThat(out.resolve("summary.json"))
                .content()
                .contains("\"scenarios\":{\"passed\":1,\"failed\":0")
                .contains("\"rule\":\"DQ-12\",\"expected\":1,\"detected\":1");
        assertThat(out.resolve("index.html")).content().contains("电表冻结");
        assertThat(lines).contains("report: " + out.resolve("index.html").toAbsolutePath());
    }

    private static final String FROZEN_METER = """
            Feature: 自己写的场景
              Scenario: 电表冻结 3 小时
                Given 现场档案:
                  \"\"\"
                  id: S0901
                  name: 自测企业
                  district: 临平区
                  industry: 纺织
                  shifts: ["08:00-20:00"]
                  points:
                    - {id: M1, name: 企业总进线, kind: MAIN, meter: {ct: 300/5}}
                    - {id: P1, name: 1#定型机, kind: PROD, meter: {ct: 150/5}, load: {shape: STEADY, ratedKw: 55}}
                    - {id: T1, name: 1#引风机, kind: TREAT, meter: {ct: 50/5}, load: {shape: STEADY, ratedKw: 15}}
                  groups:
                    - {id: G1, members: [T1]}
                  associations:
                    - {production: P1, groups: G1}
                  faults:
                    - {kind: frozen-meter, target: P1, start: 2026-03-01T01:00, duration: 3h}
                  \"\"\"
                When 从 "2026-03-01T00:00" 起运行 6 小时
                Then 平台产生告警 "DQ-12"
                And 平台不产生告警 "%s"
            """;

    @Test
    void feature_files_of_ones_own_run_and_one_that_does_not_parse_fails_alone_with_its_place() throws IOException {
        Path features = Files.createDirectories(tmp.resolve("features"));
        Files.writeString(features.resolve("a_good.feature"), FROZEN_METER.formatted("ALM-01"));
        Files.writeString(features.resolve("b_typo.feature"), FROZEN_METER.formatted("alm-01"));
        Files.writeString(
                features.resolve("d_undefined.feature"),
                FROZEN_METER.formatted("ALM-01").replace("Then 平台产生告警 \"DQ-12\"", "Then 平台产生了告警 \"DQ-12\""));
        Files.writeString(
                features.resolve("c_broken.feature"),
                "@own @rule ALM-01\n" + FROZEN_METER.formatted("ALM-01"),
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("report");
        TestbedRun run = TestbedRun.run(
                "suite",
                "--vectors",
                Vectors.hj212Dir().toString(),
                "--features",
                features.toString(),
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        List<String> lines = run.lines();
        // the file with a tag holding a space is named with its line and column, and left out
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("FAIL scenario feature " + features.resolve("c_broken.feature") + ":1:")
                        .contains("whitespace"));
        // a rule named in lower case is no rule: the check fails instead of passing for nothing
        assertThat(run.out()).contains("no rule 'alm-01'");
        // a step without a definition is named with its line
        assertThat(lines)
                .anySatisfy(l -> assertThat(l)
                        .contains("d_undefined.feature")
                        .contains("no step definition for 'Then 平台产生了告警 \"DQ-12\"' (line 22"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("scenarios: 1 passed, 3 failed"));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("suite: " + (expectedCases() + 1) + " passed, 3 failed");
        assertThat(out.resolve("summary.json")).exists();
    }

    @Test
    void a_bad_tag_expression_or_a_missing_feature_path_is_exit_2_naming_it() {
        TestbedRun tags = TestbedRun.run(
                "suite",
                "--vectors",
                Vectors.hj212Dir().toString(),
                "--tags",
                "@matrix and",
                "--out",
                tmp.resolve("r1").toString());
        assertThat(tags.exitCode()).isEqualTo(2);
        assertThat(tags.err()).contains("--tags:");

        TestbedRun missing = TestbedRun.run(
                "suite",
                "--vectors",
                Vectors.hj212Dir().toString(),
                "--features",
                tmp.resolve("nowhere").toString(),
                "--out",
                tmp.resolve("r2").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no feature file or folder " + tmp.resolve("nowhere"));
    }
}
