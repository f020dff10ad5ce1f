package io.salesbi.pipeline.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * The person a request is about, by the identifiers the requester gave, each normalised ({@link Identifiers}); at
 * least one is given.
 */
public record Person(String email, String name, String phone) {

    public Person {
        email = Identifiers.email(email);
        name = Identifiers.name(name);
        phone = Identifiers.phone(phone);
        if (email == null && name == null && phone == null) {
            throw new IllegalArgumentException("give at least one of --email, --name, --phone");
        }
    }

    /** The kinds given, for the audit: e.g. {@code email, phone}. */
    public String kinds() {
        List<String> kinds = new ArrayList<>();
        if (email != null) {
            kinds.add("email");
        }
        if (name != null) {
            kinds.add("name");
        }
        if (phone != null) {
            kinds.add("phone");
        }
        return String.join(", ", kinds);
    }

    /** Whether {@code cell} (a value as delivered) is one of the person's identifiers. */
    boolean isIdentifier(String cell) {
        if (cell == null || cell.isBlank()) {
            return false;
        }
        return (email != null && email.equals(Identifiers.email(cell)))
                || (name != null && name.equals(Identifiers.name(cell)))
                || (phone != null && phone.equals(Identifiers.phone(cell)) && cell.matches("[0-9+()/ .\\-]+"));
    }

    /** The text's words, normalised as names are, punctuation dropped. */
    static String words(String text) {
        String w = Identifiers.name(text.replaceAll("[^\\p{L}\\p{N}]+", " "));
        return w == null ? "" : w;
    }

    /** Whether free text {@code text} mentions one of the person's identifiers. */
    boolean mentionedIn(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        return (email != null && lower.contains(email))
                || (name != null && (" " + words(text) + " ").contains(" " + words(name) + " "))
                || (phone != null
                        && phone.length() >= Identifiers.MIN_PHONE_DIGITS_IN_TEXT
                        && Identifiers.phone(text) != null
                        && Identifiers.phone(text).contains(phone));
    }
}
