package io.pollwatt.platform.archive;

import java.util.Objects;

/**
 * One problem in a site file as the platform reads it, where it is and what was expected there: shown as
 *
 * <pre>
 *   sites/textile.yaml:12:16: expected one of MAIN, PROD, TREAT, PROD_TREAT, INDIRECT, got 'PRODD'
 * </pre>
 *
 * The codes are those of the twin's reader (docs/site-format.md, "General rules"), less {@code REJECTED_BY_TWIN}.
 *
 * @param file the file as it was named to the reader
 * @param line 1-based line
 * @param column 1-based column
 * @param code the kind of problem, stable for tests and tools
 * @param expected what belongs there
 * @param actual what is there, as written ({@code ""} when nothing is)
 */
public record ArchiveError(String file, int line, int column, Code code, String expected, String actual)
        implements Comparable<ArchiveError> {

    /** The kinds of problem. */
    public enum Code {
        /** Not YAML, or YAML the reader cannot take (several documents, an unknown alias, not UTF-8). */
        SYNTAX,
        /** A key the format does not have at that place. */
        UNKNOWN_KEY,
        /** A required key is absent. */
        MISSING_KEY,
        /** A key written twice in one mapping. */
        DUPLICATE_KEY,
        /** A value of the wrong YAML type. */
        WRONG_TYPE,
        /** A value of the right type that is not allowed: an unknown enum name, a bad ratio, MN or time. */
        BAD_VALUE,
        /** A number outside its range. */
        OUT_OF_RANGE,
        /** An id that names nothing of the kind required, or an id or MN used twice. */
        BAD_REFERENCE
    }

    public ArchiveError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
        }
    }

    /** {@code file:line:column: expected X, got 'Y'}. */
    public String message() {
        return file + ":" + line + ":" + column + ": expected " + expected + ", got '" + actual + "'";
    }

    @Override
    public String toString() {
        return message();
    }

    /** File order: by line, then column. */
    @Override
    public int compareTo(ArchiveError o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }
}
