package io.pollwatt.platform.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Episodes of a condition over the grid (rulebook §0): a maximal run of samples where it holds. A single unknown
 * sample between two where it holds is bridged (it counts in the length); a single unknown sample followed by one
 * where it fails, or two or more unknown samples, end the episode at the last sample where it held. An episode that
 * reaches the end of what is known (or stops one unknown sample short of it) is still open.
 */
public final class Episodes {

    /** The condition holds. */
    public static final byte TRUE = 1;

    /** The condition fails. */
    public static final byte FALSE = 0;

    /** No data to decide. */
    public static final byte UNKNOWN = -1;

    private Episodes() {}

    /**
     * One episode: samples {@code start} … {@code end} (the last where the condition held).
     *
     * @param open whether it may go on: it reaches the end of what is known
     */
    public record Episode(int start, int end, boolean open) {
        /** e − s + 1 samples, the gap samples bridged inside it included. */
        public int length() {
            return end - start + 1;
        }

        /** The sample at which the episode has lasted {@code samples}, or −1 if it never does. */
        public int reached(int samples) {
            int at = start + samples - 1;
            return at <= end ? at : -1;
        }
    }

    /** The episodes of {@code cond} over indices [0, known). */
    public static List<Episode> of(byte[] cond, int known) {
        List<Episode> out = new ArrayList<>();
        int n = Math.min(known, cond.length);
        int start = -1;
        int end = -1;
        int i = 0;
        while (i < n) {
            byte c = cond[i];
            if (c == TRUE) {
                if (start < 0) {
                    start = i;
                }
                end = i;
                i++;
            } else if (c == FALSE) {
                if (start >= 0) {
                    out.add(new Episode(start, end, false));
                    start = -1;
                }
                i++;
            } else {
                if (start >= 0) {
                    if (i + 1 >= n) {
                        break; // one unknown sample at the end of what is known: it may yet be bridged
                    }
                    if (cond[i + 1] != TRUE) {
                        out.add(new Episode(start, end, false));
                        start = -1;
                    }
                }
                i++;
            }
        }
        if (start >= 0) {
            out.add(new Episode(start, end, true));
        }
        return out;
    }
}
