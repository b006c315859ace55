package io.pollwatt.verification.validation;

import java.util.List;

/** A sweep table with problems: every one of them, each as {@code source:line: expected …, got '…'}. */
public final class SweepTableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> errors;

    public SweepTableException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
