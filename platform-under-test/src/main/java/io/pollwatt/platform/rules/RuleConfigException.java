package io.pollwatt.platform.rules;

import java.util.List;

/** A rule configuration that cannot be used: every key that is unknown or has a value its key does not take. */
public final class RuleConfigException extends IllegalArgumentException {

    private final List<String> errors;

    RuleConfigException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** One message per problem, naming the key. */
    public List<String> errors() {
        return errors;
    }
}
