package io.pollwatt.emulator.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.Hj212Error;
import io.pollwatt.hj212.frame.FrameWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DefectiveFramingTest {

    private static final String LOG_SEGMENT =
            "QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=010000A8900016F000169DC0;"
                    + "Flag=5;CP=&&DataTime=20100301145000;PolId=w01018;i11001-Info=//清洗管路//&&";

    /** Appendix A's example, CRC 1C80: a letter to lower. */
    private static final String APPENDIX_A =
            "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&";

    @Test
    void modbus_crc_is_the_other_algorithm_of_hj212_2017_md_section_4_2() {
        assertThat(DefectiveFraming.modbus("123456789".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(0x4B37);
    }

    @Test
    void each_framing_defect_makes_strict_decoding_reject_the_frame_for_its_own_reason() {
        byte[] frame = FrameWriter.frame(LOG_SEGMENT);
        assertThat(Hj212Codec.strict().decode(frame).ok()).isTrue();

        assertThat(code(DefectiveFraming.rewrite(frame, DtuDefect.WRONG_CRC_VARIANT)))
                .isEqualTo(Hj212Error.BAD_CRC);
        byte[] lower = DefectiveFraming.rewrite(FrameWriter.frame(APPENDIX_A), DtuDefect.LOWERCASE_CRC);
        assertThat(new String(lower, StandardCharsets.US_ASCII)).endsWith("1c80\r\n");
        assertThat(code(lower)).isEqualTo(Hj212Error.CRC_LOWERCASE);
        byte[] chars = DefectiveFraming.rewrite(frame, DtuDefect.LENGTH_IN_CHARACTERS);
        assertThat(new String(chars, 2, 4, StandardCharsets.US_ASCII)).isEqualTo("0144"); // 152 bytes, 144 characters
        assertThat(code(chars)).isEqualTo(Hj212Error.LENGTH_MISMATCH);
    }

    private static Hj212Error code(byte[] frame) {
        return ((Decoded.Rejected) Hj212Codec.strict().decode(frame)).code();
    }
}
