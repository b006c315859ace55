package io.pollwatt.verification.site;

import java.util.List;

/**
 * A site file that cannot be used, with every problem found in it, in file order. The message holds one
 * {@code file:line:column: expected X, got 'Y'} line per problem.
 */
public final class SiteFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<SiteError> errors;

    public SiteFileException(List<SiteError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every problem, in file order. */
    public List<SiteError> errors() {
        return errors;
    }

    private static String message(List<SiteError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a site file exception needs at least one error");
        }
        StringBuilder sb = new StringBuilder();
        for (SiteError e : errors) {
            sb.append(sb.length() == 0 ? "" : "\n").append(e.message());
        }
        return sb.toString();
    }
}
