package io.pollwatt.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestbedTest {

    @Test
    void prints_its_version() {
        TestbedRun run = TestbedRun.run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("testbed ").contains(Testbed.DEFAULT_VERSION);
    }

    @Test
    void help_lists_the_commands() {
        TestbedRun top = TestbedRun.run("--help");
        TestbedRun hj212 = TestbedRun.run("hj212", "--help");

        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("Usage: testbed").contains("hj212").contains("suite");
        assertThat(hj212.out()).contains("check").contains("decode").contains("encode");
    }

    @Test
    void a_missing_or_unknown_command_is_a_usage_error() {
        TestbedRun none = TestbedRun.run();
        TestbedRun noHj212Command = TestbedRun.run("hj212");
        TestbedRun unknown = TestbedRun.run("frobnicate");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("missing command");
        assertThat(noHj212Command.exitCode()).isEqualTo(2);
        assertThat(noHj212Command.err()).contains("check, decode or encode");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
    }
}
