package io.pollwatt.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import org.junit.jupiter.api.Test;

class ChartFontTest {
    @Test
    void the_cjk_font_is_found_by_name_and_draws_the_rulebooks_words() {
        Font font = ChartFont.of(Font.PLAIN, 12, "治污设施停运告警", "企业总表 产污设施 真值");
        assertThat(font.getFamily(java.util.Locale.ROOT)).isEqualTo(ChartFont.FAMILY);
    }

    @Test
    void a_font_the_machine_lacks_fails_naming_the_font_and_its_debian_package() {
        Font fallback = new Font("pollwatt-no-such-font", Font.PLAIN, 12);
        assertThatThrownBy(() -> ChartFont.require(fallback, "治污设施"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("WenQuanYi Micro Hei")
                .hasMessageContaining("fonts-wqy-microhei");
    }

    @Test
    void a_label_the_font_cannot_draw_fails_naming_the_character_and_the_label() {
        String label = "T1 治污风机 \uD80C\uDC00"; // an Egyptian hieroglyph: not in WenQuanYi
        assertThatThrownBy(() -> ChartFont.of(Font.PLAIN, 12, label))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(label)
                .hasMessageContaining("fonts-wqy-microhei");
    }
}
