package io.pollwatt.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureOrderTest {

    @Test
    void a_features_length_is_its_longest_run_in_days() {
        assertThat(FeatureOrder.longest("""
                When 从 "2026-03-01T00:00" 起运行 1 天
                When 从 "2026-03-01T20:00" 起运行 6 小时
                When 从 "2026-02-28T00:00" 起运行 34 天
                """)).isEqualTo(34);
        assertThat(FeatureOrder.longest("When 从 \"2026-03-01T20:00\" 起运行 6 小时")).isEqualTo(0.25);
        assertThat(FeatureOrder.longest("Feature: 无运行")).isZero();
    }

    @Test
    void the_catalogue_is_listed_once_per_file_the_longest_run_first() {
        List<String> features = FeatureOrder.longestFirst(getClass().getClassLoader());

        assertThat(features).doesNotHaveDuplicates().allMatch(f -> f.startsWith("classpath:features/"));
        assertThat(features).contains("classpath:features/transmission/resend.feature");
        // the 31-day outage (a 34-day run) is in resend.feature: nothing runs longer
        assertThat(features.get(0)).isEqualTo("classpath:features/transmission/resend.feature");
        assertThat(features).hasSizeGreaterThan(10);
    }
}
