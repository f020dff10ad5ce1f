package io.salesbi.sql;

import java.util.Locale;
import java.util.Set;

/**
 * One column of the warehouse as {@link PersonalDataCatalogue} declares it: whether it holds personal data, of which
 * kind, and what a JDBC user without the {@code personal_data} right sees instead of its values.
 *
 * @param relation {@code schema.relation}, lower case
 * @param column   column name, lower case
 * @param category what kind of personal data it holds; {@link Category#NONE} for a column reviewed as not personal
 * @param mask     how its values are masked; {@code null} for category {@link Category#NONE}
 * @param clearFor the roles, besides {@value #PERSONAL_DATA}, that read the column in clear because the relation
 *                 exists for them: the JDBC endpoint's audit trail (ops.audit) is the stewards' record of who logged
 *                 in and asked what, and is useless to them with its user names masked. Empty for most columns.
 * @param why      one phrase saying what the column holds
 */
public record PersonalColumn(
        String relation, String column, Category category, Mask mask, Set<String> clearFor, String why) {

    /** The right that reads every personal column in clear. */
    public static final String PERSONAL_DATA = "personal_data";

    /** The kinds of personal data the catalogue distinguishes. */
    public enum Category {
        /** a person's name. */
        NAME,
        /** a way to reach or find a person: e-mail, phone, street. */
        CONTACT,
        /** text someone typed that may say anything about a person. */
        FREE_TEXT,
        /** an identifier that ties what a person did or answered together. */
        BEHAVIOUR,
        /** reviewed: the name looks personal, the content is not. */
        NONE
    }

    /** What a masked value looks like. */
    public enum Mask {
        /** the first character and {@code ***}: {@code M. Mustermann} is {@code M***}. */
        INITIAL,
        /** the first character, {@code ***} and the domain: {@code m***@firma.de}. */
        EMAIL,
        /** the first three characters, {@code ***} and the last two: {@code +49 *** 12}. */
        PHONE,
        /** {@code ***} whatever the value. */
        REDACT
    }

    public PersonalColumn {
        relation = relation.toLowerCase(Locale.ROOT);
        column = column.toLowerCase(Locale.ROOT);
        clearFor = Set.copyOf(clearFor);
        if (category == Category.NONE && !clearFor.isEmpty()) {
            throw new IllegalArgumentException(
                    relation + "." + column + ": category none is read in clear by everybody; clear_for must be empty");
        }
        if ((category == Category.NONE) != (mask == null)) {
            throw new IllegalArgumentException(relation + "." + column + ": category " + name(category)
                    + (mask == null ? " needs a mask" : " takes no mask"));
        }
    }

    /** Whether the column holds personal data (is masked for users without the right). */
    public boolean personal() {
        return category != Category.NONE;
    }

    /** Whether a user with {@code roles} reads the column in clear: not personal, or their right or role allows. */
    public boolean clearFor(Set<String> roles) {
        return !personal() || roles.contains(PERSONAL_DATA) || clearFor.stream().anyMatch(roles::contains);
    }

    /** {@code schema.relation.column}. */
    public String qualifiedName() {
        return relation + "." + column;
    }

    /** How an enum constant is written in the catalogue file: lower case. */
    public static String name(Enum<?> constant) {
        return constant == null ? "" : constant.name().toLowerCase(Locale.ROOT);
    }
}
