package io.pollwatt.verification.site;

import io.pollwatt.verification.site.Node.Loc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems found so far in one file. The same problem at the same place is kept once: a template used by several
 * points through a YAML alias is read once per use but reported once.
 */
final class Errors {

    private final String file;
    private final Set<SiteError> errors = new LinkedHashSet<>();
    private int added;

    Errors(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(Loc loc, SiteError.Code code, String expected, String actual) {
        added++;
        errors.add(new SiteError(file, loc.line(), loc.column(), code, expected, actual));
    }

    /**
     * How many problems were added, repeats included, for "did reading this entry add any?" checks: a template read
     * a second time adds its problem again, though it is reported once.
     */
    int count() {
        return added;
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Every problem in file order (a stable sort: problems at one place stay in the order found). */
    List<SiteError> sorted() {
        List<SiteError> out = new ArrayList<>(errors);
        Collections.sort(out);
        return out;
    }
}
