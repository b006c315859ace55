package io.pollwatt.platform.http;

import java.util.Objects;

/** A request the API refuses: thrown by a handler, answered as an {@link ErrorBody} with the error's status. */
final class ApiException extends RuntimeException {

    private final ApiError error;
    private final String field;

    ApiException(ApiError error, String field, String message) {
        super(message, null, false, false); // an answer, not a bug: no stack trace to fill
        this.error = Objects.requireNonNull(error, "error");
        this.field = field;
    }

    ApiError error() {
        return error;
    }

    String field() {
        return field;
    }

    ErrorBody body() {
        return new ErrorBody(error.name(), getMessage(), field);
    }
}
