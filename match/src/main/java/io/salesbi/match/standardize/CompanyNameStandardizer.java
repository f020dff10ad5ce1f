package io.salesbi.match.standardize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    private static final Set<String> NOISE = Set.of(
            "und", "u", "co", "the", "der", "die", "das", "fa", "firma", "inh", "inhaber", "of", "and", "et", "cie");

    private CompanyNameStandardizer() {}

    public static CompanyName standardize(String companyName) {
        List<String> tokens = new ArrayList<>(TextFold.tokens(companyName));
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
            if (!NOISE.contains(token)) {
                kept.add(token);
            }
        }
        if (kept.isEmpty()) {
            kept = tokens;
        }
        return new CompanyName(String.join(" ", kept), legalForm);
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
