package io.salesbi.connectors.read;

import io.salesbi.connectors.mapping.FieldMapping;
import io.salesbi.connectors.mapping.HeaderNames;
import java.util.Locale;

/** Translates a delivered value through its field's value map ({@code map:} and {@code otherwise:}). */
final class ValueMaps {

    private ValueMaps() {}

    /** The canonical text for {@code text}; a value the map does not list is kept, fixed or quarantined. */
    static String translate(FieldMapping field, String text) throws ValueException {
        String key = HeaderNames.normalize(text).toLowerCase(Locale.ROOT);
        if (field.valueMap().containsKey(key)) {
            return field.valueMap().get(key);
        }
        return switch (field.otherwise().action()) {
            case KEEP -> text;
            case FIXED -> field.otherwise().fixedValue();
            case QUARANTINE ->
                throw new ValueException(
                        "map.unmapped",
                        "'" + text + "' is not listed in the value"
                                + " map of field " + field.field() + "; expected one of "
                                + field.valueMap().keySet()
                                + " (compared case- and whitespace-insensitively)");
        };
    }
}
