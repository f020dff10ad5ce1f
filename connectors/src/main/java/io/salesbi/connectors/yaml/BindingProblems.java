package io.salesbi.connectors.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Records what Jackson cannot bind (an unknown key, a value of the wrong type, a value outside an enum) as a problem
 * at its JSON pointer, and lets binding go on with null in its place: every such problem of a file is reported, not
 * only the first.
 */
final class BindingProblems extends DeserializationProblemHandler {

    private final BoundYaml<?> target;

    BindingProblems(BoundYaml<?> target) {
        this.target = target;
    }

    @Override
    public boolean handleUnknownProperty(
            DeserializationContext ctxt,
            JsonParser p,
            JsonDeserializer<?> deserializer,
            Object beanOrClass,
            String propertyName)
            throws IOException {
        List<String> known = deserializer.getKnownPropertyNames().stream()
                .map(Object::toString)
                .sorted()
                .toList();
        String pointer = pointer(p);
        target.bindingProblem(
                pointer,
                "unknown key '" + BoundYaml.keyPath(pointer) + "'" + Suggestions.didYouMean(propertyName, known)
                        + "; known keys: " + known);
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(
            DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
        String pointer = pointer(ctxt.getParser());
        if (targetType.isEnum()) {
            List<String> known = constants(targetType);
            target.bindingProblem(
                    pointer,
                    "key '" + BoundYaml.keyPath(pointer) + "': '" + value + "' is not one of " + known
                            + Suggestions.didYouMean(value, known));
        } else {
            target.bindingProblem(
                    pointer,
                    "key '" + BoundYaml.keyPath(pointer) + "' must be " + expected(ctxt.constructType(targetType))
                            + ", found '" + value + "'");
        }
        return null;
    }

    @Override
    public Object handleWeirdNumberValue(
            DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
        String pointer = pointer(ctxt.getParser());
        target.bindingProblem(
                pointer,
                "key '" + BoundYaml.keyPath(pointer) + "' must be " + expected(ctxt.constructType(targetType))
                        + ", found " + value);
        return null;
    }

    @Override
    public Object handleUnexpectedToken(
            DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p, String failureMsg)
            throws IOException {
        mismatch(pointer(p), targetType, p);
        return null;
    }

    @Override
    public Object handleMissingInstantiator(
            DeserializationContext ctxt, Class<?> instClass, ValueInstantiator valueInsts, JsonParser p, String msg)
            throws IOException {
        mismatch(pointer(p), ctxt.constructType(instClass), p);
        return null;
    }

    private void mismatch(String pointer, JavaType targetType, JsonParser p) throws IOException {
        String found = found(p);
        p.skipChildren();
        target.bindingProblem(
                pointer,
                pointer.isEmpty()
                        ? "the file must be " + expected(targetType) + ", found " + found
                        : "key '" + BoundYaml.keyPath(pointer) + "' must be " + expected(targetType) + ", found "
                                + found);
    }

    private static String found(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "'" + p.getText() + "'";
            default -> p.getText();
        };
    }

    static String expected(JavaType type) {
        Class<?> raw = type.getRawClass();
        if (raw.isEnum()) {
            return "one of " + constants(raw);
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "a list";
        }
        if (raw == Integer.class || raw == Long.class || raw == int.class || raw == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(raw) || raw == double.class) {
            return "a number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "true or false";
        }
        if (raw == String.class || raw == Character.class) {
            return "a single value";
        }
        return "a mapping (key: value lines)";
    }

    static List<String> constants(Class<?> enumType) {
        List<String> names = new ArrayList<>();
        Arrays.stream(enumType.getEnumConstants())
                .forEach(c -> names.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT)));
        return names;
    }

    private static String pointer(JsonParser p) {
        return p.getParsingContext().pathAsPointer().toString();
    }
}
