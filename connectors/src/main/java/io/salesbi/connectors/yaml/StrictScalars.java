package io.salesbi.connectors.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Numbers and booleans as YAML writes them, nothing coerced: {@code 1.5} is no whole number, {@code "5"} no number,
 * {@code 1} no boolean. Anything else goes to the problem handler ({@link BindingProblems}), which records it with
 * its place and lets binding go on, so that one wrong value does not hide the next.
 */
final class StrictScalars {

    private StrictScalars() {}

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("salesbi-strict-scalars");
        module.addDeserializer(Integer.class, new Strict<>(Integer.class) {
            @Override
            Integer read(JsonParser p) throws IOException {
                return p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT
                        ? p.getIntValue()
                        : null;
            }
        });
        module.addDeserializer(Long.class, new Strict<>(Long.class) {
            @Override
            Long read(JsonParser p) throws IOException {
                return p.currentToken() == JsonToken.VALUE_NUMBER_INT
                                && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                        ? p.getLongValue()
                        : null;
            }
        });
        module.addDeserializer(Double.class, new Strict<>(Double.class) {
            @Override
            Double read(JsonParser p) throws IOException {
                return p.currentToken().isNumeric() ? p.getDoubleValue() : null;
            }
        });
        module.addDeserializer(Boolean.class, new Strict<>(Boolean.class) {
            @Override
            Boolean read(JsonParser p) {
                return p.currentToken().isBoolean() ? p.currentToken() == JsonToken.VALUE_TRUE : null;
            }
        });
        return module;
    }

    private abstract static class Strict<T> extends StdScalarDeserializer<T> {

        Strict(Class<T> type) {
            super(type);
        }

        /** The value, or null when the token is not one this type accepts. */
        abstract T read(JsonParser p) throws IOException;

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = read(p);
            return value != null ? value : (T) ctxt.handleUnexpectedToken(handledType(), p);
        }
    }
}
