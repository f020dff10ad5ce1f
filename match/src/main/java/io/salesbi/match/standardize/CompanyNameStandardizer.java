package io.salesbi.match.standardize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the legal form off a company name and removes noise words, so that "Müller GmbH & Co. KG" and
 * "Mueller GmbH u. Co KG" both become "mueller" with legal form "GmbH & Co. KG".
 * Distinctive forms (GmbH, Ltd, ...) are recognized anywhere in the name; short ambiguous ones (AG, KG, SE, S.A.,
 * B.V., N.V., e.K.) only as the first or last words, where legal forms stand.
 */
public final class CompanyNameStandardizer {

    private record LegalForm(String canonical, List<String> tokens, boolean anywhere) {}

    /** Longest first, so that "gmbh co kg" wins over "gmbh" and "kg". */
    private static final List<LegalForm> FORMS = List.of(
            form("GmbH & Co. KGaA", true, "gmbh", "co", "kgaa"),
            form("GmbH & Co. KG", true, "gmbh", "co", "kg"),
            form("GmbH & Co. KG", true, "gmbh", "und", "co", "kg"),
            form("GmbH & Co. KG", true, "gmbh", "u", "co", "kg"),
            form("GmbH & Co. KG", true, "gmbh", "cokg"),
            form("GmbH & Co. KG", true, "gmbhcokg"),
            form("AG & Co. KG", true, "ag", "co", "kg"),
            form("UG (haftungsbeschränkt)", true, "ug", "haftungsbeschraenkt"),
            form("UG (haftungsbeschränkt)", true, "ug", "haftungsbeschrankt"),
            form("UG (haftungsbeschränkt)", true, "ug", "hb"),
            form("GmbH", true, "gesellschaft", "mit", "beschraenkter", "haftung"),
            form("GmbH", true, "gmbh"),
            form("gGmbH", true, "ggmbh"),
            form("AG", true, "aktiengesellschaft"),
            form("N.V.", true, "naamloze", "vennootschap"),
            form("N.V.", true, "naamlooze", "vennootschap"),
            form("B.V.", true, "besloten", "vennootschap"),
            form("S.A.", true, "societe", "anonyme"),
            form("A.Ş.", true, "anonim", "sirketi"),
            form("KGaA", true, "kgaa"),
            form("KG", true, "kommanditgesellschaft"),
            form("OHG", true, "ohg"),
            form("e.K.", false, "e", "kfm"),
            form("e.K.", false, "e", "k"),
            form("e.K.", false, "ek"),
            form("e.V.", false, "e", "v"),
            form("eG", false, "eg"),
            form("SE", false, "se"),
            form("AG", false, "ag"),
            form("KG", false, "kg"),
            form("UG (haftungsbeschränkt)", false, "ug"),
            form("GbR", true, "gbr"),
            form("Ltd", true, "ltd"),
            form("Ltd", false, "limited"),
            form("PLC", true, "plc"),
            form("LLC", true, "llc"),
            form("Inc", true, "inc"),
            form("Inc", false, "incorporated"),
            form("Corp", false, "corp"),
            form("Corp", false, "corporation"),
            form("S.A.", false, "s", "a"),
            form("S.A.", false, "sa"),
            form("S.p.A.", true, "s", "p", "a"),
            form("S.p.A.", true, "spa"),
            form("S.r.l.", true, "s", "r", "l"),
            form("S.r.l.", true, "srl"),
            form("S.à r.l.", true, "sarl"),
            form("S.A.S.", false, "sas"),
            form("B.V.", false, "b", "v"),
            form("B.V.", false, "bv"),
            form("N.V.", false, "n", "v"),
            form("N.V.", false, "nv"),
            form("Sp. z o.o.", true, "sp", "z", "o", "o"),
            form("s.r.o.", true, "s", "r", "o"),
            form("A/S", false, "a", "s"),
            form("AB", false, "ab"),
            form("Oy", false, "oy"));

    /**
     * Filler words: conjunctions and articles, "firm", "company" (which "Co." already was), and the Dutch honorific
     * "Koninklijke" (royal, granted to companies: "Koninklijke Philips Electronics N.V." is "Philips Electronics
     * N.V."), with its abbreviation.
     */
    private static final Set<String> NOISE = Set.of(
            "und",
            "u",
            "co",
            "company",
            "the",
            "der",
            "die",
            "das",
            "fa",
            "firma",
            "inh",
            "inhaber",
            "of",
            "and",
            "et",
            "cie",
            "koninklijke",
            "koninkl");

    /** Where the name proper may end and its seat or country follow: a comma, semicolon, parenthesis, spaced dash. */
    private static final Pattern SEAT = Pattern.compile("[,;(]| - ");

    private CompanyNameStandardizer() {}

    /**
     * The name without legal form and filler words. A name that begins or ends with its legal form before a comma, semicolon,
     * parenthesis or spaced dash ("Unilever N.V., Rotterdam", "Alcatel N.V., Amsterdam, NL", "Schlumberger
     * Technology B.V. (STBV)") is the part up to the legal form: what follows is the seat, the country or an
     * abbreviation, which registers write or leave out at will.
     */
    public static CompanyName standardize(String companyName) {
        Matcher seat = SEAT.matcher(companyName);
        if (seat.find() && seat.start() > 0) {
            CompanyName head = standardizeWhole(companyName.substring(0, seat.start()));
            if (head.legalForm() != null && framedByLegalForm(companyName.substring(0, seat.start()))) {
                return head;
            }
        }
        return standardizeWhole(companyName);
    }

    /** True when the text begins or ends with a legal form ("N.V. Nutricia", "Unilever N.V.") and has more words. */
    private static boolean framedByLegalForm(String text) {
        List<String> tokens = TextFold.tokens(text);
        for (LegalForm form : FORMS) {
            int size = form.tokens().size();
            if (tokens.size() > size
                    && (tokens.subList(tokens.size() - size, tokens.size()).equals(form.tokens())
                            || tokens.subList(0, size).equals(form.tokens()))) {
                return true;
            }
        }
        return false;
    }

    private static CompanyName standardizeWhole(String companyName) {
        List<String> tokens = new ArrayList<>(TextFold.tokens(companyName));
        cutSeatAfterLegalForm(tokens);
        String legalForm = null;
        boolean removed = true;
        while (removed && !tokens.isEmpty()) {
            removed = false;
            for (LegalForm form : FORMS) {
                int at = find(tokens, form);
                if (at >= 0 && tokens.size() > form.tokens().size()) {
                    if (legalForm == null) {
                        legalForm = form.canonical();
                    }
                    tokens.subList(at, at + form.tokens().size()).clear();
                    removed = true;
                    break;
                }
            }
        }
        List<String> kept = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            if (!isNoise(token)) {
                kept.add(token);
            }
        }
        if (kept.isEmpty()) {
            kept = tokens;
        }
        return new CompanyName(String.join(" ", kept), legalForm);
    }

    /** Words that introduce a seat after a legal form: Dutch "te", "in", German "zu", English "at", "a" (Dutch). */
    private static final Set<String> SEAT_WORDS = Set.of("te", "in", "zu", "at", "a");

    /**
     * Cuts what follows a legal form inside the name when it is an address or a seat, without a comma before it:
     * "Koninklijke Philips Electronics N.V. Groenewoudseweg 1" (a street and number follow; "Bau 2000 GmbH Filiale
     * 12" keeps its branch), "DSM N.V. te Heerlen", "Maasland
     * N.V. a Dutch Limited Co" (a seat word follows). Other words after a legal form stay ("Siemens AG Österreich").
     */
    private static void cutSeatAfterLegalForm(List<String> tokens) {
        for (int at = 1; at < tokens.size() - 1; at++) {
            for (LegalForm form : FORMS) {
                int end = at + form.tokens().size();
                if (end < tokens.size()
                        && tokens.subList(at, end).equals(form.tokens())
                        && (SEAT_WORDS.contains(tokens.get(end)) || hasStreet(tokens.subList(end, tokens.size())))) {
                    tokens.subList(end, tokens.size()).clear();
                    return;
                }
            }
        }
    }

    /** Endings of street names in Dutch, German and English ("groenewoudseweg", "bylandtlaan", "hauptstrasse"). */
    private static final List<String> STREET_ENDINGS = List.of(
            "weg", "laan", "straat", "plein", "gracht", "kade", "dijk", "singel", "strasse", "str", "platz", "allee",
            "gasse", "ring", "damm", "street", "road", "avenue", "lane", "drive");

    /** True when the words hold a street with its number: a word ending like a street, then a number. */
    private static boolean hasStreet(List<String> tokens) {
        for (int k = 0; k + 1 < tokens.size(); k++) {
            String word = tokens.get(k);
            if (Character.isDigit(tokens.get(k + 1).charAt(0))
                    && STREET_ENDINGS.stream().anyMatch(word::endsWith)) {
                return true;
            }
        }
        return false;
    }

    /** Shortest filler word recognised one keyboard slip away ("koninklike", "koninkijke" for "koninklijke"). */
    private static final int FUZZY_NOISE = 7;

    /** A filler word, or a long one misspelled by one letter changed, dropped, added or two swapped. */
    static boolean isNoise(String token) {
        if (NOISE.contains(token)) {
            return true;
        }
        if (token.length() < FUZZY_NOISE - 1) {
            return false;
        }
        for (String noise : NOISE) {
            if (noise.length() >= FUZZY_NOISE && oneEditApart(token, noise)) {
                return true;
            }
        }
        return false;
    }

    /** Optimal string alignment distance exactly 1 (one substitution, insertion, deletion or transposition). */
    static boolean oneEditApart(String x, String y) {
        int n = x.length();
        int m = y.length();
        if (Math.abs(n - m) > 1 || x.equals(y)) {
            return false;
        }
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && x.charAt(i - 1) == y.charAt(j - 2) && x.charAt(i - 2) == y.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m] == 1;
    }

    private static int find(List<String> tokens, LegalForm form) {
        List<String> pattern = form.tokens();
        int last = tokens.size() - pattern.size();
        for (int at = 0; at <= last; at++) {
            if (!form.anywhere() && at != 0 && at != last) {
                continue;
            }
            if (tokens.subList(at, at + pattern.size()).equals(pattern)) {
                return at;
            }
        }
        return -1;
    }

    private static LegalForm form(String canonical, boolean anywhere, String... tokens) {
        return new LegalForm(canonical, List.of(tokens), anywhere);
    }
}
