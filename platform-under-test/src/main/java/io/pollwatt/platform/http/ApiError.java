package io.pollwatt.platform.http;

/**
 * The REST API's error catalogue: one stable code per kind of failure, used in responses, tests and docs/api.md,
 * each with its HTTP status.
 */
public enum ApiError {
    /** A query parameter the endpoint does not take (a typo would otherwise silently widen the result). */
    UNKNOWN_PARAMETER(400),
    /** A required query parameter or JSON field is missing or empty. */
    MISSING_FIELD(400),
    /** A time that is not ISO-8601 of the form the endpoint needs. */
    BAD_TIME(400),
    /** {@code from} after {@code to}. */
    BAD_RANGE(400),
    /** {@code limit} not an integer or out of range. */
    BAD_LIMIT(400),
    /** An MN that is not 1–24 of {@code 0-9 A-Z a-z _ -}. */
    BAD_MN(400),
    /** A device password that is not 1–6 of {@code 0-9 A-Z a-z}. */
    BAD_PW(400),
    /** An enterprise id that is empty or too long. */
    BAD_ENTERPRISE_ID(400),
    /** A CN that is not four digits. */
    BAD_CN(400),
    /** A four-digit CN that is neither in HJ 212-2017 Table 9 nor a known extension. */
    UNKNOWN_CN(400),
    /** A site file (YAML) with problems; the message lists each with its line and column. */
    BAD_SITE_FILE(400),
    /** {@code interval} not one of 15m, 1h, 1d. */
    BAD_INTERVAL(400),
    /** A range of days longer than a series endpoint serves. */
    RANGE_TOO_LONG(400),
    /** A body that is not JSON, or not the JSON object expected. */
    BAD_JSON(400),
    /** A JSON field the endpoint does not take. */
    UNKNOWN_FIELD(400),
    /** A value outside the ones a parameter or field takes (a level, a status, a review decision). */
    BAD_VALUE(400),
    /** No bearer token, or not the right one. */
    UNAUTHORIZED(401),
    /** No such route. */
    NOT_FOUND(404),
    /** No device (or no evidence) for that MN. */
    UNKNOWN_MN(404),
    /** No enterprise with that id in the archive. */
    UNKNOWN_ENTERPRISE(404),
    /** No point with that id in the enterprise's archive, or none with a meter reporting it. */
    UNKNOWN_POINT(404),
    /** No alarm with that id. */
    UNKNOWN_ALARM(404),
    /** The route exists, not with that method. */
    METHOD_NOT_ALLOWED(405),
    /** An import that would take a device registered to another enterprise. */
    ARCHIVE_CONFLICT(409),
    /** {@code PUT /api/clock} on a platform that runs on the system clock. */
    CLOCK_NOT_SETTABLE(409),
    /** A body larger than the server takes. */
    BODY_TOO_LARGE(413),
    /** A body that is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** A failure of the server; details are in its log, never in the response. */
    INTERNAL_ERROR(500),
    /** The database could not be reached. */
    DATABASE_UNAVAILABLE(503);

    private final int status;

    ApiError(int status) {
        this.status = status;
    }

    /** The HTTP status this error is answered with. */
    public int status() {
        return status;
    }
}
