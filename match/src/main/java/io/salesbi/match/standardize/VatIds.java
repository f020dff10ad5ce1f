package io.salesbi.match.standardize;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Normalizes VAT identification numbers (USt-IdNr. and the other EU formats, plus CH and GB) and checks their
 * format; German numbers are also checked with their ISO 7064 MOD 11,10 check digit.
 */
public final class VatIds {

    private static final Map<String, Pattern> FORMATS = Map.ofEntries(
            Map.entry("AT", Pattern.compile("ATU\\d{8}")),
            Map.entry("BE", Pattern.compile("BE[01]\\d{9}")),
            Map.entry("BG", Pattern.compile("BG\\d{9,10}")),
            Map.entry("CY", Pattern.compile("CY\\d{8}[A-Z]")),
            Map.entry("CZ", Pattern.compile("CZ\\d{8,10}")),
            Map.entry("DE", Pattern.compile("DE\\d{9}")),
            Map.entry("DK", Pattern.compile("DK\\d{8}")),
            Map.entry("EE", Pattern.compile("EE\\d{9}")),
            Map.entry("EL", Pattern.compile("EL\\d{9}")),
            Map.entry("ES", Pattern.compile("ES[0-9A-Z]\\d{7}[0-9A-Z]")),
            Map.entry("FI", Pattern.compile("FI\\d{8}")),
            Map.entry("FR", Pattern.compile("FR[0-9A-Z]{2}\\d{9}")),
            Map.entry("HR", Pattern.compile("HR\\d{11}")),
            Map.entry("HU", Pattern.compile("HU\\d{8}")),
            Map.entry("IE", Pattern.compile("IE\\d[0-9A-Z+*]\\d{5}[A-Z]{1,2}")),
            Map.entry("IT", Pattern.compile("IT\\d{11}")),
            Map.entry("LT", Pattern.compile("LT(\\d{9}|\\d{12})")),
            Map.entry("LU", Pattern.compile("LU\\d{8}")),
            Map.entry("LV", Pattern.compile("LV\\d{11}")),
            Map.entry("MT", Pattern.compile("MT\\d{8}")),
            Map.entry("NL", Pattern.compile("NL\\d{9}B\\d{2}")),
            Map.entry("PL", Pattern.compile("PL\\d{10}")),
            Map.entry("PT", Pattern.compile("PT\\d{9}")),
            Map.entry("RO", Pattern.compile("RO\\d{2,10}")),
            Map.entry("SE", Pattern.compile("SE\\d{10}01")),
            Map.entry("SI", Pattern.compile("SI\\d{8}")),
            Map.entry("SK", Pattern.compile("SK\\d{10}")),
            Map.entry("XI", Pattern.compile("XI(\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3})")),
            Map.entry("GB", Pattern.compile("GB(\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3})")),
            Map.entry("CH", Pattern.compile("CHE\\d{9}(MWST|TVA|IVA)?")));

    private VatIds() {}

    /** The VAT id in upper case without spaces and punctuation ("DE 123.456.789" → "DE123456789"), or null when its format does not check out. */
    public static String normalize(String vatId) {
        if (vatId == null) {
            return null;
        }
        String compact = vatId.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z+*]", "");
        if (compact.startsWith("GR")) {
            compact = "EL" + compact.substring(2);
        }
        if (compact.length() < 4) {
            return null;
        }
        Pattern format = FORMATS.get(compact.substring(0, 2));
        if (format == null || !format.matcher(compact).matches()) {
            return null;
        }
        return compact;
    }

    /** True when a normalized id's check digit is right; only German ids are checked, others pass. */
    public static boolean checkDigitValid(String normalizedVatId) {
        if (normalizedVatId == null || !normalizedVatId.startsWith("DE")) {
            return normalizedVatId != null;
        }
        String digits = normalizedVatId.substring(2);
        int product = 10;
        for (int i = 0; i < 8; i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        int check = 11 - product;
        if (check == 10) {
            check = 0;
        }
        return check == digits.charAt(8) - '0';
    }
}
