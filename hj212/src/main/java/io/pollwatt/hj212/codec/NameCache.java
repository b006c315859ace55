package io.pollwatt.hj212.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Shares the strings of CP names (and of short values such as data flags) across frames: a device sends the same few
 * hundred names ({@code DataTime}, {@code g70101-Rtd}, …) in every frame, so the decoder looks them up instead of
 * allocating them. A fixed, lossy table: a collision simply replaces the entry. Safe without locks: an entry is
 * immutable and published whole, and a racing reader sees either an old entry, which it verifies byte by byte, or
 * the new one.
 */
final class NameCache {

    private static final int SIZE = 4096;
    private static final Entry[] ENTRIES = new Entry[SIZE];

    private record Entry(byte[] bytes, String text) {}

    private NameCache() {}

    /** The string of {@code length} ASCII bytes of {@code bytes} from {@code offset}, whose hash is {@code hash}. */
    static String name(byte[] bytes, int offset, int length, int hash) {
        int slot = (hash ^ (hash >>> 12)) & (SIZE - 1);
        Entry cached = ENTRIES[slot];
        if (cached != null && Arrays.equals(cached.bytes, 0, cached.bytes.length, bytes, offset, offset + length)) {
            return cached.text;
        }
        byte[] copy = Arrays.copyOfRange(bytes, offset, offset + length);
        String fresh = new String(copy, StandardCharsets.ISO_8859_1);
        ENTRIES[slot] = new Entry(copy, fresh);
        return fresh;
    }

    /** As {@link #name(byte[], int, int, int)}, computing the hash. */
    static String name(byte[] bytes, int offset, int length) {
        int h = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + bytes[i];
        }
        return name(bytes, offset, length, h);
    }
}
