package io.pollwatt.platform.http;

/**
 * Every error the API answers: a stable {@code code} from {@link ApiError}, a human {@code message}, and the
 * {@code field} at fault (query parameter, JSON field or header), {@code null} when there is none.
 */
public record ErrorBody(String code, String message, String field) {}
