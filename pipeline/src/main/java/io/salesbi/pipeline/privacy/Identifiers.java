package io.salesbi.pipeline.privacy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a person's identifiers are compared, the same in Java (files, ingest) and in DuckDB (warehouse tables): an
 * e-mail in lower case without surrounding blanks, a phone as its digits (a leading {@code 00} dropped, so
 * {@code 0049 40 123} and {@code +49 40 123} are one number), a name in lower case with accents and repeated blanks
 * removed ({@code  Jörg  Müller } and {@code jorg muller} are one name).
 */
public final class Identifiers {

    /** Phones shorter than this are not looked for inside free text: too many false hits. */
    static final int MIN_PHONE_DIGITS_IN_TEXT = 6;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    private Identifiers() {}

    public static String email(String value) {
        if (value == null) {
            return null;
        }
        String e = value.strip().toLowerCase(Locale.ROOT);
        return e.isEmpty() ? null : e;
    }

    public static String phone(String value) {
        if (value == null) {
            return null;
        }
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.startsWith("00")) {
            digits = digits.substring(2);
        }
        return digits.isEmpty() ? null : digits;
    }

    public static String name(String value) {
        if (value == null) {
            return null;
        }
        String n =
                MARKS.matcher(Normalizer.normalize(value, Normalizer.Form.NFD)).replaceAll("");
        n = BLANKS.matcher(n.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        return n.isEmpty() ? null : n;
    }

    /** DuckDB SQL for {@link #email(String)} of {@code expr}. */
    static String emailSql(String expr) {
        return "nullif(lower(trim(" + expr + ")), '')";
    }

    /** DuckDB SQL for {@link #phone(String)} of {@code expr}. */
    static String phoneSql(String expr) {
        return "nullif(regexp_replace(regexp_replace(" + expr + ", '[^0-9]', '', 'g'), '^00', ''), '')";
    }

    /** DuckDB SQL for {@link #name(String)} of {@code expr}. */
    static String nameSql(String expr) {
        return "nullif(lower(regexp_replace(trim(strip_accents(" + expr + ")), '\\s+', ' ', 'g')), '')";
    }
}
