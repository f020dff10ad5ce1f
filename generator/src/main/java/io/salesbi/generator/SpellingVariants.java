package io.salesbi.generator;

import java.util.Locale;

/**
 * Spells a company the way a given source would: legal forms dropped or abbreviated, umlauts folded, typos,
 * swapped words, "Str." for "Straße". Each source has its own habits, the rep lists being the sloppiest.
 */
final class SpellingVariants {

    private static final String KEYBOARD_NEIGHBOURS = "qwertzuiopasdfghjklyxcvbnm";

    private final Rng rng;

    SpellingVariants(Rng rng) {
        this.rng = rng;
    }

    /** The name as the CRM holds it: mostly right, sometimes without legal form or with a typo. */
    String crmName(Company c) {
        String core = c.nameCore();
        if (rng.chance(0.05)) {
            core = Texts.foldUmlauts(core);
        }
        if (rng.chance(0.04)) {
            core = typo(core);
        }
        if (rng.chance(0.03)) {
            core = core.replace(" & ", " und ");
        }
        if (rng.chance(0.15)) {
            return core;
        }
        return core + " " + (rng.chance(0.12) ? legalFormVariant(c.legalForm()) : c.legalForm());
    }

    /**
     * The name the ERP prints on invoices: the legal name, in capitals now and then, and without umlauts for records
     * migrated from the legacy system ({@code legacy}).
     */
    String erpName(Company c, boolean legacy) {
        String name = c.legalName();
        if (legacy) {
            name = Texts.foldUmlauts(name);
        }
        if (rng.chance(0.04)) {
            name = name.toUpperCase(Locale.GERMAN);
        }
        if (rng.chance(0.06)) {
            name = c.nameCore() + " " + legalFormVariant(c.legalForm());
        }
        return Texts.foldForCp1252(name);
    }

    /** The name as a rep typed it into his Excel list. */
    String repName(Company c) {
        String core = c.nameCore();
        if (rng.chance(0.08)) {
            core = Texts.foldUmlauts(core);
        }
        if (rng.chance(0.10)) {
            core = typo(core);
        }
        if (rng.chance(0.06)) {
            core = swapWords(core);
        }
        String name = rng.chance(0.40)
                ? core
                : core + " " + (rng.chance(0.25) ? legalFormVariant(c.legalForm()) : c.legalForm());
        if (rng.chance(0.04)) {
            name = "Fa. " + name;
        }
        if (rng.chance(0.03)) {
            name = name.toUpperCase(Locale.GERMAN);
        }
        if (rng.chance(0.02)) {
            name = name + " Werk 2";
        }
        return name;
    }

    /** "Frankfurt am Main" -> "Frankfurt", "Halle (Saale)" -> "Halle": how people shorten city names. */
    static String shortCity(String city) {
        int paren = city.indexOf(" (");
        String shortened = paren > 0 ? city.substring(0, paren) : city;
        for (String suffix : new String[] {" am Main", " im Breisgau", " am Neckar", " am Rhein"}) {
            if (shortened.endsWith(suffix)) {
                return shortened.substring(0, shortened.length() - suffix.length());
            }
        }
        return shortened;
    }

    /** The city as typed: shortened with the given probability. */
    String city(Company c, double shortenProbability) {
        return rng.chance(shortenProbability)
                ? shortCity(c.city().name())
                : c.city().name();
    }

    /** Street and house number with the source's habits: "Str.", "Strasse", "12 a". */
    String street(Company c, double sloppiness) {
        String line = c.streetLine();
        if (rng.chance(sloppiness)) {
            double u = rng.nextDouble();
            if (u < 0.5) {
                line = line.replace("straße", "str.").replace("Straße", "Str.");
            } else if (u < 0.75) {
                line = line.replace("ß", "ss");
            } else {
                line = line.replace("-Straße", " Str.").replace("straße", "strasse");
            }
        }
        if (rng.chance(sloppiness / 3)) {
            line = line.replaceAll("(\\d+)([a-d])$", "$1 $2");
        }
        return line;
    }

    String legalFormVariant(String legalForm) {
        return switch (legalForm) {
            case "GmbH & Co. KG" -> pick("GmbH & Co KG", "GmbH u. Co. KG", "GmbH&Co.KG", "GmbH + Co. KG");
            case "UG (haftungsbeschränkt)" -> pick("UG (haftungsbeschraenkt)", "UG", "UG (haftungsbeschr.)");
            case "e.K." -> pick("e. K.", "eK", "e.Kfm.");
            case "GmbH" -> pick("Gmbh", "G.m.b.H.", "GMBH", "GmbH.");
            case "AG" -> pick("Aktiengesellschaft", "A.G.");
            case "KG" -> pick("K.G.", "Kommanditgesellschaft");
            case "OHG" -> pick("oHG", "O.H.G.");
            case "Sp. z o.o." -> pick("Sp.z o.o.", "sp. z o.o.", "Spółka z o.o.");
            case "B.V." -> pick("BV", "B.V");
            case "Ltd" -> pick("Ltd.", "Limited");
            case "Inc" -> pick("Inc.", "Incorporated");
            case "S.A." -> pick("SA", "S.A");
            default -> legalForm;
        };
    }

    /** One keyboard slip: a swapped, dropped, doubled or neighbouring letter, never in the first letter. */
    String typo(String s) {
        if (s.length() < 5) {
            return s;
        }
        int i = 1 + rng.nextInt(s.length() - 2);
        char ch = s.charAt(i);
        if (!Character.isLetter(ch) || !Character.isLetter(s.charAt(i + 1))) {
            return s;
        }
        return switch (rng.nextInt(4)) {
            case 0 -> s.substring(0, i) + s.charAt(i + 1) + ch + s.substring(i + 2);
            case 1 -> s.substring(0, i) + s.substring(i + 1);
            case 2 -> s.substring(0, i) + ch + s.substring(i);
            default ->
                s.substring(0, i)
                        + KEYBOARD_NEIGHBOURS.charAt(rng.nextInt(KEYBOARD_NEIGHBOURS.length()))
                        + s.substring(i + 1);
        };
    }

    /** "Müller Maschinenbau" -> "Maschinenbau Müller". */
    static String swapWords(String core) {
        int space = core.indexOf(' ');
        if (space < 0 || core.contains("&")) {
            return core;
        }
        return core.substring(space + 1) + " " + core.substring(0, space);
    }

    private String pick(String... values) {
        return rng.pick(values);
    }
}
