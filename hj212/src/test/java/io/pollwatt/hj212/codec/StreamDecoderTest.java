package io.pollwatt.hj212.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.pollwatt.hj212.vectors.Vectors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StreamDecoderTest {

    private static final byte[] FRAME = ascii("##0139QN=20160801085857223;ST=32;CN=2011;PW=123456;"
            + "MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20160801085857;w01018-Rtd=2.2,w01018-Flag=N&&17C0\r\n");
    private static final byte[] BAD_CRC = ascii("##0139QN=20160801085857223;ST=32;CN=2011;PW=123456;"
            + "MN=010000A8900016F000169DC0;Flag=5;CP=&&DataTime=20160801085857;w01018-Rtd=2.2,w01018-Flag=N&&7D00\r\n");

    static IntStream chunk_sizes() {
        return IntStream.rangeClosed(1, FRAME.length);
    }

    @ParameterizedTest(name = "chunks of {0} bytes")
    @MethodSource("chunk_sizes")
    void decodes_a_frame_split_across_reads(int chunkSize) {
        StreamDecoder decoder = new StreamDecoder(Hj212Codec.strict(), Direction.UP);
        List<StreamDecoder.Result> results = new ArrayList<>();
        for (int from = 0; from < FRAME.length; from += chunkSize) {
            results.addAll(decoder.feed(FRAME, from, Math.min(chunkSize, FRAME.length - from)));
        }
        results.addAll(decoder.finish());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).decoded()).isEqualTo(Hj212Codec.strict().decode(FRAME, Direction.UP));
        assertThat(results.get(0).decoded().ok()).isTrue();
    }

    @Test
    void a_bad_frame_costs_nothing_that_follows_it() {
        List<StreamDecoder.Result> results = decodeAll(Hj212Codec.strict(), concat(BAD_CRC, FRAME));
        assertThat(results).hasSize(2);
        assertThat(((Decoded.Rejected) results.get(0).decoded()).code()).isEqualTo(Hj212Error.BAD_CRC);
        assertThat(results.get(1).decoded().ok()).isTrue();
        assertThat(results.get(1).streamOffset()).isEqualTo(BAD_CRC.length);
    }

    @Test
    void garbage_before_a_frame_is_reported_and_skipped() {
        byte[] garbage = ascii("AT+OK\r\n#x");
        List<StreamDecoder.Result> results = decodeAll(Hj212Codec.strict(), concat(garbage, FRAME));
        assertThat(results).extracting(r -> r.decoded().ok()).containsExactly(false, true);
        Decoded.Rejected r = (Decoded.Rejected) results.get(0).decoded();
        assertThat(r.code()).isEqualTo(Hj212Error.MISSING_HEADER);
        assertThat(results.get(0).length()).isEqualTo(garbage.length);
        assertThat(results.get(1).streamOffset()).isEqualTo(garbage.length);
    }

    @Test
    void a_declared_length_too_large_does_not_swallow_the_next_frame() {
        byte[] tooLarge = FRAME.clone();
        tooLarge[3] = '5'; // 0539
        List<StreamDecoder.Result> results = decodeAll(Hj212Codec.strict(), concat(tooLarge, FRAME));
        assertThat(results).hasSize(2);
        assertThat(((Decoded.Rejected) results.get(0).decoded()).code()).isEqualTo(Hj212Error.LENGTH_MISMATCH);
        assertThat(results.get(1).decoded().ok()).isTrue();
    }

    @Test
    void a_declared_length_too_small_is_a_length_mismatch_and_the_next_frame_survives() {
        byte[] tooSmall = FRAME.clone();
        tooSmall[4] = '2'; // 0129
        List<StreamDecoder.Result> results = decodeAll(Hj212Codec.lenient(), concat(tooSmall, FRAME));
        assertThat(results).extracting(r -> r.decoded().ok()).containsExactly(false, true);
        assertThat(((Decoded.Rejected) results.get(0).decoded()).code()).isEqualTo(Hj212Error.LENGTH_MISMATCH);
    }

    @Test
    void an_oversized_claim_is_cut_at_the_bound_not_buffered() {
        byte[] oversized = ascii("##5000QN=20160801085857223;");
        StreamDecoder decoder = new StreamDecoder(Hj212Codec.strict(), Direction.UP);
        List<StreamDecoder.Result> results = new ArrayList<>(decoder.feed(oversized));
        byte[] filler = new byte[20_000];
        Arrays.fill(filler, (byte) 'x');
        results.addAll(decoder.feed(filler));
        assertThat(decoder.pendingBytes())
                .isLessThanOrEqualTo(StreamFramer.forMode(Mode.STRICT).maxFrameBytes());
        results.addAll(decoder.feed(FRAME));
        results.addAll(decoder.finish());
        assertThat(((Decoded.Rejected) results.get(0).decoded()).code()).isEqualTo(Hj212Error.OVERSIZED);
        assertThat(results.get(results.size() - 1).decoded().ok()).isTrue();
        assertThat(results.stream().mapToLong(StreamDecoder.Result::length).sum())
                .isEqualTo(oversized.length + filler.length + FRAME.length);
    }

    @Test
    void a_frame_cut_off_by_the_end_of_the_stream_is_truncated() {
        byte[] cut = Arrays.copyOf(FRAME, 80);
        List<StreamDecoder.Result> results = decodeAll(Hj212Codec.strict(), concat(FRAME, cut));
        assertThat(results).hasSize(2);
        assertThat(((Decoded.Rejected) results.get(1).decoded()).code()).isEqualTo(Hj212Error.TRUNCATED);
    }

    @Test
    void lf_only_frames_are_framed_and_accepted_leniently() {
        byte[] lf = Arrays.copyOf(FRAME, FRAME.length - 1);
        lf[lf.length - 1] = '\n';
        List<StreamDecoder.Result> results = decodeAll(Hj212Codec.lenient(), concat(lf, FRAME));
        assertThat(results).extracting(r -> r.decoded().ok()).containsExactly(true, true);
    }

    @Test
    void every_valid_vector_in_one_stream_in_random_chunks_comes_out_in_order() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<Vectors.Vector> valid = Vectors.load("valid.jsonl");
        valid.forEach(v -> stream.writeBytes(v.frameBytes()));
        byte[] all = stream.toByteArray();
        Random random = new Random(42);
        StreamDecoder decoder = new StreamDecoder(Hj212Codec.lenient(), Direction.UNKNOWN);
        List<StreamDecoder.Result> results = new ArrayList<>();
        for (int at = 0; at < all.length; ) {
            int n = Math.min(all.length - at, 1 + random.nextInt(200));
            results.addAll(decoder.feed(all, at, n));
            at += n;
        }
        results.addAll(decoder.finish());
        assertThat(results).hasSize(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            assertThat(results.get(i).decoded().ok()).as(valid.get(i).id()).isTrue();
        }
    }

    private static List<StreamDecoder.Result> decodeAll(Hj212Codec codec, byte[] bytes) {
        StreamDecoder decoder = new StreamDecoder(codec, Direction.UP);
        List<StreamDecoder.Result> results = new ArrayList<>(decoder.feed(bytes));
        results.addAll(decoder.finish());
        return results;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void a_frame_cut_short_by_the_next_frame_is_truncated_where_the_next_begins() {
        byte[] cut = Arrays.copyOf(FRAME, 60);
        List<StreamDecoder.Result> results = decodeAll(Hj212Codec.strict(), concat(cut, FRAME));
        assertThat(results).hasSize(2);
        Decoded.Rejected r = (Decoded.Rejected) results.get(0).decoded();
        assertThat(r.code()).isEqualTo(Hj212Error.TRUNCATED);
        assertThat(r.offset()).isEqualTo(60);
        assertThat(results.get(0).length()).isEqualTo(60);
        assertThat(results.get(1).decoded().ok()).isTrue();
    }

    @Test
    void the_stream_gives_the_same_verdict_as_the_codec_for_a_frame_without_trailer() {
        byte[] noTrailer = Arrays.copyOf(FRAME, FRAME.length - 2);
        List<StreamDecoder.Result> results = decodeAll(Hj212Codec.strict(), noTrailer);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).decoded()).isEqualTo(Hj212Codec.strict().decode(noTrailer, Direction.UP));
        assertThat(((Decoded.Rejected) results.get(0).decoded()).code()).isEqualTo(Hj212Error.MISSING_TRAILER);
    }

    @Test
    void results_do_not_depend_on_how_the_bytes_were_split() {
        ByteArrayOutputStream corpus = new ByteArrayOutputStream();
        Vectors.load("valid.jsonl").forEach(v -> corpus.writeBytes(v.frameBytes()));
        Vectors.load("invalid.jsonl").forEach(v -> corpus.writeBytes(v.frameBytes()));
        corpus.writeBytes(ascii("AT+OK\r\n##2000"));
        corpus.writeBytes(ascii("x".repeat(2000) + "ABCD\r\n"));
        corpus.writeBytes(ascii("##0150QN=20160801085857223;ST=32;CN=3020;PW=123456;MN=010000A8900016F000169DC0;"
                + "Flag=5;CP=&&i11001-Info=//a\r\n##b//&&"));
        corpus.writeBytes(FRAME);
        byte[] all = corpus.toByteArray();
        for (Mode mode : Mode.values()) {
            List<StreamDecoder.Result> whole = decodeAll(Hj212Codec.of(mode), all);
            for (long seed = 1; seed <= 5; seed++) {
                Random random = new Random(seed);
                StreamDecoder decoder = new StreamDecoder(Hj212Codec.of(mode), Direction.UP);
                List<StreamDecoder.Result> split = new ArrayList<>();
                for (int at = 0; at < all.length; ) {
                    int n = Math.min(all.length - at, 1 + random.nextInt(seed == 1 ? 1 : 97));
                    split.addAll(decoder.feed(all, at, n));
                    at += n;
                }
                split.addAll(decoder.finish());
                assertThat(split).as("%s, seed %d", mode, seed).isEqualTo(whole);
            }
            assertThat(whole.get(whole.size() - 1).decoded().ok()).isTrue();
        }
    }
}
