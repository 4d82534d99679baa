package io.kindred.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads JSON request bodies into records, strictly, for the core's routes and plugins' alike, and turns every
 * way a body can be wrong into a 400 naming the field: a field the record does not have ({@code invalid_field}),
 * a required one absent or null ({@code missing_field}), a wrong type or a whole number beyond
 * {@link #MAX_AMOUNT} ({@code invalid_field}). A component is required unless its type is {@link Optional},
 * {@link OptionalInt} or {@link OptionalLong}. A {@code Map} target reads any object.
 */
public final class Bodies {

    /**
     * The largest amount (points, minor units) a request may carry: 2^53 - 1, so that every client,
     * JavaScript included, reads it exactly, and sums of many stay far from the 64-bit limit.
     */
    public static final long MAX_AMOUNT = 9_007_199_254_740_991L;

    private static final BigInteger MAX = BigInteger.valueOf(MAX_AMOUNT);
    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(long.class, Long.class, OptionalLong.class);

    private Bodies() {
    }

    /** Reads a request body as it came over the wire: strict UTF-8 first, then {@link #read(ObjectMapper, String, Class)}. */
    public static <T> T read(ObjectMapper mapper, byte[] body, Class<T> type) {
        return read(mapper, utf8(body), type);
    }

    /**
     * @return the bytes as text
     * @throws KindredException 400 {@code invalid_json} when they are not UTF-8 (a replacement character would
     *                          otherwise be stored in place of each bad byte)
     */
    public static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new KindredException(CoreError.INVALID_JSON, "The request body is not valid UTF-8.");
        }
    }

    public static <T> T read(ObjectMapper mapper, String body, Class<T> type) {
        JsonNode tree = tree(mapper, body);
        check(tree, type, "");
        try {
            T value = mapper.readerFor(type).readValue(tree);
            if (value == null) {
                throw notAnObject();
            }
            return value;
        } catch (MismatchedInputException e) {
            String field = pathOf(e);
            if (field.isEmpty()) {
                throw notAnObject();
            }
            throw KindredException.invalidField("The field '" + field + "' has the wrong type.");
        } catch (JsonMappingException e) {
            String field = pathOf(e);
            throw KindredException.invalidField(field.isEmpty() ? "The request body has the wrong shape."
                    : "The field '" + field + "' is not valid.");
        } catch (java.io.IOException e) {
            throw new KindredException(CoreError.INVALID_JSON, "The request body is not valid JSON.");
        }
    }

    private static JsonNode tree(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            throw notAnObject();
        }
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw notAnObject();
            }
            checkSurrogates(tree);
            return tree;
        } catch (JsonProcessingException e) {
            throw new KindredException(CoreError.INVALID_JSON, "The request body is not valid JSON.");
        }
    }

    /** A {@code \\ud800} escape without its other half cannot be stored (it would become '?'). */
    private static void checkSurrogates(JsonNode node) {
        if (node.isTextual() && !wellFormed(node.textValue())) {
            throw new KindredException(CoreError.INVALID_JSON, "The request body holds a string with half a surrogate pair.");
        }
        for (Iterator<java.util.Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var field = it.next();
            if (!wellFormed(field.getKey())) {
                throw new KindredException(CoreError.INVALID_JSON, "The request body holds a name with half a surrogate pair.");
            }
            checkSurrogates(field.getValue());
        }
        if (node.isArray()) {
            node.forEach(Bodies::checkSurrogates);
        }
    }

    private static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static KindredException notAnObject() {
        return new KindredException(CoreError.INVALID_JSON, "The request body must be a JSON object.");
    }

    /** Checks what Jackson does not: fields the record lacks, required ones absent, numbers out of range. */
    private static void check(JsonNode node, Type type, String path) {
        Class<?> raw = rawOf(type);
        if (raw == Optional.class) {
            check(node, argument(type, 0), path);
        } else if (raw.isRecord() && node.isObject()) {
            checkRecord(node, raw, path);
        } else if (Collection.class.isAssignableFrom(raw) && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), argument(type, 0), path + "[" + i + "]");
            }
        } else if (WHOLE_NUMBERS.contains(raw) && node.isIntegralNumber()
                && node.bigIntegerValue().abs().compareTo(MAX) > 0) {
            throw KindredException.invalidField("The field '" + path + "' must be a whole number from -"
                    + MAX_AMOUNT + " to " + MAX_AMOUNT + ".");
        }
    }

    private static void checkRecord(JsonNode node, Class<?> record, String path) {
        RecordComponent[] components = record.getRecordComponents();
        Set<String> names = Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.toSet());
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw KindredException.invalidField("The field '" + join(path, name) + "' is not known.");
            }
        }
        for (RecordComponent c : components) {
            JsonNode value = node.get(c.getName());
            boolean blankText = c.getType() == String.class && value != null && value.isTextual()
                    && value.textValue().isBlank();
            if (value == null || value.isNull() || blankText) {
                if (!isOptional(c.getType())) {
                    throw KindredException.missingField(join(path, c.getName()));
                }
            } else {
                check(value, c.getGenericType(), join(path, c.getName()));
            }
        }
    }

    private static boolean isOptional(Class<?> type) {
        return type == Optional.class || type == OptionalInt.class || type == OptionalLong.class;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Class<?> rawOf(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                path.append("[").append(r.getIndex()).append("]");
            }
        }
        return path.toString();
    }
}
