package io.pollwatt.platform.archive;

import java.util.List;

/**
 * A site file the platform cannot import, with every problem found in it, in file order; nothing of it was imported.
 * The message holds one {@code file:line:column: expected X, got 'Y'} line per problem.
 */
public final class ArchiveFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<ArchiveError> errors;

    public ArchiveFileException(List<ArchiveError> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every problem, in file order. */
    public List<ArchiveError> errors() {
        return errors;
    }

    private static String message(List<ArchiveError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an archive file exception needs at least one error");
        }
        StringBuilder sb = new StringBuilder();
        for (ArchiveError e : errors) {
            sb.append(sb.length() == 0 ? "" : "\n").append(e.message());
        }
        return sb.toString();
    }
}
