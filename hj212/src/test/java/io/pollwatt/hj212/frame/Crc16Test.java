package io.pollwatt.hj212.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Crc16Test {

    /** Appendix A, written out bit by bit: the reference the table-driven routine must match. */
    private static int bitwise(byte[] data) {
        int reg = 0xFFFF;
        for (byte b : data) {
            reg = (reg >>> 8) ^ (b & 0xFF);
            for (int j = 0; j < 8; j++) {
                int lsb = reg & 1;
                reg >>>= 1;
                if (lsb != 0) {
                    reg ^= 0xA001;
                }
            }
        }
        return reg;
    }

    @Test
    void table_driven_crc_equals_the_appendix_a_algorithm_on_random_input() {
        Random random = new Random(1);
        for (int i = 0; i < 2_000; i++) {
            byte[] data = new byte[random.nextInt(1100)];
            random.nextBytes(data);
            assertThat(Crc16.compute(data)).isEqualTo(bitwise(data));
        }
    }

    @Test
    void the_low_byte_is_always_one_of_eight_values() {
        Random random = new Random(2);
        for (int i = 0; i < 2_000; i++) {
            byte[] data = new byte[1 + random.nextInt(64)];
            random.nextBytes(data);
            assertThat(Crc16.compute(data) & 0xFF).isIn(0x00, 0x01, 0x40, 0x41, 0x80, 0x81, 0xC0, 0xC1);
        }
    }

    @Test
    void differs_from_crc16_modbus_and_prints_upper_case_zero_padded() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(Crc16.toHex(Crc16.compute(check))).isEqualTo("2F80"); // MODBUS would give 4B37
        assertThat(Crc16.toHex(0x0880)).isEqualTo("0880");
        assertThat(Crc16.toHex(Crc16.compute(new byte[0]))).isEqualTo("FFFF");
    }
}
