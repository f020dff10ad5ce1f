package io.salesbi.connectors.yaml;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hibernate.validator.HibernateValidator;

/**
 * Binds a YAML file to a record with Jackson and validates it with Bean Validation, collecting every problem of the
 * file with its line and column ({@link BoundYaml}). Keys are kebab-case ({@code file-pattern} binds
 * {@code filePattern}) unless a component says otherwise with {@link JsonProperty}; enums match case-insensitively;
 * numbers and booleans are taken as YAML writes them, never coerced from text.
 */
public final class YamlBinder {

    private static final PropertyNamingStrategies.KebabCaseStrategy KEBAB =
            new PropertyNamingStrategies.KebabCaseStrategy();
    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // an enum is named, never its ordinal (type: 1 is no type); a key written twice is an error, not the last
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(StrictScalars.module())
            .build();
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
            .configure()
            .defaultLocale(Locale.ENGLISH)
            .buildValidatorFactory()
            .getValidator();

    private YamlBinder() {}

    /** Binds {@code text} (named {@code origin} in problems) to {@code type} and validates the result. */
    public static <T> BoundYaml<T> bind(String origin, String text, Class<T> type) {
        BoundYaml<T> bound = new BoundYaml<>(origin, YamlPositions.of(text));
        try {
            bound.value(MAPPER.readerFor(type)
                    .withHandler(new BindingProblems(bound))
                    .readValue(text));
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonProcessingException syntax && !(syntax instanceof JsonMappingException)) {
                return notYaml(bound, syntax);
            }
            // a problem the handler cannot step over: reported where it is, and binding stops there
            String pointer = pointer(e);
            bound.bindingProblem(
                    pointer,
                    (pointer.isEmpty() ? "" : "key '" + BoundYaml.keyPath(pointer) + "': ")
                            + oneLine(e.getOriginalMessage()));
            return bound;
        } catch (JsonProcessingException e) {
            return notYaml(bound, e);
        }
        if (bound.value() == null) {
            if (!bound.broken("")) {
                bound.bindingProblem("", "the file must be a YAML mapping (key: value lines), found nothing");
            }
            return bound;
        }
        // violations come as a set: ordered by key, so that two at one place are always reported alike
        Map<String, SortedSet<String>> violations = new TreeMap<>();
        for (ConstraintViolation<T> v : VALIDATOR.validate(bound.value())) {
            String pointer = pointer(type, v.getPropertyPath());
            if (!bound.broken(pointer)) {
                violations.computeIfAbsent(pointer, p -> new TreeSet<>()).add(describe(pointer, v));
            }
        }
        violations.forEach((pointer, texts) -> texts.forEach(problem -> bound.problem(pointer, problem)));
        return bound;
    }

    private static <T> BoundYaml<T> notYaml(BoundYaml<T> bound, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        bound.problemAt(
                at == null ? 0 : at.getLineNr(),
                at == null ? 0 : at.getColumnNr(),
                "not valid YAML: " + oneLine(e.getOriginalMessage()));
        return bound;
    }

    /** The JSON key of a record component: its {@link JsonProperty} name, else its name in kebab-case. */
    public static String key(RecordComponent component) {
        // a component's annotation is copied to its accessor
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty()
                ? property.value()
                : KEBAB.translate(component.getName());
    }

    private static String describe(String pointer, ConstraintViolation<?> v) {
        Object value = v.getInvalidValue();
        String key = "key '" + BoundYaml.keyPath(pointer) + "'";
        if (value == null || value instanceof String s && s.isBlank()) {
            return key + " " + v.getMessage();
        }
        String shown = value instanceof Enum<?> e
                ? "'" + e.name().toLowerCase(Locale.ROOT) + "'"
                : value instanceof String ? "'" + value + "'" : String.valueOf(value);
        return key + ": " + shown + " " + v.getMessage();
    }

    /** The JSON pointer of a violation's property path, with each component's JSON key. */
    static String pointer(Class<?> root, Path path) {
        StringBuilder pointer = new StringBuilder();
        Type current = root;
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                pointer.append('/').append(escape(String.valueOf(at)));
                current = elementType(current);
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                continue;
            }
            RecordComponent component = component(current, name);
            pointer.append('/').append(escape(component == null ? KEBAB.translate(name) : key(component)));
            current = component == null ? Object.class : component.getGenericType();
        }
        return pointer.toString();
    }

    private static RecordComponent component(Type type, String name) {
        if (type instanceof Class<?> c && c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    return component;
                }
            }
        }
        return null;
    }

    /** The element type of a list or the value type of a map. */
    private static Type elementType(Type container) {
        if (container instanceof ParameterizedType p) {
            Type[] args = p.getActualTypeArguments();
            return args[args.length - 1];
        }
        return Object.class;
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            pointer.append('/')
                    .append(escape(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex())));
        }
        return pointer.toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
