package io.salesbi.match.engine;

import io.salesbi.match.standardize.AddressParser;
import io.salesbi.match.standardize.CompanyNameStandardizer;
import io.salesbi.match.standardize.CountryCodes;
import io.salesbi.match.standardize.Dates;
import io.salesbi.match.standardize.EmailAddresses;
import io.salesbi.match.standardize.ParsedAddress;
import io.salesbi.match.standardize.PersonLists;
import io.salesbi.match.standardize.PersonNames;
import io.salesbi.match.standardize.PhoneNumbers;
import io.salesbi.match.standardize.PostalStandardizer;
import io.salesbi.match.standardize.StreetStandardizer;
import io.salesbi.match.standardize.TextFold;
import io.salesbi.match.standardize.VatIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.commons.codec.language.ColognePhonetic;

/** Standardizes one input column by its type and derives tokens, phonetic codes and blocking keys. */
final class FieldPreparer {

    private static final String[] NO_KEYS = new String[0];

    private final String defaultCountry;

    FieldPreparer(String defaultCountry) {
        this.defaultCountry = defaultCountry;
    }

    /**
     * Standardizes each distinct raw value once and lets every record holding it share the results: the value, its
     * tokens, phonetic code, blocking keys, parsed address and word weights are one instance per distinct value
     * (and equal tokens and keys one instance per field). A million records of a few hundred thousand distinct
     * names, a few thousand cities and postcodes then hold per record only references, not copies; the results are
     * the same as standardizing every record on its own.
     */
    PreparedField prepare(FieldType type, String[] raw) {
        int n = raw.length;
        Map<String, Integer> distinctIndex = new HashMap<>();
        List<String> distinct = new ArrayList<>();
        int[] rawId = new int[n];
        for (int i = 0; i < n; i++) {
            if (raw[i] == null || raw[i].isBlank()) {
                rawId[i] = -1;
                continue;
            }
            Integer known = distinctIndex.putIfAbsent(raw[i], distinct.size());
            if (known == null) {
                rawId[i] = distinct.size();
                distinct.add(raw[i]);
            } else {
                rawId[i] = known;
            }
        }
        distinctIndex = null;
        Prepared prepared = prepareDistinct(type, distinct);
        String[] value = new String[n];
        String[] phonetic = prepared.phonetic == null ? null : new String[n];
        String[][] tokens = prepared.tokens == null ? null : new String[n][];
        String[][] keys = new String[n][];
        ParsedAddress[] addresses = prepared.addresses == null ? null : new ParsedAddress[n];
        for (int i = 0; i < n; i++) {
            int d = rawId[i];
            if (d < 0 || prepared.value[d] == null) {
                keys[i] = NO_KEYS;
                continue;
            }
            value[i] = prepared.value[d];
            keys[i] = prepared.keys[d];
            if (phonetic != null) {
                phonetic[i] = prepared.phonetic[d];
            }
            if (tokens != null) {
                tokens[i] = prepared.tokens[d];
            }
            if (addresses != null) {
                addresses[i] = prepared.addresses[d];
            }
        }
        float[][] weights = switch (type) {
            case COMPANY, TEXT -> CompanyNameComparison.weights(tokens);
            case PERSONS -> CompanyNameComparison.weights(tokens, PersonLists::surname);
            default -> null;
        };
        return new PreparedField(type, value, phonetic, tokens, keys, addresses, weights);
    }

    /** The standardized forms of distinct raw values, parallel to them. */
    private record Prepared(
            String[] value, String[] phonetic, String[][] tokens, String[][] keys, ParsedAddress[] addresses) {}

    private Prepared prepareDistinct(FieldType type, List<String> raw) {
        int n = raw.size();
        String[] value = new String[n];
        String[] phonetic = usesPhonetic(type) ? new String[n] : null;
        String[][] tokens = usesTokens(type) ? new String[n][] : null;
        String[][] keys = new String[n][];
        ParsedAddress[] addresses = usesAddress(type) ? new ParsedAddress[n] : null;
        ColognePhonetic cologne = new ColognePhonetic();
        IntStream.range(0, n).parallel().forEach(i -> {
            String v;
            if (addresses != null) {
                ParsedAddress parsed = AddressParser.parse(raw.get(i));
                v = parsed == null ? null : addressValue(type, parsed);
                addresses[i] = v == null || v.isEmpty() ? null : parsed;
            } else {
                v = standardize(type, raw.get(i));
            }
            value[i] = v == null || v.isEmpty() ? null : v;
            if (value[i] == null) {
                keys[i] = NO_KEYS;
                return;
            }
            if (tokens != null) {
                tokens[i] = switch (type) {
                    case COMPANY -> sortedTokens(joinInitials(value[i]));
                    case TEXT -> TextComparison.words(value[i]);
                    case PERSONS ->
                        PersonLists.persons(value[i]).stream()
                                .distinct()
                                .sorted()
                                .toArray(String[]::new);
                    default -> sortedTokens(value[i]);
                };
            }
            if (phonetic != null) {
                phonetic[i] =
                        type == FieldType.TEXT ? TextComparison.numberKey(tokens[i]) : phoneticOf(cologne, value[i]);
            }
            keys[i] = type == FieldType.ADDRESS
                    ? addressKeys(addresses[i])
                    : blockKeys(
                            type, value[i], phonetic == null ? null : phonetic[i], tokens == null ? null : tokens[i]);
        });
        canonicalize(value);
        if (phonetic != null) {
            canonicalize(phonetic);
        }
        Map<String, String> words = new HashMap<>();
        if (tokens != null) {
            canonicalizeArrays(tokens, words);
        }
        canonicalizeArrays(keys, words);
        return new Prepared(value, phonetic, tokens, keys, addresses);
    }

    /**
     * One instance per distinct array content and per distinct string in them: records whose values standardize
     * alike (and tokens or keys the same) share one array.
     */
    private static void canonicalizeArrays(String[][] arrays, Map<String, String> words) {
        Map<List<String>, String[]> canonical = new HashMap<>();
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] == null) {
                continue;
            }
            if (arrays[i].length == 0) {
                arrays[i] = NO_KEYS;
                continue;
            }
            String[] shared = canonical.get(Arrays.asList(arrays[i]));
            if (shared == null) {
                for (int k = 0; k < arrays[i].length; k++) {
                    arrays[i][k] = words.computeIfAbsent(arrays[i][k], w -> w);
                }
                canonical.put(Arrays.asList(arrays[i]), arrays[i]);
                shared = arrays[i];
            }
            arrays[i] = shared;
        }
    }

    /**
     * One instance per distinct value: equal values then compare by reference, and the few thousand cities or
     * postcodes of fifty thousand records stay in the processor's cache while millions of pairs are compared.
     */
    private static void canonicalize(String[] values) {
        Map<String, String> canonical = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                values[i] = canonical.computeIfAbsent(values[i], v -> v);
            }
        }
    }

    String standardize(FieldType type, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (type) {
            case COMPANY -> CompanyNameStandardizer.standardize(raw).normalized();
            case NAME, GIVEN_NAME, SURNAME -> PersonNames.standardize(raw);
            case ADDRESS, STREET -> addressValue(type, AddressParser.parse(raw));
            case HOUSE_NUMBER -> StreetStandardizer.houseNumber(raw);
            case POSTCODE -> PostalStandardizer.withoutZipExtension(PostalStandardizer.postcode(raw, null));
            case CITY -> PostalStandardizer.city(raw);
            case COUNTRY -> {
                String iso = CountryCodes.toIso(raw);
                yield iso == null ? TextFold.fold(raw) : iso;
            }
            case PHONE -> PhoneNumbers.toE164(raw, defaultCountry);
            case EMAIL -> EmailAddresses.email(raw);
            case WEBSITE -> EmailAddresses.webDomain(raw);
            case VAT_ID -> VatIds.normalize(raw);
            case STRONG_ID -> strongId(raw);
            case DATE -> Dates.standardize(raw);
            case EXACT -> raw.strip();
            case TEXT -> TextFold.fold(raw);
            case PERSONS -> PersonLists.standardize(raw);
            case YEAR -> year(raw);
        };
    }

    /**
     * The year a value names: its first run of four digits from 1000 to 2999 ("1999", "1999.0", "Proc. 1999",
     * "31.12.1999"), else a whole number as written; null when it holds neither.
     */
    static String year(String raw) {
        Matcher four = FOUR_DIGIT_YEAR.matcher(raw);
        if (four.find()) {
            return four.group(1);
        }
        String number = raw.strip().replaceFirst("\\.0+$", "");
        return number.matches("-?\\d{1,9}") ? String.valueOf(Integer.parseInt(number)) : null;
    }

    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("(?<!\\d)([12]\\d{3})(?!\\d)");

    /** Upper case without spaces; purely numeric ids lose leading zeros ("001234" and "1234" are one debtor). */
    private static String strongId(String raw) {
        String id = raw.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (id.endsWith(".0")) {
            id = id.substring(0, id.length() - 2);
        }
        return id.matches("\\d+") ? id.replaceFirst("^0+(?=\\d)", "") : id;
    }

    /**
     * A whole address line: its parts in one canonical order ({@link ParsedAddress#canonical()}). A street column:
     * the street's words joined (German writers join and split street names freely), then the house number and
     * unit where the column holds them, so that "Hauptstr. 12" and "Hauptstraße 14" are not one street value.
     */
    private static String addressValue(FieldType type, ParsedAddress parsed) {
        if (type == FieldType.ADDRESS) {
            return parsed.canonical();
        }
        List<String> parts = new ArrayList<>(3);
        for (String part : new String[] {parsed.joinedStreet(), parsed.houseNumber(), parsed.unit()}) {
            if (part != null) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }

    private static boolean usesAddress(FieldType type) {
        return type == FieldType.ADDRESS || type == FieldType.STREET;
    }

    /** Runs of single letters become one word: "d s m ip assets" (from "D.S.M. IP Assets") → "dsm ip assets". */
    static String joinInitials(String value) {
        String[] words = value.split(" ");
        StringBuilder out = new StringBuilder(value.length());
        for (int w = 0; w < words.length; w++) {
            boolean initial = words[w].length() == 1 && Character.isLetter(words[w].charAt(0));
            boolean afterInitial = w > 0 && words[w - 1].length() == 1 && Character.isLetter(words[w - 1].charAt(0));
            if (out.length() > 0 && !(initial && afterInitial)) {
                out.append(' ');
            }
            out.append(words[w]);
        }
        return out.toString();
    }

    private static String[] sortedTokens(String value) {
        return new TreeSet<>(Arrays.asList(value.split(" "))).toArray(String[]::new);
    }

    private static String phoneticOf(ColognePhonetic cologne, String value) {
        StringBuilder code = new StringBuilder();
        for (String token : value.split(" ")) {
            if (code.length() > 0) {
                code.append(' ');
            }
            code.append(cologne.colognePhonetic(token));
        }
        return code.toString();
    }

    private static String[] blockKeys(FieldType type, String value, String phonetic, String[] tokens) {
        return switch (type) {
            case COMPANY, TEXT -> {
                List<String> keys = new ArrayList<>();
                keys.add(value);
                if (type == FieldType.COMPANY) {
                    // the name written together ("gistbrocades" / "gist brocades"), and a one-word name as it sounds
                    // ("unilver" / "unilever": no other word to share; longer names share their other words)
                    String joined = value.replace(" ", "");
                    if (!joined.equals(value)) {
                        keys.add(joined);
                    } else if (!phonetic.isEmpty()) {
                        keys.add("p:" + phonetic);
                    }
                }
                for (String token : tokens) {
                    if (token.length() >= 3 && !token.equals(value)) {
                        keys.add("t:" + token);
                    }
                }
                yield keys.toArray(String[]::new);
            }
            case NAME -> {
                List<String> keys = new ArrayList<>();
                for (String code : phonetic.split(" ")) {
                    if (!code.isEmpty()) {
                        keys.add("p:" + code);
                    }
                }
                yield keys.toArray(String[]::new);
            }
            case PERSONS -> {
                // each surname: a true pair shares at least one; refined by the other fields where common ("wang")
                List<String> keys = new ArrayList<>(tokens.length);
                for (String person : tokens) {
                    String surname = PersonLists.surname(person);
                    if (surname.length() >= 3 && !keys.contains("s:" + surname)) {
                        keys.add("s:" + surname);
                    }
                }
                yield keys.toArray(String[]::new);
            }
            case GIVEN_NAME, SURNAME ->
                phonetic.isEmpty() || phonetic.equals(value)
                        ? new String[] {value}
                        : new String[] {value, "p:" + phonetic};
            default -> new String[] {value};
        };
    }

    /**
     * A long house number alone ("n:10801", as distinctive as a postcode), and each long word of the street that is
     * not a street type or direction with the building number ("pico|10801"); the words and numbers of units and
     * postcodes open no block.
     */
    private static String[] addressKeys(ParsedAddress address) {
        List<String> keys = new ArrayList<>(3);
        String number = address.buildingNumber();
        if (number != null && number.length() >= 4) {
            keys.add("n:" + number);
        }
        if (number != null && address.street() != null) {
            for (String token : address.street().split(" ")) {
                if (token.length() >= 4 && !Character.isDigit(token.charAt(0)) && !AddressParser.isGeneric(token)) {
                    keys.add(token + "|" + number);
                }
            }
        }
        return keys.toArray(String[]::new);
    }

    /** Name types' Kölner Phonetik codes; for text the numbers it carries ({@link TextComparison#numberKey}). */
    private static boolean usesPhonetic(FieldType type) {
        return type == FieldType.TEXT
                || type == FieldType.NAME
                || type == FieldType.GIVEN_NAME
                || type == FieldType.SURNAME
                || type == FieldType.COMPANY;
    }

    private static boolean usesTokens(FieldType type) {
        return type == FieldType.COMPANY
                || type == FieldType.NAME
                || type == FieldType.ADDRESS
                || type == FieldType.TEXT
                || type == FieldType.PERSONS;
    }
}
