package io.pollwatt.verification.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollwatt.platform.alarms.Alarm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RulePatternTest {

    private static Alarm alarm(String rule, String subtype) {
        return new Alarm(
                1,
                "E1",
                rule,
                1,
                "P1",
                subtype,
                List.of("P1"),
                List.of(),
                LocalDateTime.of(2026, 3, 1, 8, 0),
                LocalDateTime.of(2026, 3, 1, 8, 0),
                null,
                3,
                Alarm.Status.OPEN,
                null,
                false,
                Map.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void a_mistyped_or_unknown_rule_fails_naming_the_rules() {
        for (String wrong : new String[] {"alm-01", "ALM-99", "ALM-1", "XX-*", "*", "DQ-08d"}) {
            assertThatThrownBy(() -> RulePattern.parse(wrong))
                    .as(wrong)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no rule '" + wrong + "'")
                    .hasMessageContaining("ALM-01");
        }
    }

    @Test
    void a_rulebook_part_names_its_rule_and_subtype() {
        RulePattern b = RulePattern.parse("DQ-08b");
        assertThat(b.matches(alarm("DQ-08", "phase"))).isTrue();
        assertThat(b.matches(alarm("DQ-08", "total"))).isFalse();
        assertThat(RulePattern.parse("DQ-08a").matches(alarm("DQ-08", "total"))).isTrue();
        assertThat(RulePattern.parse("DQ-08c").matches(alarm("DQ-08", "signAlternation")))
                .isTrue();
        assertThat(RulePattern.parse("DQ-08").matches(alarm("DQ-08", "phase"))).isTrue();
    }

    @Test
    void a_prefix_names_every_rule_that_starts_so() {
        RulePattern dq = RulePattern.parse("DQ-*");
        assertThat(dq.matches(alarm("DQ-14", "ratioStep"))).isTrue();
        assertThat(dq.matches(alarm("ALM-01", null))).isFalse();
        assertThat(RulePattern.parse("ALM-01").matches(alarm("ALM-01", "lateStart")))
                .isTrue();
        assertThat(RulePattern.parse("ALM-01").matches(alarm("ALM-011", null))).isFalse();
    }

    /** Every rule the catalogue's alarm steps name is one the patterns know. */
    @Test
    void every_rule_the_catalogue_names_is_known() throws IOException, URISyntaxException {
        java.net.URI uri = getClass().getResource("/features").toURI();
        java.nio.file.FileSystem opened = null;
        if ("jar".equals(uri.getScheme())) { // the catalogue as scenario-specs' jar
            try {
                opened = java.nio.file.FileSystems.newFileSystem(uri, Map.of());
            } catch (java.nio.file.FileSystemAlreadyExistsException e) {
                // another test has it open: read through that one
            }
        }
        try {
            named(Path.of(uri));
        } finally {
            if (opened != null) {
                opened.close();
            }
        }
    }

    private static void named(Path features) throws IOException {
        Pattern step = Pattern.compile("(?:产生告警|不产生告警|告警) \"([^\"]+)\"|^\\s*\\|\\s*((?:DQ|ALM|VOC)-[^|\\s]+)\\s*\\|");
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(features)) {
            files.filter(f -> f.toString().endsWith(".feature")).forEach(f -> {
                try {
                    for (String line : Files.readAllLines(f)) {
                        Matcher m = step.matcher(line);
                        while (m.find()) {
                            named.add(m.group(1) != null ? m.group(1) : m.group(2));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertThat(named).contains("ALM-01", "DQ-*");
        named.removeIf(n -> n.startsWith("<")); // an outline's placeholder, filled from its examples
        named.forEach(RulePattern::parse);
    }
}
