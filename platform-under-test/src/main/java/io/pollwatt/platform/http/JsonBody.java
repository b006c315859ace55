package io.pollwatt.platform.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.stream.Collectors;

/** Reads a request's JSON body into a record; every refusal names where in the body the problem is. */
final class JsonBody {

    private JsonBody() {}

    /**
     * The body of {@code ctx} as a {@code type}; {@code shape} describes the object expected ({@code {mn, pw,
     * enterpriseId}}) in the messages, {@code fields} the field names.
     */
    static <T> T read(Context ctx, ObjectMapper mapper, Class<T> type, String shape, String fields) {
        String contentType = ctx.contentType();
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        if (!mediaType.equalsIgnoreCase("application/json")) {
            throw new ApiException(
                    ApiError.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type",
                    "expected Content-Type application/json, got "
                            + (contentType == null ? "none" : "'" + contentType + "'"));
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw new ApiException(ApiError.BAD_JSON, null, "the body is empty; expected a JSON object " + shape);
        }
        try {
            T r = mapper.readValue(bytes, type);
            if (r == null) {
                throw new ApiException(ApiError.BAD_JSON, null, "expected a JSON object " + shape + ", got null");
            }
            return r;
        } catch (UnrecognizedPropertyException e) {
            throw new ApiException(
                    ApiError.UNKNOWN_FIELD,
                    e.getPropertyName(),
                    "unknown field '" + e.getPropertyName() + "'" + at(e.getLocation()) + "; expected " + fields);
        } catch (JsonMappingException e) {
            String field = path(e);
            throw new ApiException(
                    ApiError.BAD_JSON,
                    field,
                    (field == null ? "expected a JSON object " + shape : "field '" + field + "' must be a string")
                            + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw new ApiException(
                    ApiError.BAD_JSON, null, "malformed JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_JSON, null, "cannot read the body: " + e.getMessage());
        }
    }

    /** A required string field. */
    static String required(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new ApiException(ApiError.MISSING_FIELD, field, "field '" + field + "' is required");
        }
        return value;
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? null : path;
    }

    private static String at(JsonLocation l) {
        return l == null || l.getLineNr() < 0 ? "" : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
    }
}
