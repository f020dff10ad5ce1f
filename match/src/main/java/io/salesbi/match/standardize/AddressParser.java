package io.salesbi.match.standardize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes an address line apart into street, house number, unit and postcode, for German and English writing.
 * No maintained Java library does this without native code (libpostal's Java binding needs the C library and a
 * 2 GB model), so this is a small table-driven parser; docs/matching.md lists what it covers.
 *
 * <p>In order: a care-of part ("c/o Regus", "z. Hd. Frau Meier", "Attn: …") is dropped up to the next comma;
 * the line is split at commas, and a later part that is a postcode with a place ("10115 Berlin", "Chicago, IL
 * 60601", "London SW1A 1AA") gives the postcode, other later parts without a house number are the locality and
 * dropped; units ("Suite 200", "Ste. 200", "Rm. 5", "#12", "3. OG", "2nd Floor", "Whg. 4", "Postfach 12") are
 * taken out; the house number is the number at the end (German "Hauptstr. 12 a") or at the start (English "12 Main
 * St") of what is left; the remaining words are the street, with the abbreviations of {@link #WORDS} spelled
 * out: "Str."/"Strasse"/"Straße" → strasse, "W."/"W" → west, "St" → street at the end and saint before a name,
 * "Ave" → avenue, "Pl." → platz in German order and place in English order.
 */
public final class AddressParser {

    private static final Pattern CARE_OF = Pattern.compile(
            "(?<![a-z0-9])(?:c\\s*/\\s*o|c\\.\\s*o\\.|z\\.?\\s*hd\\.?|zu\\s+haenden|attn\\.?:?|attention:?)"
                    + "(?![a-z])[^,;]*[,;]?");
    private static final Pattern GERMAN_STR = Pattern.compile("(?<=[a-z])(?:str|strase)\\b\\.?");
    private static final Pattern GERMAN_PL = Pattern.compile("(?<=[a-z]{3})pl\\.");
    private static final Pattern LETTERS_THEN_DIGITS = Pattern.compile("([a-z]{3,})(\\d)");
    private static final Pattern NOT_ADDRESS_CHARACTERS = Pattern.compile("[^a-z0-9#/\\-]+");
    private static final Pattern SPACED_DASH = Pattern.compile("(\\d)\\s*([-/])\\s*(\\d)");

    /** A postcode with its place: German, Austrian, Swiss, Dutch-less numeric ("D-10115 Berlin", "1010 Wien"). */
    private static final Pattern NUMERIC_POSTCODE_PLACE = Pattern.compile("^(?:[a-z]{1,2}-)?(\\d{4,5})\\s+[a-z].*$");
    /** US state and ZIP, optionally after the city: "il 60601", "chicago il 60601-1234". */
    private static final Pattern US_STATE_ZIP = Pattern.compile("^(?:[a-z .]+\\s)?[a-z]{2}\\s+(\\d{5})(?:-\\d{4})?$");
    /** A bare ZIP or postcode part: "60601". */
    private static final Pattern BARE_POSTCODE = Pattern.compile("^(\\d{4,5})(?:-\\d{4})?$");
    /** A UK postcode, optionally after the town: "london sw1a 1aa". */
    private static final Pattern UK_POSTCODE =
            Pattern.compile("^(?:[a-z .]+\\s)?([a-z]{1,2}\\d[a-z\\d]?)\\s*(\\d[a-z]{2})$");

    /** Units with their word before the number: "suite 200", "rm 5", "# 12", "whg 4", "postfach 12". */
    private static final Pattern UNIT_WORD_FIRST = Pattern.compile(
            "(?<![a-z0-9])(p\\s*o\\s*box|postfach|suite|ste|room|rm|zimmer|zi|raum|unit|apartment|apt|flat|whg"
                    + "|wohnung|floor|fl|etage|building|bldg|gebaeude|geb|#)\\s*#?\\s*(\\d+[a-z]?|[a-z](?![a-z]))"
                    + "(?![a-z0-9])");
    /** Floors with their number first: "3. og", "2nd floor", "3 etage", "1st fl". */
    private static final Pattern FLOOR_NUMBER_FIRST = Pattern.compile(
            "(?<![a-z0-9])(\\d+)\\s*(?:\\.|st|nd|rd|th)?\\s*(?:og|obergeschoss|stock|etage|floor|fl)(?![a-z])");

    private static final Map<String, String> UNIT_KINDS = Map.ofEntries(
            Map.entry("suite", "suite"),
            Map.entry("ste", "suite"),
            Map.entry("room", "room"),
            Map.entry("rm", "room"),
            Map.entry("zimmer", "room"),
            Map.entry("zi", "room"),
            Map.entry("raum", "room"),
            Map.entry("unit", "unit"),
            Map.entry("apartment", "unit"),
            Map.entry("apt", "unit"),
            Map.entry("flat", "unit"),
            Map.entry("whg", "unit"),
            Map.entry("wohnung", "unit"),
            Map.entry("#", "unit"),
            Map.entry("floor", "floor"),
            Map.entry("fl", "floor"),
            Map.entry("etage", "floor"),
            Map.entry("stock", "floor"),
            Map.entry("building", "building"),
            Map.entry("bldg", "building"),
            Map.entry("gebaeude", "building"),
            Map.entry("geb", "building"),
            Map.entry("postfach", "po box"));

    private static final Pattern NUMBER_AT_END =
            Pattern.compile("^(.*[a-z].*?)\\s+(?:nr\\s+|no\\s+)?(\\d+(?:\\s?[a-z])?(?:[-/]\\d+[a-z]?)?)$");
    private static final Pattern NUMBER_AT_START = Pattern.compile("^(\\d+[a-z]?(?:[-/]\\d+[a-z]?)?)\\s+(.*[a-z].*)$");

    /** Abbreviations and spellings that mean the same word, in either language and any position. */
    static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("strase", "strasse"),
            Map.entry("str", "strasse"),
            Map.entry("ave", "avenue"),
            Map.entry("av", "avenue"),
            Map.entry("avn", "avenue"),
            Map.entry("blvd", "boulevard"),
            Map.entry("blv", "boulevard"),
            Map.entry("boul", "boulevard"),
            Map.entry("rd", "road"),
            Map.entry("ln", "lane"),
            Map.entry("hwy", "highway"),
            Map.entry("pkwy", "parkway"),
            Map.entry("pky", "parkway"),
            Map.entry("sq", "square"),
            Map.entry("ct", "court"),
            Map.entry("crt", "court"),
            Map.entry("cres", "crescent"),
            Map.entry("pde", "parade"),
            Map.entry("ter", "terrace"),
            Map.entry("terr", "terrace"),
            Map.entry("cir", "circle"),
            Map.entry("expy", "expressway"),
            Map.entry("fwy", "freeway"),
            Map.entry("sankt", "saint"),
            Map.entry("mt", "mount"),
            Map.entry("ft", "fort"),
            Map.entry("n", "north"),
            Map.entry("s", "south"),
            Map.entry("e", "east"),
            Map.entry("w", "west"),
            Map.entry("ne", "northeast"),
            Map.entry("nw", "northwest"),
            Map.entry("se", "southeast"),
            Map.entry("sw", "southwest"),
            Map.entry("first", "1st"),
            Map.entry("second", "2nd"),
            Map.entry("third", "3rd"),
            Map.entry("fourth", "4th"),
            Map.entry("fifth", "5th"),
            Map.entry("sixth", "6th"),
            Map.entry("seventh", "7th"),
            Map.entry("eighth", "8th"),
            Map.entry("ninth", "9th"),
            Map.entry("tenth", "10th"));

    /** Words after which "St" stays "street": directions and street types ("Main St W", "St Ave"). */
    private static final Set<String> AFTER_STREET = Set.of(
            "north",
            "south",
            "east",
            "west",
            "northeast",
            "northwest",
            "southeast",
            "southwest",
            "street",
            "avenue",
            "road",
            "boulevard",
            "lane",
            "drive",
            "place");

    /** Spelled-out words that name a kind of street or a direction, not a street. */
    private static final Set<String> GENERIC = Set.of(
            "strasse",
            "street",
            "saint",
            "sainte",
            "platz",
            "place",
            "drive",
            "doctor",
            "weg",
            "allee",
            "gasse",
            "ring",
            "chaussee");

    private AddressParser() {}

    /** True for a street type or direction ("strasse", "avenue", "north"), which says little about a street. */
    public static boolean isGeneric(String word) {
        return GENERIC.contains(word)
                || AFTER_STREET.contains(word)
                || WORDS.containsValue(word) && !word.matches("\\d.*");
    }

    /** Parses one address line; every part null when the line is empty. */
    public static ParsedAddress parse(String line) {
        String text = TextFold.foldCase(line);
        if (text.isEmpty()) {
            return new ParsedAddress(null, null, null, null);
        }
        text = dropCareOf(text);
        text = GERMAN_PL.matcher(GERMAN_STR.matcher(text).replaceAll("strasse")).replaceAll("platz");
        String postcode = null;
        List<String> kept = new ArrayList<>();
        String[] parts = text.split("[,;\\n]+");
        for (int i = 0; i < parts.length; i++) {
            String part =
                    NOT_ADDRESS_CHARACTERS.matcher(parts[i]).replaceAll(" ").strip();
            if (part.isEmpty()) {
                continue;
            }
            String found = kept.isEmpty() ? null : postcodeOf(part);
            if (found != null) {
                postcode = postcode == null ? found : postcode;
            } else {
                kept.add(part);
            }
        }
        String rest = String.join(" , ", kept);
        String unit = null;
        Matcher floor = FLOOR_NUMBER_FIRST.matcher(rest);
        if (floor.find()) {
            unit = "floor " + floor.group(1);
            rest = rest.substring(0, floor.start()) + " " + rest.substring(floor.end());
        }
        Matcher word = UNIT_WORD_FIRST.matcher(rest);
        if (unit == null && word.find()) {
            String kind = word.group(1).replace(" ", "");
            unit = UNIT_KINDS.getOrDefault(kind, kind.equals("pobox") ? "po box" : kind) + " " + word.group(2);
            rest = rest.substring(0, word.start()) + " " + rest.substring(word.end());
        }
        return streetAndNumber(rest, unit, postcode);
    }

    private static ParsedAddress streetAndNumber(String rest, String unit, String postcode) {
        List<String> pieces = new ArrayList<>();
        for (String piece : rest.split(",")) {
            String clean = SPACED_DASH
                    .matcher(
                            LETTERS_THEN_DIGITS.matcher(piece.replace("#", " ")).replaceAll("$1 $2"))
                    .replaceAll("$1$2$3")
                    .replaceAll("\\s+", " ")
                    .strip();
            if (!clean.isEmpty()) {
                pieces.add(clean);
            }
        }
        String street = null;
        String number = null;
        boolean numberFirst = false;
        for (String piece : pieces) {
            if (street != null && number != null) {
                break;
            }
            if (piece.matches("\\d+[a-z]?(?:[-/]\\d+[a-z]?)?")) {
                number = number == null ? piece : number;
                continue;
            }
            if (street != null) {
                continue;
            }
            Matcher end = NUMBER_AT_END.matcher(piece);
            Matcher start = NUMBER_AT_START.matcher(piece);
            if (start.matches()) {
                number = start.group(1);
                street = start.group(2);
                numberFirst = true;
            } else if (end.matches()) {
                street = end.group(1);
                number = end.group(2).replace(" ", "");
            } else {
                street = piece;
            }
        }
        return new ParsedAddress(streetWords(street, numberFirst), number, unit, postcode);
    }

    /** The street's words, abbreviations spelled out; null when no word remains. */
    static String streetWords(String street, boolean englishOrder) {
        if (street == null) {
            return null;
        }
        String[] tokens = street.replace('-', ' ').replace('/', ' ').strip().split("\\s+");
        List<String> words = new ArrayList<>(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.isEmpty()) {
                continue;
            }
            String next = i + 1 < tokens.length ? WORDS.getOrDefault(tokens[i + 1], tokens[i + 1]) : null;
            words.add(
                    switch (token) {
                        case "st" -> next != null && !AFTER_STREET.contains(next) ? "saint" : "street";
                        case "ste" -> next != null ? "sainte" : "suite";
                        case "dr" -> next == null || AFTER_STREET.contains(next) ? "drive" : "doctor";
                        case "pl" -> englishOrder ? "place" : "platz";
                        default -> {
                            String spelled = WORDS.getOrDefault(token, token);
                            yield spelled.endsWith("strase")
                                    ? spelled.substring(0, spelled.length() - 6) + "strasse"
                                    : spelled;
                        }
                    });
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }

    private static String dropCareOf(String text) {
        Matcher careOf = CARE_OF.matcher(text);
        if (!careOf.find()) {
            return text;
        }
        String without = (text.substring(0, careOf.start()) + " " + text.substring(careOf.end())).strip();
        if (without.chars().anyMatch(Character::isLetter)) {
            return without;
        }
        // "c/o Regus 123 Main St" without a comma: the care-of name ends where the street line's number starts.
        String after = text.substring(careOf.start()).replaceFirst("^\\S+\\s*", "");
        Matcher digit = Pattern.compile("(?<![a-z0-9])\\d").matcher(after);
        return digit.find() ? after.substring(digit.start()) : text;
    }

    private static String postcodeOf(String part) {
        for (Pattern pattern : new Pattern[] {NUMERIC_POSTCODE_PLACE, US_STATE_ZIP, BARE_POSTCODE}) {
            Matcher matcher = pattern.matcher(part);
            if (matcher.matches()) {
                return matcher.group(1);
            }
        }
        Matcher uk = UK_POSTCODE.matcher(part);
        if (uk.matches()) {
            return uk.group(1) + uk.group(2);
        }
        return null;
    }
}
