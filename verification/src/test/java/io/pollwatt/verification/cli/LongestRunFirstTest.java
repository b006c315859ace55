package io.pollwatt.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.core.feature.FeatureParser;
import io.cucumber.core.gherkin.Feature;
import io.cucumber.core.gherkin.Pickle;
import io.cucumber.core.resource.Resource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LongestRunFirstTest {

    private static final String FEATURE = """
            Feature: 排序
              Scenario: 短
                When 从 "2026-03-01T20:00" 起运行 6 小时

              Scenario: 一天
                When 从 "2026-03-01T00:00" 起运行 1 天

              Scenario: 两个企业三天
                Given 现场档案:
                  \"\"\"
                  id: A
                  \"\"\"
                And 现场档案:
                  \"\"\"
                  id: B
                  \"\"\"
                When 从 "2026-03-01T00:00" 起运行 3 天

              Scenario: 三十四天
                When 从 "2026-02-28T00:00" 起运行 34 天

              Scenario: 也是一天
                When 从 "2026-03-02T00:00" 起运行 1 天

              Scenario: 不运行
                Then 平台不产生告警 "ALM-01"
            """;

    private static List<Pickle> pickles() {
        Resource resource = new Resource() {
            @Override
            public URI getUri() {
                return URI.create("classpath:features/order.feature");
            }

            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(FEATURE.getBytes(StandardCharsets.UTF_8));
            }
        };
        Feature feature =
                new FeatureParser(UUID::randomUUID).parseResource(resource).orElseThrow();
        return feature.getPickles();
    }

    @Test
    void the_costliest_run_goes_first_and_equal_costs_keep_their_order() {
        List<Pickle> ordered = new LongestRunFirst().orderPickles(pickles());

        assertThat(ordered).extracting(Pickle::getName).containsExactly("三十四天", "两个企业三天", "一天", "也是一天", "短", "不运行");
    }

    @Test
    void a_site_weighs_its_points_in_small_sites_and_a_ready_site_is_read_by_its_name() {
        assertThat(LongestRunFirst.weight("id: A")).isEqualTo(1);
        String twelve = "points:\n" + "  - {id: P, kind: PROD}\n".repeat(6) + "  - id: T\n    kind: TREAT\n".repeat(6);
        assertThat(LongestRunFirst.weight(twelve)).isEqualTo(4);
        assertThat(LongestRunFirst.weight(io.pollwatt.verification.site.ReadySites.text("company-55")
                        .orElseThrow()))
                .isGreaterThan(15);
    }

    @Test
    void a_scenarios_cost_is_its_longest_run_in_days_times_its_sites() {
        List<Pickle> p = pickles();
        assertThat(LongestRunFirst.cost(p.get(0))).isEqualTo(0.25);
        assertThat(LongestRunFirst.cost(p.get(2))).isEqualTo(6);
        assertThat(LongestRunFirst.cost(p.get(5))).isZero();
    }
}
