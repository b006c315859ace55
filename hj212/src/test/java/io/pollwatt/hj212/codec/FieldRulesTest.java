package io.pollwatt.hj212.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollwatt.hj212.frame.Crc16;
import io.pollwatt.hj212.message.CpPair;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The field rules of hj212-2017.md that the vectors do not reach: Table 4's types and ranges, where Chinese text may
 * stand (§13), what an upload and an answer carry (§9.3, Table 9), a data flag as an item of its own (§18).
 */
class FieldRulesTest {

    private static final String HEAD =
            "QN=20240315103000123;ST=32;CN=%s;PW=123456;MN=0123456789ABCDEF01234567;Flag=%s;";

    /** A whole frame around {@code segment}: the length in bytes, the CRC, CR LF. */
    static byte[] frame(String segment) {
        byte[] seg = segment.getBytes(StandardCharsets.UTF_8);
        String text = "##%04d%s%s\r\n".formatted(seg.length, segment, Crc16.toHex(Crc16.compute(seg)));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String segment(String cn, String flag, String cp) {
        return HEAD.formatted(cn, flag) + "CP=&&" + cp + "&&";
    }

    private static Decoded strict(String cn, String flag, String cp, Direction direction) {
        return Hj212Codec.strict().decode(frame(segment(cn, flag, cp)), direction);
    }

    private static Decoded lenient(String cn, String flag, String cp, Direction direction) {
        return Hj212Codec.lenient().decode(frame(segment(cn, flag, cp)), direction);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "1062, RtdInterval, 10",
        "1062, RtdInterval, 3601",
        "1064, MinInterval, 7",
        "1064, MinInterval, 60",
        "1000, OverTime, 0",
        "1000, ReCount, 0",
        "1072, NewPW, abc-defgh",
    })
    void a_table_4_value_out_of_its_range_is_a_deviation(String cn, String name, String value) {
        Decoded s = strict(cn, "5", name + "=" + value, Direction.DOWN);
        assertThat(s).isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(Hj212Error.BAD_VALUE);
            assertThat(r.field()).isEqualTo(name);
        });
        Decoded l = lenient(cn, "5", name + "=" + value, Direction.DOWN);
        assertThat(l)
                .isInstanceOfSatisfying(
                        Decoded.Ok.class,
                        ok -> assertThat(ok.warnings())
                                .anySatisfy(w -> assertThat(w.code()).isEqualTo(Hj212Error.BAD_VALUE)));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "9011, QnRtn, abc",
        "9012, ExeRtn, ok",
        "9011, QnRtn, 1000",
        "1000, ReCount, 100",
        "1062, RtdInterval, 9x",
        "3016, CstartTime, 250000",
    })
    void a_table_4_value_of_the_wrong_type_is_rejected_in_both_modes(String cn, String name, String value) {
        for (Hj212Codec codec : new Hj212Codec[] {Hj212Codec.strict(), Hj212Codec.lenient()}) {
            Decoded d = codec.decode(frame(segment(cn, "5", name + "=" + value)), Direction.UNKNOWN);
            assertThat(d).as(codec.mode().toString()).isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
                assertThat(r.code()).isEqualTo(Hj212Error.BAD_VALUE);
                assertThat(r.field()).isEqualTo(name);
            });
        }
    }

    @Test
    void values_within_table_4_pass_strict() {
        assertThat(strict("1062", "5", "RtdInterval=900", Direction.DOWN)).isInstanceOf(Decoded.Ok.class);
        assertThat(strict("1064", "5", "MinInterval=15", Direction.DOWN)).isInstanceOf(Decoded.Ok.class);
        assertThat(strict("1000", "5", "OverTime=10;ReCount=3", Direction.DOWN)).isInstanceOf(Decoded.Ok.class);
        assertThat(strict("9011", "4", "QnRtn=1", Direction.UP)).isInstanceOf(Decoded.Ok.class);
        assertThat(strict("2021", "5", "DataTime=20240315103000;SB1-RS=1", Direction.UP))
                .isInstanceOf(Decoded.Ok.class);
    }

    @Test
    void a_facility_state_is_one_digit() {
        assertThat(strict("2021", "5", "DataTime=20240315103000;SB1-RS=x", Direction.UP))
                .isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
                    assertThat(r.code()).isEqualTo(Hj212Error.BAD_VALUE);
                    assertThat(r.field()).isEqualTo("SB1-RS");
                });
    }

    @Test
    void chinese_text_stands_only_in_log_values() {
        String[] outside = {
            "DataTime=20240315103000;PolId=w//中//;i12001-Info=1", // '//' not at the start of the value
            "DataTime=20240315103000;i12001-Info=1//运行//", // nor here
            "DataTime=20240315103000;w01018-SN=//序列号//", // a value starting with '//', but not log text
        };
        for (String cp : outside) {
            for (Hj212Codec codec : new Hj212Codec[] {Hj212Codec.strict(), Hj212Codec.lenient()}) {
                assertThat(codec.decode(frame(segment("3020", "4", cp)), Direction.UP))
                        .as(cp)
                        .isInstanceOfSatisfying(
                                Decoded.Rejected.class,
                                r -> assertThat(r.code()).isEqualTo(Hj212Error.NON_ASCII));
            }
        }
        assertThat(strict("3020", "4", "DataTime=20240315103000;PolId=w01018;i12001-Info=//运行正常//", Direction.UP))
                .isInstanceOf(Decoded.Ok.class);
    }

    @Test
    void non_ascii_text_is_named_before_a_missing_cp() {
        String segment = HEAD.formatted("2011", "4").replace("MN=0123456789ABCDEF01234567", "MN=中");
        Decoded d = Hj212Codec.lenient().decode(frame(segment), Direction.UP);
        assertThat(d)
                .isInstanceOfSatisfying(
                        Decoded.Rejected.class, r -> assertThat(r.code()).isEqualTo(Hj212Error.NON_ASCII));
    }

    @Test
    void log_text_is_shorter_than_890_bytes() {
        String log = "i11001-Info=//" + "a".repeat(890) + "//";
        assertThat(Hj212Codec.lenient().decode(frame(segment("3020", "4", "DataTime=20240315103000;" + log))))
                .isInstanceOfSatisfying(
                        Decoded.Ok.class,
                        ok -> assertThat(ok.warnings()).anySatisfy(w -> {
                            assertThat(w.code()).isEqualTo(Hj212Error.BAD_VALUE);
                            assertThat(w.field()).isEqualTo("i11001-Info");
                        }));
        String shorter = "i11001-Info=//" + "a".repeat(889) + "//";
        assertThat(Hj212Codec.lenient().decode(frame(segment("3020", "4", "DataTime=20240315103000;" + shorter))))
                .isInstanceOfSatisfying(
                        Decoded.Ok.class,
                        ok -> assertThat(ok.warnings())
                                .noneSatisfy(w -> assertThat(w.code()).isEqualTo(Hj212Error.BAD_VALUE)));
    }

    @Test
    void an_upload_needs_data_besides_its_data_time() {
        assertThat(strict("2011", "5", "DataTime=20240315103000", Direction.UP))
                .isInstanceOfSatisfying(
                        Decoded.Rejected.class, r -> assertThat(r.code()).isEqualTo(Hj212Error.EMPTY_CP));
        // downward, the same CN with a DataTime is not an upload
        assertThat(strict("2011", "5", "DataTime=20240315103000", Direction.UNKNOWN))
                .isInstanceOf(Decoded.Ok.class);
    }

    @Test
    void a_real_time_upload_with_interval_values_is_a_deviation() {
        String cp = "DataTime=20240315103000;a21026-Rtd=1.0,a21026-Avg=1.2,a21026-Flag=N";
        assertThat(strict("2011", "5", cp, Direction.UP)).isInstanceOfSatisfying(Decoded.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(Hj212Error.BAD_VALUE);
            assertThat(r.field()).isEqualTo("a21026-Avg");
        });
        assertThat(lenient("2011", "5", cp, Direction.UP)).isInstanceOf(Decoded.Ok.class);
        assertThat(strict("2051", "5", cp, Direction.UP)).isInstanceOf(Decoded.Ok.class);
    }

    @Test
    void a_data_answer_carries_an_empty_cp() {
        assertThat(strict("9014", "4", "QnRtn=1", Direction.DOWN))
                .isInstanceOfSatisfying(
                        Decoded.Rejected.class, r -> assertThat(r.code()).isEqualTo(Hj212Error.BAD_VALUE));
        assertThat(lenient("9014", "4", "QnRtn=1", Direction.DOWN)).isInstanceOf(Decoded.Ok.class);
        assertThat(strict("9014", "4", "", Direction.DOWN)).isInstanceOf(Decoded.Ok.class);
    }

    @Test
    void a_data_flag_as_an_item_of_its_own_is_accepted_with_a_warning() {
        for (Hj212Codec codec : new Hj212Codec[] {Hj212Codec.strict(), Hj212Codec.lenient()}) {
            Decoded d = codec.decode(
                    frame(segment("2011", "4", "DataTime=20240315103000;a34001-Rtd=92;Flag=N")), Direction.UP);
            assertThat(d)
                    .isInstanceOfSatisfying(
                            Decoded.Ok.class,
                            ok -> assertThat(ok.warnings()).anySatisfy(w -> {
                                assertThat(w.code()).isEqualTo(Hj212Error.BAD_DATA_FLAG);
                                assertThat(w.field()).isEqualTo("Flag");
                            }));
        }
    }

    @Test
    void a_segment_over_1024_bytes_is_flagged_under_a_character_count_length() {
        String log = "i11001-Info=//" + "日志".repeat(200) + "//"; // 1,200 bytes, 400 characters
        String segment = segment("3020", "4", "DataTime=20240315103000;" + log);
        byte[] seg = segment.getBytes(StandardCharsets.UTF_8);
        int chars = segment.codePointCount(0, segment.length());
        byte[] f = "##%04d%s%s\r\n"
                .formatted(chars, segment, Crc16.toHex(Crc16.compute(seg)))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(seg.length).isGreaterThan(1024);
        assertThat(chars).isLessThanOrEqualTo(1024);
        assertThat(Hj212Codec.lenient().decode(f))
                .isInstanceOfSatisfying(
                        Decoded.Ok.class,
                        ok -> assertThat(ok.warnings())
                                .extracting(Warning::code)
                                .contains(Hj212Error.LENGTH_MISMATCH, Hj212Error.OVERSIZED));
    }

    @Test
    void a_value_holds_no_control_characters() {
        assertThatThrownBy(() -> new CpPair("i11001-Info", "//ab\r\n##0000//"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control character 0x0D");
    }
}
