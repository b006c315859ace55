package io.pollwatt.hj212.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.pollwatt.hj212.frame.Crc16;
import io.pollwatt.hj212.message.MessageFields;
import io.pollwatt.hj212.vectors.Vectors;
import io.pollwatt.hj212.vectors.Vectors.Vector;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One dynamic test per vector of {@code shared/vectors/hj212}: the expected outcome always comes from the vector
 * (decoded fields, reason codes), never from the code under test.
 */
class VectorConformanceTest {

    @TestFactory
    Stream<DynamicTest> crc_vectors() {
        return Vectors.load("crc.jsonl").stream()
                .map(v -> dynamicTest("crc.jsonl " + v.id(), v.sourceUri(), () -> {
                    byte[] input = v.json().has("input_hex")
                            ? HexFormat.of().parseHex(v.text("input_hex"))
                            : v.text("input").getBytes(StandardCharsets.UTF_8);
                    assertThat(Crc16.toHex(Crc16.compute(input))).isEqualTo(v.text("crc"));
                }));
    }

    @TestFactory
    Stream<DynamicTest> valid_vectors_decode_to_their_fields_in_lenient_mode() {
        return Vectors.load("valid.jsonl").stream()
                .map(v -> dynamicTest("valid.jsonl " + v.id() + " (lenient)", v.sourceUri(), () -> {
                    Decoded d = Hj212Codec.lenient().decode(v.frameBytes(), direction(v));
                    assertThat(d).as("%s", d).isInstanceOf(Decoded.Ok.class);
                    Map<String, Object> fields = MessageFields.of(((Decoded.Ok) d).message());
                    assertThat(fields).isEqualTo(Vectors.plain(v.json().get("fields")));
                }));
    }

    @TestFactory
    Stream<DynamicTest> valid_vectors_pass_strict_mode_exactly_when_they_are_strict() {
        return Vectors.load("valid.jsonl").stream()
                .map(v -> dynamicTest("valid.jsonl " + v.id() + " (strict)", v.sourceUri(), () -> {
                    Decoded d = Hj212Codec.strict().decode(v.frameBytes(), direction(v));
                    if ("strict".equals(v.text("conformance"))) {
                        assertThat(d).as("%s", d).isInstanceOf(Decoded.Ok.class);
                        assertThat(((Decoded.Ok) d).warnings()).isEmpty();
                    } else {
                        assertThat(d).isInstanceOf(Decoded.Rejected.class);
                        String expected = v.text("strict_rejects_with").split(" ")[0];
                        assertThat(((Decoded.Rejected) d).code().name()).isEqualTo(expected);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> lenient_vectors_warn_about_the_deviation_strict_mode_rejects() {
        return Vectors.load("valid.jsonl").stream()
                .filter(v -> "lenient".equals(v.text("conformance")))
                .map(v -> dynamicTest("valid.jsonl " + v.id() + " (warnings)", v.sourceUri(), () -> {
                    Decoded.Ok ok = (Decoded.Ok) Hj212Codec.lenient().decode(v.frameBytes(), direction(v));
                    String expected = v.text("strict_rejects_with").split(" ")[0];
                    assertThat(ok.warnings()).extracting(w -> w.code().name()).contains(expected);
                }));
    }

    @TestFactory
    Stream<DynamicTest> strict_vectors_re_encode_byte_for_byte() {
        return Vectors.load("valid.jsonl").stream()
                .filter(v -> "strict".equals(v.text("conformance")))
                .map(v -> dynamicTest("valid.jsonl " + v.id() + " (re-encode)", v.sourceUri(), () -> {
                    byte[] frame = v.frameBytes();
                    Decoded.Ok ok = (Decoded.Ok) Hj212Codec.strict().decode(frame, direction(v));
                    byte[] encoded = Hj212Codec.encode(ok.message(), direction(v));
                    assertThat(new String(encoded, StandardCharsets.UTF_8))
                            .isEqualTo(new String(frame, StandardCharsets.UTF_8));
                }));
    }

    @TestFactory
    Stream<DynamicTest> lenient_vectors_re_encode_to_the_canonical_form() {
        return Vectors.load("valid.jsonl").stream()
                .filter(v -> "lenient".equals(v.text("conformance")))
                .map(v -> dynamicTest("valid.jsonl " + v.id() + " (canonical)", v.sourceUri(), () -> {
                    Decoded.Ok ok = (Decoded.Ok) Hj212Codec.lenient().decode(v.frameBytes(), direction(v));
                    byte[] canonical = Hj212Codec.encodeCanonical(ok.message());
                    Decoded again = Hj212Codec.lenient().decode(canonical, direction(v));
                    assertThat(again).isInstanceOf(Decoded.Ok.class);
                    Decoded.Ok okAgain = (Decoded.Ok) again;
                    assertThat(okAgain.message()).isEqualTo(ok.message());
                    // framing deviations are gone: canonical form has CR LF, byte length, upper-case CRC, order
                    assertThat(okAgain.warnings())
                            .extracting(Warning::code)
                            .doesNotContain(
                                    Hj212Error.CRC_LOWERCASE,
                                    Hj212Error.BAD_TRAILER,
                                    Hj212Error.LENGTH_MISMATCH,
                                    Hj212Error.FIELD_ORDER,
                                    Hj212Error.UNKNOWN_FIELD);
                    // and a frame whose every deviation was one of those is now strictly conformant
                    boolean onlyFraming = ok.warnings().stream()
                            .allMatch(w -> List.of(
                                            Hj212Error.CRC_LOWERCASE,
                                            Hj212Error.BAD_TRAILER,
                                            Hj212Error.LENGTH_MISMATCH,
                                            Hj212Error.FIELD_ORDER,
                                            Hj212Error.UNKNOWN_FIELD)
                                    .contains(w.code()));
                    if (onlyFraming) {
                        assertThat(Hj212Codec.strict().decode(canonical, direction(v)))
                                .isInstanceOf(Decoded.Ok.class);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> invalid_vectors_are_rejected_with_their_reason_code() {
        return Vectors.load("invalid.jsonl").stream()
                .flatMap(v -> Stream.of(
                        dynamicTest("invalid.jsonl " + v.id() + " (strict)", v.sourceUri(), () -> {
                            Decoded d = Hj212Codec.strict().decode(v.frameBytes(), direction(v));
                            assertThat(d).as("%s", d).isInstanceOf(Decoded.Rejected.class);
                            assertThat(((Decoded.Rejected) d).code().name()).isEqualTo(v.text("reason_code"));
                        }),
                        dynamicTest("invalid.jsonl " + v.id() + " (lenient)", v.sourceUri(), () -> {
                            Decoded d = Hj212Codec.lenient().decode(v.frameBytes(), direction(v));
                            String expected = v.text("lenient_reason_code");
                            if (expected == null) {
                                assertThat(d).as("%s", d).isInstanceOf(Decoded.Ok.class);
                                assertThat(((Decoded.Ok) d).warnings())
                                        .extracting(w -> w.code().name())
                                        .contains(v.text("reason_code"));
                            } else {
                                assertThat(d).as("%s", d).isInstanceOf(Decoded.Rejected.class);
                                assertThat(((Decoded.Rejected) d).code().name()).isEqualTo(expected);
                            }
                        })));
    }

    private static Direction direction(Vector v) {
        return Direction.fromVector(v.text("direction"));
    }
}
