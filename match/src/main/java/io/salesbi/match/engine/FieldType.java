package io.salesbi.match.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of field the matcher knows how to standardize, block on and compare. Each type has a fixed number of
 * comparison levels, level 0 meaning exact agreement and the last level disagreement.
 */
public enum FieldType {
    COMPANY(5, true),
    NAME(5, true),
    GIVEN_NAME(5, true),
    SURNAME(5, true),
    ADDRESS(4, true),
    STREET(4, true),
    HOUSE_NUMBER(3, false),
    POSTCODE(4, true),
    CITY(3, true),
    COUNTRY(2, false),
    PHONE(3, true),
    EMAIL(3, true),
    WEBSITE(2, true),
    VAT_ID(2, true),
    STRONG_ID(2, true),
    DATE(4, true),
    EXACT(2, true),
    TEXT(5, true),
    PERSONS(5, true),
    YEAR(3, false);

    private final int levels;
    private final boolean blocksAlone;

    FieldType(int levels, boolean blocksAlone) {
        this.levels = levels;
        this.blocksAlone = blocksAlone;
    }

    /** Number of comparison levels, missing values not counted. */
    public int levels() {
        return levels;
    }

    /** True when the field's own value is selective enough to open a block; others only refine oversize blocks. */
    public boolean blocksAlone() {
        return blocksAlone;
    }

    /** True for identifiers whose agreement decides a match outright instead of adding weight. */
    public boolean decisive() {
        return this == VAT_ID || this == STRONG_ID;
    }

    /** The type for a command-line name such as "given_name" or "vat-id"; "authors" names {@link #PERSONS}. */
    public static FieldType parse(String name) {
        String constant = name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return constant.equals("AUTHORS") ? PERSONS : valueOf(constant);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown field type '" + name + "', expected one of " + names(), e);
        }
    }

    /** The command-line names of all types, comma separated. */
    public static String names() {
        return Arrays.stream(values())
                .map(t -> t.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
