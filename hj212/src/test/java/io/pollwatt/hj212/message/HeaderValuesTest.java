package io.pollwatt.hj212.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    @Test
    void flag_bits_follow_the_standard() {
        assertThat(Flag.of(false, false).bits()).isEqualTo(4);
        assertThat(Flag.of(true, false).bits()).isEqualTo(5);
        assertThat(Flag.of(false, true).bits()).isEqualTo(6);
        assertThat(Flag.of(true, true).bits()).isEqualTo(7);
        Flag legacy = new Flag("3");
        assertThat(legacy.version()).isZero();
        assertThat(legacy.answerWanted()).isTrue();
        assertThat(legacy.split()).isTrue();
        assertThatThrownBy(() -> new Flag("256")).hasMessageContaining("0..255").hasMessageContaining("256");
    }

    @Test
    void qn_is_the_senders_clock_to_the_millisecond() {
        Qn qn = Qn.of(LocalDateTime.of(2016, 8, 1, 8, 58, 57, 223_000_000));
        assertThat(qn.text()).isEqualTo("20160801085857223");
        assertThat(qn.time()).isEqualTo(LocalDateTime.of(2016, 8, 1, 8, 58, 57, 223_000_000));
        assertThatThrownBy(() -> new Qn("20161301085857223")).hasMessageContaining("20161301085857223");
        assertThatThrownBy(() -> new Qn("2016080108585722")).hasMessageContaining("17 digits");
    }

    @Test
    void packet_numbers_must_lie_within_the_total() {
        assertThat(Packet.of(3, 2).number()).isEqualTo(2);
        assertThatThrownBy(() -> Packet.of(2, 3)).hasMessageContaining("PNO=3 PNUM=2");
        assertThatThrownBy(() -> Packet.of(2, 0)).hasMessageContaining("PNO=0");
    }

    @Test
    void codes_know_their_meaning() {
        assertThat(new CommandCode("2011").known()).contains(Cn.REALTIME_DATA);
        assertThat(new CommandCode("9015").known().orElseThrow().standard()).isFalse();
        assertThat(new CommandCode("2099").known()).isEmpty();
        assertThat(new SystemCode("51").known()).contains(St.FLUE_GAS_PROCESS);
        assertThat(new SystemCode("101").isStrict()).isFalse();
        assertThat(QnRtn.fromCode("10")).contains(QnRtn.UNKNOWN_ERROR);
        assertThat(ExeRtn.fromCode("100")).contains(ExeRtn.NO_DATA);
        assertThat(DataFlag.fromWire("B")).contains(DataFlag.COMMUNICATION_FAILURE);
        assertThat(DataFlag.fromWire("P")).isEmpty();
    }

    @Test
    void cp_values_cannot_break_the_data_area() {
        assertThatThrownBy(() -> new CpPair("w01018-Rtd", "1;2")).hasMessageContaining("w01018-Rtd");
        assertThatThrownBy(() -> new CpPair("a=b", "1")).hasMessageContaining("'='");
        assertThat(new CpPair("i11001-Info", "//清洗;管路,//").value()).contains(";");
        assertThatThrownBy(() -> new CpItem(java.util.List.of())).hasMessageContaining("at least one pair");
    }
}
