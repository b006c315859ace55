package io.pollwatt.emulator.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.emulator.code.FactorCodeTable;
import io.pollwatt.emulator.code.Quantity;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.message.DataUpload;
import io.pollwatt.hj212.message.Hj212Message;
import io.pollwatt.hj212.packet.Packetizer;
import io.pollwatt.twin.electric.MeterCondition;
import io.pollwatt.twin.electric.MeterView;
import io.pollwatt.twin.electric.ThreePhaseLoad;
import io.pollwatt.twin.electric.Wiring;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordBuilderTest {

    private static final String MN = "010000A8900016F000169DC0";
    private static final LocalDateTime T = LocalDateTime.of(2026, 3, 1, 8, 15);

    private static MeterPoll.Read read(int meter, double kw, Wiring wiring) {
        return new MeterPoll.Read(
                meter,
                MeterView.measure(ThreePhaseLoad.balanced(220, kw, 0.85, 50), wiring, MeterCondition.NORMAL),
                12345.678,
                0);
    }

    @Test
    void realtime_records_are_strict_hj212_and_carry_every_quantity() {
        RecordBuilder b = new RecordBuilder(FactorCodeTable.pollwattDefault(), RecordBuilder.ALL, MN, "123456");
        Hj212Message m = b.realtime(T, T.plusSeconds(2), List.of(read(1, 55, Wiring.THREE_PHASE_FOUR_WIRE)));
        Decoded d = Hj212Codec.strict().decode(Hj212Codec.encode(m, Direction.UP), Direction.UP);
        assertThat(d.ok()).as("%s", d).isTrue();
        DataUpload up = (DataUpload) m;
        assertThat(up.dataTimeText()).isEqualTo("20260301081500");
        assertThat(up.factor("g71301").orElseThrow().literal("Rtd")).contains("55.000");
        assertThat(up.factor("g71801").orElseThrow().literal("Rtd")).contains("12345.68");
        assertThat(up.factor("g71601").orElseThrow().literal("Rtd")).contains("0.850");
        assertThat(up.factors()).hasSize(19);
        assertThat(m.header().flag().bits()).isEqualTo(5);
        assertThat(m.header().st().text()).isEqualTo("51");
    }

    @Test
    void three_wire_meters_leave_out_what_they_do_not_measure_and_lost_polls_are_flagged_b() {
        RecordBuilder b = new RecordBuilder(FactorCodeTable.pollwattDefault(), RecordBuilder.ALL, MN, "123456");
        DataUpload up = (DataUpload)
                b.realtime(T, T, List.of(read(1, 20, Wiring.THREE_PHASE_THREE_WIRE), new MeterPoll.Lost(2)));
        assertThat(up.factor("g70401")).isEmpty(); // UA
        assertThat(up.factor("g71001")).isEmpty(); // PA
        assertThat(up.factor("g71302").orElseThrow().flagLetter()).contains("B");
        assertThat(up.factor("g71302").orElseThrow().rtd()).isEmpty();
    }

    @Test
    void a_thirty_meter_dtu_record_splits_into_strict_packets() {
        RecordBuilder b = new RecordBuilder(FactorCodeTable.pollwattDefault(), RecordBuilder.ALL, MN, "123456");
        List<MeterPoll> polls = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            polls.add(read(i, 10 + i, Wiring.THREE_PHASE_FOUR_WIRE));
        }
        List<Hj212Message> packets = Packetizer.split(b.realtime(T, T, polls));
        assertThat(packets.size()).isGreaterThan(10);
        for (Hj212Message p : packets) {
            assertThat(Hj212Codec.strict()
                            .decode(Hj212Codec.encode(p, Direction.UP), Direction.UP)
                            .ok())
                    .isTrue();
        }
    }

    @Test
    void interval_records_carry_energy_as_cou_and_power_statistics() {
        RecordBuilder b = new RecordBuilder(FactorCodeTable.pollwattDefault(), RecordBuilder.ALL, MN, "123456");
        DataUpload up = (DataUpload) b.interval(
                T, T.plusMinutes(15), List.of(new RecordBuilder.IntervalStats(3, 13.75, 55.0, 50.125, 60.5)));
        assertThat(up.cn().text()).isEqualTo("2051");
        assertThat(up.factor("g71803").orElseThrow().literal("Cou")).contains("13.75");
        assertThat(up.factor("g71303").orElseThrow().literal("Min")).contains("50.125");
        assertThat(Hj212Codec.strict()
                        .decode(Hj212Codec.encode(up, Direction.UP), Direction.UP)
                        .ok())
                .isTrue();
    }

    @Test
    void numbers_are_plain_fixed_decimals() {
        assertThat(RecordBuilder.number(-0.0001, 3)).isEqualTo("0.000");
        assertThat(RecordBuilder.number(1e-7, 2)).isEqualTo("0.00");
        assertThat(RecordBuilder.number(123456789.125, 2)).isEqualTo("123456789.13");
        assertThat(FactorCodeTable.withCodes(java.util.Map.of(Quantity.P, "e7P0"))
                        .code(Quantity.P, 4))
                .isEqualTo("e7P004");
    }
}
