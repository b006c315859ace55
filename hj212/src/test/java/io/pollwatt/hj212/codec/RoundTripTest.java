package io.pollwatt.hj212.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pollwatt.hj212.fixtures.Messages;
import io.pollwatt.hj212.message.Cn;
import io.pollwatt.hj212.message.Command;
import io.pollwatt.hj212.message.Cp;
import io.pollwatt.hj212.message.CpItem;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Flag;
import io.pollwatt.hj212.message.Header;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.message.Qn;
import io.pollwatt.hj212.message.Reply;
import io.pollwatt.hj212.message.St;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    private static final long SEED = 20261128L;

    @Test
    void generated_messages_survive_encode_then_strict_decode_unchanged() {
        Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            Hj212Message message = Messages.random(random);
            byte[] frame = Hj212Codec.encode(message);
            Decoded decoded = Hj212Codec.strict().decode(frame);
            assertThat(decoded).as("message %d: %s", i, message).isInstanceOf(Decoded.Ok.class);
            assertThat(((Decoded.Ok) decoded).message()).as("message %d", i).isEqualTo(message);
            assertThat(Hj212Codec.encode(((Decoded.Ok) decoded).message())).isEqualTo(frame);
        }
    }

    @Test
    void numeric_values_keep_their_literal_text() {
        Hj212Message m = Hj212Message.of(
                header(Cn.REALTIME_DATA),
                Cp.of(CpItem.of("DataTime", "20240301081500"), CpItem.of("g70101-Rtd", "1.230")));
        Decoded.Ok ok = (Decoded.Ok) Hj212Codec.strict().decode(Hj212Codec.encode(m));
        DataUpload upload = (DataUpload) ok.message();
        assertThat(upload.factor("g70101").orElseThrow().literal("Rtd")).contains("1.230");
        assertThat(upload.factor("g70101").orElseThrow().rtd().orElseThrow().scale())
                .isEqualTo(3);
    }

    @Test
    void every_message_kind_is_produced_by_classification() {
        Set<Class<?>> produced = Set.of(
                        Hj212Message.of(header(Cn.DATA_ANSWER), Cp.EMPTY).getClass(),
                        Hj212Message.of(header(Cn.REALTIME_DATA), Cp.of(CpItem.of("DataTime", "20240301081500")))
                                .getClass(),
                        Hj212Message.of(header(Cn.SET_REALTIME_INTERVAL), Cp.of(CpItem.of("RtdInterval", "30")))
                                .getClass())
                .stream()
                .collect(Collectors.toSet());
        assertThat(produced)
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(Hj212Message.class.getPermittedSubclasses()));
        assertThat(produced).containsExactlyInAnyOrder(Reply.class, DataUpload.class, Command.class);
    }

    @Test
    void strict_encoding_refuses_content_that_is_not_hj212_2017() {
        Header lenientPw = new Header(
                Qn.of(LocalDateTime.of(2024, 3, 1, 8, 0)),
                io.pollwatt.hj212.message.SystemCode.of(St.FLUE_GAS_PROCESS),
                io.pollwatt.hj212.message.CommandCode.of(Cn.DATA_ANSWER),
                "BF470F88957588DE902D1A52",
                Messages.MN,
                Flag.of(false, false),
                null,
                java.util.List.of());
        Hj212Message m = Hj212Message.of(lenientPw, Cp.EMPTY);
        assertThatThrownBy(() -> Hj212Codec.encode(m))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BAD_PW")
                .hasMessageContaining("PW");
        assertThat(Hj212Codec.lenient().decode(Hj212Codec.encodeCanonical(m))).isInstanceOf(Decoded.Ok.class);
    }

    @Test
    void answers_copy_the_qn_and_use_st_91_and_flag_4() {
        Hj212Message upload = Messages.electricity2011(2, LocalDateTime.of(2024, 3, 1, 8, 15));
        Reply ack = Reply.dataAnswer(upload.header());
        assertThat(ack.header().qn()).isEqualTo(upload.header().qn());
        assertThat(ack.header().st().text()).isEqualTo("91");
        assertThat(ack.header().flag().bits()).isEqualTo(4);
        assertThat(new String(Hj212Codec.encode(ack), java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("##0087QN=20240301081500000;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;"
                        + "Flag=4;CP=&&&&"
                        + crcOf("QN=20240301081500000;ST=91;CN=9014;PW=123456;"
                                + "MN=010000A8900016F000169DC0;Flag=4;CP=&&&&")
                        + "\r\n");
    }

    private static String crcOf(String segment) {
        return io.pollwatt.hj212.frame.Crc16.toHex(
                io.pollwatt.hj212.frame.Crc16.compute(segment.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private static Header header(Cn cn) {
        return Header.of(
                Qn.of(LocalDateTime.of(2024, 3, 1, 8, 15, 0, 123_000_000)),
                St.FLUE_GAS_PROCESS,
                cn,
                "123456",
                Messages.MN,
                Flag.of(true, false));
    }
}
