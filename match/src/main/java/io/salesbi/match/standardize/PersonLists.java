package io.salesbi.match.standardize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Standardizes a list of person names, such as the authors of a paper, to one folded form per person: the surname
 * and the first initial of the given names ("Michael J. Franklin", "M. J. Franklin", "Franklin, M." and "Franklin
 * MJ" are all {@code franklin m}). Bibliographies and registers write one list in many ways: full given names or
 * initials, with or without dots, "Surname, Given" or "Given Surname", separated by commas, semicolons, "and" or
 * "&amp;", truncated with "et al.". The standardized list keeps its order (the first person is often the one both
 * sources agree on) and says when it was truncated.
 *
 * <p>Commas are ambiguous: "Franklin, Michael" is one person written surname first, "Franklin, Halevy" two persons.
 * The rule: a list with semicolons is split on them and each part may be "Surname, Given"; otherwise a list split on
 * commas whose every second part is given names alone (initials, "M. J.", or one word after a one-word part) is read
 * as surname–given pairs (so is one whose every second part ends in an initial: "Franklin, Michael J."), a list
 * joined by "and" whose every part holds one comma is BibTeX's "Surname, Given and Surname, Given", and a list of
 * exactly two one-word parts is one person surname first. Two authors
 * written by surname alone ("Franklin, Halevy") are therefore read as one person; such lists are rare and a
 * surname still matches the other source's.
 */
public final class PersonLists {

    /** Written after the persons of a list that names only its first ones ("Franklin et al."). */
    public static final String TRUNCATED = "et al";

    private static final Pattern AND = Pattern.compile("\\s+(?:and|und|&)\\s+|\\s*&\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ET_AL =
            Pattern.compile("[,;]?\\s*(?:et\\.?\\s*al\\.?|and\\s+others|u\\.\\s*a\\.)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.?[\\s-]*){1,3}");
    private static final Pattern ENDS_IN_INITIAL = Pattern.compile("\\p{L}[\\p{L}'-]+(?:\\s+\\p{Lu}\\.?){1,2}");

    /** Words that belong to the surname that follows them ("Jochen Van den Bercken", "Ludwig von Mises"). */
    private static final Set<String> PARTICLES =
            Set.of("van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "del", "dos", "ter", "ten", "zu");

    /** Words after a name that are not part of it. */
    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "phd", "md");

    private PersonLists() {}

    /**
     * The persons as {@code surname initial}, in the list's order, joined by ", ", followed by
     * {@value #TRUNCATED} when the list was cut short; null when no person is left.
     */
    public static String standardize(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = raw.strip();
        boolean truncated = false;
        var etAl = ET_AL.matcher(text);
        if (etAl.find()) {
            truncated = true;
            text = text.substring(0, etAl.start()).strip();
        }
        List<String> persons = new ArrayList<>();
        for (String[] person : split(text)) {
            String folded = person(person[0], person[1]);
            if (folded != null) {
                persons.add(folded);
            }
        }
        if (persons.isEmpty()) {
            return null;
        }
        return String.join(", ", persons) + (truncated ? " " + TRUNCATED : "");
    }

    /** The persons of a standardized list, in order, without the truncation mark. */
    public static List<String> persons(String standardized) {
        String list = truncated(standardized)
                ? standardized.substring(0, standardized.length() - TRUNCATED.length() - 1)
                : standardized;
        return List.of(list.split(", "));
    }

    /** True when a standardized list names only the first persons of a longer one. */
    public static boolean truncated(String standardized) {
        return standardized.endsWith(" " + TRUNCATED);
    }

    /** The surname of a standardized person ("franklin m" → "franklin"). */
    public static String surname(String person) {
        int space = person.indexOf(' ');
        return space < 0 ? person : person.substring(0, space);
    }

    /**
     * The persons of a list, each as {given names, surname} or, when the order is unknown, {name, null} to be read
     * by {@link #person}.
     */
    private static List<String[]> split(String text) {
        List<String[]> persons = new ArrayList<>();
        String[] byAnd = AND.split(text);
        boolean bibtex = byAnd.length > 1 && Arrays.stream(byAnd).allMatch(name -> commas(name) == 1);
        if (text.indexOf(';') >= 0 || bibtex) {
            for (String part : text.split(";")) {
                for (String name : AND.split(part)) {
                    int comma = name.indexOf(',');
                    persons.add(
                            comma < 0
                                    ? new String[] {name, null}
                                    : new String[] {name.substring(comma + 1), name.substring(0, comma)});
                }
            }
            return persons;
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split(",")) {
            for (String name : AND.split(part)) {
                if (!name.isBlank()) {
                    parts.add(name.strip());
                }
            }
        }
        if (surnameFirstPairs(parts)) {
            for (int p = 0; p + 1 < parts.size(); p += 2) {
                persons.add(new String[] {parts.get(p + 1), parts.get(p)});
            }
            return persons;
        }
        for (String part : parts) {
            persons.add(new String[] {part, null});
        }
        return persons;
    }

    private static int commas(String name) {
        return (int) name.chars().filter(c -> c == ',').count();
    }

    /**
     * True for "Franklin, M. J., Halevy, A." (every second part initials or names ending in an initial: "Franklin,
     * Michael J.", which written given name first would end in the surname) and for "Franklin, Michael" (two one-word
     * parts): parts that pair into surname and given names.
     */
    private static boolean surnameFirstPairs(List<String> parts) {
        if (parts.size() < 2 || parts.size() % 2 != 0) {
            return false;
        }
        if (parts.size() == 2 && oneWord(parts.get(0)) && oneWord(parts.get(1))) {
            return true;
        }
        for (int p = 0; p + 1 < parts.size(); p += 2) {
            String surname = parts.get(p);
            String given = parts.get(p + 1);
            // "Franklin M, Halevy A" (initials after each surname) and "Wei Wang, Halevy A" (a name, then "Surname
            // I") hold persons, not pairs: a surname before its given names is one word
            boolean givenNames = INITIALS.matcher(given).matches()
                    || oneWord(surname) && ENDS_IN_INITIAL.matcher(given).matches();
            if (ENDS_IN_INITIAL.matcher(surname).matches() || !givenNames) {
                return false;
            }
        }
        return true;
    }

    private static boolean oneWord(String part) {
        return !part.contains(" ") && !part.contains(".");
    }

    /**
     * One person as {@code surname initial}: the surname folded with its particles and hyphens joined
     * ("garciamolina", "vandenbercken"), the initial the first letter of the given names. With {@code surname} null
     * the name is read as "Given Surname", or as "Surname GI" when it ends in capital initials without dots
     * ("Franklin MJ").
     */
    private static String person(String name, String surname) {
        String given = name;
        String family = surname;
        if (family == null) {
            List<String> words = words(name);
            if (words.isEmpty()) {
                return null;
            }
            String last = words.get(words.size() - 1);
            if (words.size() > 1
                    && last.length() <= 3
                    && last.equals(last.toUpperCase(Locale.ROOT))
                    && last.chars().allMatch(Character::isLetter)
                    && !words.get(0).equals(words.get(0).toUpperCase(Locale.ROOT))) {
                family = String.join(" ", words.subList(0, words.size() - 1));
                given = last;
            } else {
                int start = words.size() - 1;
                while (start > 1 && PARTICLES.contains(TextFold.foldCase(words.get(start - 1)))) {
                    start--;
                }
                family = String.join(" ", words.subList(start, words.size()));
                given = String.join(" ", words.subList(0, start));
            }
        }
        String folded = TextFold.fold(family).replace(" ", "");
        if (folded.isEmpty()) {
            return null;
        }
        String givenFolded = TextFold.fold(given);
        return givenFolded.isEmpty() ? folded : folded + " " + givenFolded.charAt(0);
    }

    /** The words of a name without suffixes ("Jr."); dots end a word ("M.J." is two). */
    private static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String word : name.replace('.', ' ').strip().split("\\s+")) {
            if (!word.isEmpty() && !SUFFIXES.contains(TextFold.foldCase(word))) {
                words.add(word);
            }
        }
        return words;
    }
}
