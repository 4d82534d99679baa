package io.kindred.server.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jdk8.Jdk8TypeModifier;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.Map;

/** The one way Kindred writes and reads JSON: ISO-8601 times, nulls kept, unknown fields ignored. */
public final class Json {

    private Json() {
    }

    /**
     * A fresh mapper; one per plugin run so that its caches of plugin classes die with the run. Request bodies
     * are read strictly: a number, amount or flag sent as a string, or anything after the JSON value, is a 400.
     */
    public static ObjectMapper newMapper() {
        ObjectMapper mapper = new KindredMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        // and a number or flag where a record declares text is a wrong type too
        for (CoercionInputShape shape : new CoercionInputShape[]{CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    public static final ObjectMapper CORE = newMapper();

    /**
     * A mapper that keeps reading {@code Optional} record components (the optional fields of typed bodies) when
     * its type factory is replaced, as the plugin host does to give each run its own type cache: the
     * {@link Jdk8Module} teaches the factory it was registered with, not the next one.
     */
    private static final class KindredMapper extends ObjectMapper {

        KindredMapper() {
        }

        private KindredMapper(KindredMapper source) {
            super(source);
        }

        @Override
        public ObjectMapper setTypeFactory(TypeFactory factory) {
            return super.setTypeFactory(factory.withModifier(new Jdk8TypeModifier()));
        }

        @Override
        public ObjectMapper copy() {
            return new KindredMapper(this);
        }
    }

    public static String write(Object value) {
        try {
            return CORE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, Object> readMap(String json) {
        try {
            return CORE.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
