package io.pollwatt.hj212.netty;

import static io.pollwatt.hj212.netty.Frames.ascii;
import static io.pollwatt.hj212.netty.Frames.concat;
import static io.pollwatt.hj212.netty.Frames.feed;
import static io.pollwatt.hj212.netty.Frames.received;
import static io.pollwatt.hj212.netty.Frames.vector;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import io.pollwatt.hj212.codec.Decoded;
import io.pollwatt.hj212.codec.Direction;
import io.pollwatt.hj212.codec.Hj212Codec;
import io.pollwatt.hj212.codec.Hj212Error;
import io.pollwatt.hj212.codec.StreamDecoder;
import io.pollwatt.hj212.message.MessageFields;
import io.pollwatt.hj212.vectors.Vectors;
import io.pollwatt.hj212.vectors.Vectors.Vector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Hj212FrameDecoderTest {

    private static final Vector RTD = vector("valid.jsonl", "std-C14-2011-rtd");
    private static final byte[] FRAME = RTD.frameBytes();

    /** A strict receiver's nightmare: a 2000-byte claim whose body holds no '##'. */
    private static final byte[] OVERSIZED =
            concat(ascii("##2000"), ascii("a01-Rtd=1.0;".repeat(170)), ascii("ABCD\r\n"));

    /** Fixed, so a failure replays exactly (style.md §6). */
    private static final long SEED = 0x212_2017L;

    static IntStream chunk_sizes() {
        return IntStream.rangeClosed(1, FRAME.length);
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @MethodSource("chunk_sizes")
    void decodes_a_frame_split_across_tcp_reads(int chunkSize) {
        EmbeddedChannel channel = strictUpChannel();

        feed(channel, FRAME, chunkSize);

        List<ReceivedFrame> received = received(channel);
        assertThat(received).hasSize(1);
        assertIsVector(received.get(0), RTD, 0);
        assertThat(channel.finish()).as("nothing left at close").isFalse();
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 7, 64, 100_000})
    void reports_a_bad_crc_and_decodes_the_good_frame_after_it(int chunkSize) {
        Vector bad = vector("invalid.jsonl", "crc-data-altered");
        EmbeddedChannel channel = strictUpChannel();

        feed(channel, concat(bad.frameBytes(), FRAME), chunkSize);

        List<ReceivedFrame> received = received(channel);
        assertThat(received).hasSize(2);
        assertRejected(received.get(0), Hj212Error.BAD_CRC, 0, bad.frameBytes());
        assertIsVector(received.get(1), RTD, bad.frameBytes().length);
    }

    @Test
    void skips_modem_chatter_before_a_frame_as_one_missing_header() {
        byte[] garbage = ascii("AT+OK\r\n");
        EmbeddedChannel channel = strictUpChannel();

        channel.writeInbound(Unpooled.wrappedBuffer(concat(garbage, FRAME)));

        List<ReceivedFrame> received = received(channel);
        assertThat(received).hasSize(2);
        assertRejected(received.get(0), Hj212Error.MISSING_HEADER, 0, garbage);
        assertIsVector(received.get(1), RTD, garbage.length);
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 3, 5, 64})
    void modem_chatter_split_across_reads_costs_nothing_that_follows(int chunkSize) {
        // However the bytes are split, the garbage is one MISSING_HEADER covering exactly it.
        byte[] garbage = ascii("AT+OK\r\n");
        EmbeddedChannel channel = strictUpChannel();

        feed(channel, concat(garbage, FRAME), chunkSize);

        List<ReceivedFrame> received = received(channel);
        assertThat(received).hasSize(2);
        assertRejected(received.get(0), Hj212Error.MISSING_HEADER, 0, garbage);
        assertIsVector(received.get(1), RTD, garbage.length);
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 2, 7, 64, 100_000})
    void a_declared_length_too_large_costs_only_its_own_frame(int chunkSize) {
        Vector tooLarge = vector("invalid.jsonl", "len-declared-too-large");
        EmbeddedChannel channel = strictUpChannel();

        feed(channel, concat(tooLarge.frameBytes(), FRAME), chunkSize);

        List<ReceivedFrame> received = received(channel);
        assertThat(received).hasSize(2);
        assertRejected(received.get(0), Hj212Error.LENGTH_MISMATCH, 0, tooLarge.frameBytes());
        assertIsVector(received.get(1), RTD, tooLarge.frameBytes().length);
    }

    @Test
    void an_oversized_declared_length_is_cut_at_the_strict_bound() {
        Hj212FrameDecoder decoder = new Hj212FrameDecoder(Hj212Codec.strict(), Direction.UP);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);

        channel.writeInbound(Unpooled.wrappedBuffer(concat(OVERSIZED, FRAME)));

        List<ReceivedFrame> received = received(channel);
        assertThat(decoder.maxFrameBytes()).isEqualTo(6 + 1024 + 6);
        assertThat(received).hasSize(3);
        assertRejected(received.get(0), Hj212Error.OVERSIZED, 0, Arrays.copyOf(OVERSIZED, decoder.maxFrameBytes()));
        assertRejected(
                received.get(1),
                Hj212Error.MISSING_HEADER,
                decoder.maxFrameBytes(),
                Arrays.copyOfRange(OVERSIZED, decoder.maxFrameBytes(), OVERSIZED.length));
        assertIsVector(received.get(2), RTD, OVERSIZED.length);
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @ValueSource(ints = {1, 13, 1000, 1037})
    void an_oversized_claim_split_across_reads_is_never_held_and_the_next_frame_survives(int chunkSize) {
        Hj212FrameDecoder decoder = new Hj212FrameDecoder(Hj212Codec.strict(), Direction.UP);
        EmbeddedChannel channel = new EmbeddedChannel(decoder);

        feed(channel, concat(OVERSIZED, FRAME), chunkSize);

        // the same three results as when the bytes arrive in one read: nothing held beyond the bound
        List<ReceivedFrame> received = received(channel);
        assertThat(received).hasSize(3);
        assertRejected(received.get(0), Hj212Error.OVERSIZED, 0, Arrays.copyOf(OVERSIZED, decoder.maxFrameBytes()));
        assertThat(received).allSatisfy(r -> assertThat(r.raw().length()).isLessThanOrEqualTo(decoder.maxFrameBytes()));
        assertContiguous(received);
        assertIsVector(received.get(2), RTD, OVERSIZED.length);
    }

    @Test
    void lenient_mode_frames_a_data_segment_beyond_1024_bytes() {
        Vector big = vector("invalid.jsonl", "oversized-data-segment"); // 1380-byte segment, lenient accepts it
        EmbeddedChannel channel = new EmbeddedChannel(new Hj212FrameDecoder(Hj212Codec.lenient(), Direction.UP));

        feed(channel, concat(big.frameBytes(), FRAME), 100);

        List<ReceivedFrame> received = received(channel);
        assertThat(received).hasSize(2);
        assertThat(received.get(0).decoded())
                .isInstanceOfSatisfying(
                        Decoded.Ok.class,
                        ok -> assertThat(ok.warnings())
                                .extracting(w -> w.code())
                                .contains(Hj212Error.OVERSIZED));
        assertThat(received.get(0).raw()).isEqualTo(FrameBytes.copyOf(big.frameBytes()));
        assertIsVector(received.get(1), RTD, big.frameBytes().length);
    }

    @Test
    void a_partial_frame_at_channel_close_is_reported_as_truncated() {
        byte[] partial = Arrays.copyOf(FRAME, 60);
        EmbeddedChannel channel = strictUpChannel();

        channel.writeInbound(Unpooled.wrappedBuffer(FRAME), Unpooled.wrappedBuffer(partial));
        List<ReceivedFrame> beforeClose = received(channel);
        boolean pending = channel.finish();

        assertThat(beforeClose).hasSize(1);
        assertIsVector(beforeClose.get(0), RTD, 0);
        assertThat(pending).isTrue();
        List<ReceivedFrame> atClose = received(channel);
        assertThat(atClose).hasSize(1);
        assertRejected(atClose.get(0), Hj212Error.TRUNCATED, FRAME.length, partial);
    }

    @Test
    void a_partial_length_field_at_close_is_reported_as_truncated() {
        EmbeddedChannel channel = strictUpChannel();

        channel.writeInbound(Unpooled.wrappedBuffer(ascii("##02")));
        channel.close();

        List<ReceivedFrame> received = received(channel);
        assertThat(received).hasSize(1);
        assertRejected(received.get(0), Hj212Error.TRUNCATED, 0, ascii("##02"));
    }

    @Test
    void a_reader_idle_event_drops_a_partial_frame_passes_the_event_on_and_keeps_the_channel_open() {
        List<Object> events = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(
                new Hj212FrameDecoder(Hj212Codec.strict(), Direction.UP), new EventRecorder(events));
        byte[] partial = Arrays.copyOf(FRAME, 100);

        channel.writeInbound(Unpooled.wrappedBuffer(partial));
        List<ReceivedFrame> beforeIdle = received(channel);
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        List<ReceivedFrame> atIdle = received(channel);
        feed(channel, FRAME, 50);
        List<ReceivedFrame> afterIdle = received(channel);

        assertThat(beforeIdle).isEmpty();
        assertThat(atIdle).hasSize(1);
        assertRejected(atIdle.get(0), Hj212Error.TRUNCATED, 0, partial);
        assertThat(events).containsExactly(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertThat(channel.isActive()).isTrue();
        assertThat(afterIdle).hasSize(1);
        assertIsVector(afterIdle.get(0), RTD, partial.length);
    }

    @Test
    void idle_events_without_a_partial_frame_or_for_writes_only_drop_nothing() {
        List<Object> events = new ArrayList<>();
        EmbeddedChannel channel = new EmbeddedChannel(
                new Hj212FrameDecoder(Hj212Codec.strict(), Direction.UP), new EventRecorder(events));

        channel.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOf(FRAME, 100)));
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.WRITER_IDLE_STATE_EVENT);
        List<ReceivedFrame> afterIdle = received(channel);
        channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(FRAME, 100, FRAME.length)));

        assertThat(afterIdle).isEmpty();
        assertThat(events)
                .containsExactly(IdleStateEvent.READER_IDLE_STATE_EVENT, IdleStateEvent.WRITER_IDLE_STATE_EVENT);
        List<ReceivedFrame> received = received(channel);
        assertThat(received).hasSize(1);
        assertIsVector(received.get(0), RTD, 0);
    }

    @Test
    void every_valid_vector_comes_out_ok_and_in_order_from_one_stream_in_random_chunks() {
        List<Vector> valid = Vectors.load("valid.jsonl");
        byte[] stream = concat(valid.stream().map(Vector::frameBytes).toArray(byte[][]::new));
        // Direction is unknown: the vectors go both ways on this one stream.
        EmbeddedChannel channel = new EmbeddedChannel(new Hj212FrameDecoder(Hj212Codec.lenient(), Direction.UNKNOWN));
        Random random = new Random(SEED);

        for (int from = 0; from < stream.length; ) {
            int to = Math.min(stream.length, from + 1 + random.nextInt(1500));
            channel.writeInbound(Unpooled.wrappedBuffer(Arrays.copyOfRange(stream, from, to)));
            from = to;
        }
        channel.finish();

        List<ReceivedFrame> received = received(channel);
        assertThat(received).hasSameSizeAs(valid);
        long offset = 0;
        for (int i = 0; i < valid.size(); i++) {
            assertIsVector(received.get(i), valid.get(i), offset);
            offset += valid.get(i).frameBytes().length;
        }
    }

    @Test
    void gives_the_same_results_as_the_pure_stream_decoder_on_every_vector_and_garbage() {
        // Valid and invalid frames, modem chatter and a stray '#', in both modes: the Netty adapter must not change
        // what the framer and codec decide.
        List<byte[]> parts = new ArrayList<>();
        for (Vector v : Vectors.load("invalid.jsonl")) {
            parts.add(v.frameBytes());
            parts.add(FRAME);
        }
        for (Vector v : Vectors.load("valid.jsonl")) {
            parts.add(v.frameBytes());
        }
        parts.add(ascii("AT+CSQ\r\n+CSQ: 23,99\r\n#"));
        parts.add(FRAME);
        parts.add(Arrays.copyOf(FRAME, 77)); // ends truncated
        byte[] stream = concat(parts.toArray(byte[][]::new));

        for (Hj212Codec codec : List.of(Hj212Codec.strict(), Hj212Codec.lenient())) {
            Random random = new Random(SEED);
            EmbeddedChannel channel = new EmbeddedChannel(new Hj212FrameDecoder(codec, Direction.UP));
            StreamDecoder reference = new StreamDecoder(codec, Direction.UP);
            List<StreamDecoder.Result> expected = new ArrayList<>();
            for (int from = 0; from < stream.length; ) {
                int to = Math.min(stream.length, from + 1 + random.nextInt(64));
                byte[] chunk = Arrays.copyOfRange(stream, from, to);
                expected.addAll(reference.feed(chunk));
                channel.writeInbound(Unpooled.wrappedBuffer(chunk));
                from = to;
            }
            expected.addAll(reference.finish());
            channel.finish();

            List<StreamDecoder.Result> actual = received(channel).stream()
                    .map(r -> new StreamDecoder.Result(r.streamOffset(), r.raw().length(), r.decoded()))
                    .toList();
            assertThat(actual).as("mode %s", codec.mode()).isEqualTo(expected);
        }
    }

    private static EmbeddedChannel strictUpChannel() {
        return new EmbeddedChannel(new Hj212FrameDecoder(Hj212Codec.strict(), Direction.UP));
    }

    /** The expected outcome comes from the vector: its bytes and its decoded fields (style.md §11). */
    private static void assertIsVector(ReceivedFrame received, Vector v, long streamOffset) {
        assertThat(received.streamOffset()).as("stream offset of %s", v.id()).isEqualTo(streamOffset);
        assertThat(received.raw()).as("raw bytes of %s", v.id()).isEqualTo(FrameBytes.copyOf(v.frameBytes()));
        assertThat(received.decoded()).as("%s: %s", v.id(), received.decoded()).isInstanceOf(Decoded.Ok.class);
        assertThat(MessageFields.of(received.message().orElseThrow()))
                .as("fields of %s", v.id())
                .isEqualTo(Vectors.plain(v.json().get("fields")));
    }

    private static void assertRejected(ReceivedFrame received, Hj212Error code, long streamOffset, byte[] raw) {
        assertThat(received.decoded())
                .as("%s", received.decoded())
                .isInstanceOfSatisfying(
                        Decoded.Rejected.class, r -> assertThat(r.code()).isEqualTo(code));
        assertThat(received.streamOffset()).isEqualTo(streamOffset);
        assertThat(received.raw()).isEqualTo(FrameBytes.copyOf(raw));
    }

    private static void assertContiguous(List<ReceivedFrame> received) {
        long offset = 0;
        for (ReceivedFrame r : received) {
            assertThat(r.streamOffset()).isEqualTo(offset);
            offset += r.raw().length();
        }
    }

    /** Records the user events that reach the end of the pipeline. */
    private static final class EventRecorder extends ChannelInboundHandlerAdapter {
        private final List<Object> events;

        EventRecorder(List<Object> events) {
            this.events = events;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            events.add(evt);
        }
    }
}
