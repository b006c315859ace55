package io.pollwatt.platform.rules.dq;

import io.pollwatt.platform.rules.Episodes;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs of a per-sample condition as the DQ rules report them: the episodes of {@link Episodes} (rulebook §0
 * bridging) that last at least {@code minSamples}, raised at the first present sample where they do, and kept open
 * until {@code closeAfter} samples without the condition (DQ-08a/b close only after {@code dq.minConsecutiveSamples}
 * clean samples; most checks close at the first one).
 */
final class SampleRuns {

    /**
     * One run: samples {@code start} … {@code end} (the last where the condition held), raised at {@code raised};
     * the finding is open (may go on) or closed, and its effect on the states (NO_DATA, fallback) lasts over
     * [{@code raised}, {@code closedAt}).
     */
    record Run(int start, int raised, int end, boolean open, int closedAt) {
        Episodes.Episode episode() {
            return new Episodes.Episode(start, end, open);
        }
    }

    private SampleRuns() {}

    /** The runs of {@code cond} over [0, known) that reach {@code minSamples}. */
    static List<Run> of(byte[] cond, int known, int minSamples, int closeAfter) {
        int n = Math.max(1, minSamples);
        int m = Math.max(1, closeAfter);
        int limit = Math.min(known, cond.length);
        List<Run> out = new ArrayList<>();
        int start = -1;
        int raised = -1;
        int end = -1;
        for (Episodes.Episode ep : Episodes.of(cond, limit)) {
            if (start >= 0 && m > 1 && continues(cond, end, ep.start(), m)) {
                end = ep.end(); // fewer than m clean samples in between: the raised finding never closed
                continue;
            }
            if (start >= 0) {
                out.add(finish(cond, limit, start, raised, end, m));
                start = -1;
            }
            int r = raisedAt(ep, cond, n);
            if (r >= 0) {
                start = ep.start();
                raised = r;
                end = ep.end();
            }
        }
        if (start >= 0) {
            out.add(finish(cond, limit, start, raised, end, m));
        }
        return out;
    }

    /** The first present sample at which episode {@code ep} has lasted {@code n} samples, −1 if it never does. */
    static int raisedAt(Episodes.Episode ep, byte[] cond, int n) {
        int at = ep.reached(n);
        if (at < 0) {
            return -1;
        }
        // a duration can only be reached at a present sample (§0): a bridged gap is always followed by one
        return cond[at] == Episodes.TRUE ? at : at + 1;
    }

    /** Whether the samples between {@code end} and {@code next} hold fewer than {@code m} clean ones and no 2-gap. */
    private static boolean continues(byte[] cond, int end, int next, int m) {
        int clean = 0;
        for (int i = end + 1; i < next; i++) {
            if (cond[i] == Episodes.FALSE) {
                clean++;
            } else if (cond[i] == Episodes.UNKNOWN && i + 1 < next && cond[i + 1] == Episodes.UNKNOWN) {
                return false; // two missing samples end an episode whatever the close count
            }
        }
        return clean < m;
    }

    private static Run finish(byte[] cond, int known, int start, int raised, int end, int m) {
        int clean = 0;
        for (int i = end + 1; i < known; i++) {
            if (cond[i] == Episodes.FALSE) {
                clean++;
                if (clean >= m) {
                    return new Run(start, raised, end, false, m == 1 ? end + 1 : i);
                }
            } else if (cond[i] == Episodes.UNKNOWN && i + 1 < known && cond[i + 1] == Episodes.UNKNOWN) {
                return new Run(start, raised, end, false, end + 1);
            } else if (cond[i] == Episodes.TRUE) {
                return new Run(start, raised, end, false, i); // not reached: Episodes would have merged it
            }
        }
        return new Run(start, raised, end, true, cond.length); // not (yet) closed by what is known
    }
}
