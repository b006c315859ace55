package io.pollwatt.certification.judge;

import io.pollwatt.certification.catalogue.CertCase;
import java.util.ArrayList;
import java.util.List;

/** Collects what one case saw: notes, failures (the first few kept in full) and whether it could judge at all. */
final class Evidence {

    private static final int KEPT = 8;

    private final List<String> lines = new ArrayList<>();
    private int failures;
    private String inconclusive;

    /** A failure of the pass criteria. */
    void fail(String what) {
        failures++;
        if (failures <= KEPT) {
            lines.add("FAIL " + what);
        }
    }

    /** Something the verdict rests on. */
    void note(String what) {
        lines.add(what);
    }

    /** The conversation holds too little to judge (unless something already failed). */
    void inconclusive(String why) {
        inconclusive = why;
    }

    boolean failed() {
        return failures > 0;
    }

    CaseResult result(CertCase c) {
        List<String> out = new ArrayList<>(lines);
        if (failures > KEPT) {
            out.add("... and " + (failures - KEPT) + " more failure(s)");
        }
        Verdict v;
        if (failures > 0) {
            v = Verdict.FAIL;
        } else if (inconclusive != null) {
            out.add(inconclusive);
            v = Verdict.INCONCLUSIVE;
        } else {
            v = Verdict.PASS;
        }
        return new CaseResult(c.id(), c.clause(), c.title(), v, out);
    }
}
