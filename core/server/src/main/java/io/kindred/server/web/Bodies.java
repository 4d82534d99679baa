package io.kindred.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.kindred.api.KindredException;

import java.util.stream.Collectors;

/** Reads JSON request bodies and turns every way they can be wrong into a 400 with a clear sentence. */
public final class Bodies {

    /**
     * The largest amount (points, minor units) a request may carry: 2^53 - 1, so that every client,
     * JavaScript included, reads it exactly, and sums of many stay far from the 64-bit limit.
     */
    public static final long MAX_AMOUNT = 9_007_199_254_740_991L;

    private Bodies() {
    }

    public static <T> T read(ObjectMapper mapper, String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw KindredException.badRequest("invalid_json", "The request body must be a JSON object.");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw KindredException.badRequest("invalid_json", "The request body must be a JSON object.");
            }
            return value;
        } catch (MismatchedInputException e) {
            String field = fieldOf(e);
            if (field.isEmpty()) {
                throw KindredException.badRequest("invalid_json", "The request body must be a JSON object.");
            }
            throw KindredException.invalidField("The field '" + field + "' has the wrong type.");
        } catch (JsonMappingException e) {
            String field = fieldOf(e);
            throw KindredException.invalidField(field.isEmpty() ? "The request body has the wrong shape."
                    : "The field '" + field + "' is not valid.");
        } catch (JsonProcessingException e) {
            throw KindredException.badRequest("invalid_json", "The request body is not valid JSON.");
        }
    }

    private static String fieldOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
