package io.pollwatt.certification.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeclarationReaderTest {

    @TempDir
    Path dir;

    @Test
    void fields_the_file_lacks_take_the_profile_defaults_and_the_command_line_identity() throws Exception {
        Path f = dir.resolve("d.json");
        Files.writeString(f, "{\"supportedCns\":[2011,3020],\"rtdIntervalSeconds\":60}");

        Declaration d = DeclarationReader.read(f, Profile.DTU_ELECTRICITY, "010000A8900016F000169DC0", "123456");

        assertThat(d.supportedCns()).containsExactlyInAnyOrder(2011, 3020);
        assertThat(d.rtdInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.overTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.mn()).isEqualTo("010000A8900016F000169DC0");
    }

    @Test
    void every_problem_of_a_file_is_reported_with_the_file_and_the_field() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(
                f,
                "{\"profile\":\"dtu\",\"reCount\":\"three\",\"supportedCns\":[20],\"colour\":1,\"zone\":\"Mars/Base\"}");

        DeclarationReader.BadDeclaration e = catchThrowableOfType(
                DeclarationReader.BadDeclaration.class,
                () -> DeclarationReader.read(f, Profile.DTU_ELECTRICITY, "010000A8900016F000169DC0", "1"));

        assertThat(e.problems())
                .hasSize(5)
                .allSatisfy(p -> assertThat(p).startsWith(f.toString() + ": "))
                .anySatisfy(p -> assertThat(p).contains("field 'profile'", "got 'dtu'"))
                .anySatisfy(p -> assertThat(p).contains("field 'reCount'", "expected an integer"))
                .anySatisfy(p -> assertThat(p).contains("field 'supportedCns'", "got 20"))
                .anySatisfy(p -> assertThat(p).contains("unknown field 'colour'"))
                .anySatisfy(p -> assertThat(p).contains("field 'zone'", "Mars/Base"));
    }

    @Test
    void a_value_out_of_range_names_the_field() throws Exception {
        Path f = dir.resolve("range.json");
        Files.writeString(f, "{\"rtdIntervalSeconds\":5}");

        DeclarationReader.BadDeclaration e = catchThrowableOfType(
                DeclarationReader.BadDeclaration.class,
                () -> DeclarationReader.read(f, Profile.DTU_ELECTRICITY, "010000A8900016F000169DC0", "1"));

        assertThat(e.problems()).containsExactly(f + ": rtdIntervalSeconds must be 30..3600, got 5");
    }
}
