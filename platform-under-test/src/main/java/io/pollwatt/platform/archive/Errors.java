package io.pollwatt.platform.archive;

import io.pollwatt.platform.archive.Node.Loc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The problems found so far in one file; the same problem at the same place (a template used twice) is kept once. */
final class Errors {

    private final String file;
    private final Set<ArchiveError> errors = new LinkedHashSet<>();

    Errors(String file) {
        this.file = file;
    }

    void add(Loc loc, ArchiveError.Code code, String expected, String actual) {
        errors.add(new ArchiveError(file, loc.line(), loc.column(), code, expected, actual));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Every problem in file order (a stable sort). */
    List<ArchiveError> sorted() {
        List<ArchiveError> out = new ArrayList<>(errors);
        Collections.sort(out);
        return out;
    }
}
