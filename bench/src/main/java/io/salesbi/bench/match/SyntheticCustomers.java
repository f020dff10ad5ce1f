package io.salesbi.bench.match;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates German B2B customer records for the benchmark: companies seen one to four times across silos, each
 * copy with the usual damage (legal form spelled differently, street abbreviated, typos, phone formats, missing
 * fields). Deterministic for a given seed.
 */
final class SyntheticCustomers {

    static final String[] HEADER = {
        "company", "street", "house_number", "postcode", "city", "phone", "email", "website", "vat_id"
    };

    record Dataset(List<String[]> records, List<String> entityOf) {}

    private static final String[] SURNAMES = {
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Schulz",
        "Hoffmann",
        "Schäfer",
        "Koch",
        "Bauer",
        "Richter",
        "Klein",
        "Wolf",
        "Schröder",
        "Neumann",
        "Schwarz",
        "Zimmermann",
        "Braun",
        "Krüger",
        "Hofmann",
        "Hartmann",
        "Lange",
        "Schmitt",
        "Werner",
        "Schmitz",
        "Krause",
        "Meier",
        "Lehmann",
        "Schmid",
        "Schulze",
        "Maier",
        "Köhler",
        "Herrmann",
        "König",
        "Walter",
        "Mayer",
        "Huber",
        "Kaiser",
        "Fuchs",
        "Peters",
        "Lang",
        "Scholz",
        "Möller",
        "Weiß",
        "Jung",
        "Hahn",
        "Schubert",
        "Vogel",
        "Friedrich",
        "Keller",
        "Günther",
        "Frank",
        "Berger"
    };
    private static final String[] TRADES = {
        "Maschinenbau",
        "Metallbau",
        "Elektrotechnik",
        "Kunststofftechnik",
        "Antriebstechnik",
        "Steuerungstechnik",
        "Lebensmittel",
        "Bau",
        "Logistik",
        "Automation",
        "Werkzeugbau",
        "Anlagenbau",
        "Feinmechanik",
        "Holzverarbeitung",
        "Chemie",
        "Verpackung",
        "Sensorik",
        "Hydraulik"
    };
    private static final String[] QUALIFIERS = {
        "",
        "Nord",
        "Süd",
        "West",
        "Ost",
        "Technik",
        "Service",
        "Systeme",
        "Handel",
        "Werke",
        "Gruppe",
        "Industrie",
        "Präzision",
        "Solutions",
        "Partner",
        "International",
        "Rhein",
        "Main",
        "Elbe",
        "Donau",
        "Alpen",
        "Hansa",
        "Franken",
        "Schwaben",
        "Bayern",
        "Sachsen",
        "Westfalen",
        "Baden",
        "Hessen",
        "Thüringen",
        "Pfalz",
        "Saar",
        "Ems",
        "Weser",
        "Harz",
        "Eifel",
        "Allgäu",
        "Ruhr"
    };
    private static final String[] FORMS = {
        "GmbH", "GmbH & Co. KG", "AG", "KG", "OHG", "e.K.", "UG (haftungsbeschränkt)", "SE"
    };
    private static final String[] STREETS = {
        "Hauptstraße",
        "Industriestraße",
        "Bahnhofstraße",
        "Gewerbestraße",
        "Schulstraße",
        "Gartenstraße",
        "Dorfstraße",
        "Bergstraße",
        "Lindenstraße",
        "Am Hafen",
        "Ringstraße",
        "Mühlenweg",
        "Kirchplatz",
        "Wiesenweg",
        "Talstraße",
        "Waldstraße",
        "Feldstraße",
        "Rosenweg"
    };
    private static final String[] CITIES = {
        "Stuttgart",
        "München",
        "Köln",
        "Hamburg",
        "Berlin",
        "Dresden",
        "Leipzig",
        "Hannover",
        "Nürnberg",
        "Bremen",
        "Dortmund",
        "Essen",
        "Mannheim",
        "Karlsruhe",
        "Augsburg",
        "Bielefeld",
        "Bonn",
        "Münster",
        "Freiburg",
        "Ulm",
        "Kassel",
        "Erfurt",
        "Rostock",
        "Kiel",
        "Mainz"
    };

    private SyntheticCustomers() {}

    static Dataset generate(int records, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> rows = new ArrayList<>(records);
        List<String> entities = new ArrayList<>(records);
        int entity = 0;
        while (rows.size() < records) {
            String[] company = company(random, entity);
            int copies = 1 + random.nextInt(4);
            for (int c = 0; c < copies && rows.size() < records; c++) {
                rows.add(c == 0 ? company.clone() : damaged(company, random));
                entities.add("E" + entity);
            }
            entity++;
        }
        return new Dataset(rows, entities);
    }

    private static String[] company(SplittableRandom random, int entity) {
        String surname = pick(random, SURNAMES);
        String trade = pick(random, TRADES);
        String base =
                random.nextInt(3) == 0 ? surname + " & " + pick(random, SURNAMES) + " " + trade : surname + " " + trade;
        String qualifier = pick(random, QUALIFIERS);
        String name = qualifier.isEmpty() ? base : base + " " + qualifier;
        String cityIndex = Integer.toString(random.nextInt(CITIES.length));
        String city = CITIES[Integer.parseInt(cityIndex)];
        String postcode = String.format("%05d", 1000 + random.nextInt(98_000));
        String phone = "0" + (200 + random.nextInt(799)) + " " + (100_000 + random.nextInt(8_900_000));
        String domain = (surname + "-" + trade + qualifier)
                        .toLowerCase()
                        .replace("ä", "ae")
                        .replace("ö", "oe")
                        .replace("ü", "ue")
                        .replace("ß", "ss")
                + entity % 97 + ".de";
        String vat = random.nextInt(3) == 0 ? String.format("DE%09d", 100_000_000 + entity) : "";
        return new String[] {
            name + " " + pick(random, FORMS),
            pick(random, STREETS),
            Integer.toString(1 + random.nextInt(180)),
            postcode,
            city,
            phone,
            "info@" + domain,
            "www." + domain,
            vat
        };
    }

    private static String[] damaged(String[] original, SplittableRandom random) {
        String[] copy = original.clone();
        if (random.nextInt(3) == 0) {
            copy[0] = copy[0].replace("GmbH & Co. KG", "GmbH u. Co KG")
                    .replace("e.K.", "eK")
                    .replaceFirst(" (GmbH|AG|KG|OHG|SE)$", "");
        }
        if (random.nextInt(4) == 0) {
            copy[0] = typo(copy[0], random);
        }
        if (random.nextInt(2) == 0) {
            copy[1] = copy[1].replace("straße", "str.");
        }
        if (random.nextInt(8) == 0) {
            copy[1] = typo(copy[1], random);
        }
        if (random.nextInt(10) == 0) {
            copy[3] = typo(copy[3], random);
        }
        if (random.nextInt(3) == 0) {
            copy[5] = "+49 " + copy[5].substring(1);
        }
        for (int field = 2; field < copy.length; field++) {
            if (random.nextInt(5) == 0) {
                copy[field] = "";
            }
        }
        return copy;
    }

    private static String typo(String text, SplittableRandom random) {
        if (text.length() < 3) {
            return text;
        }
        int at = 1 + random.nextInt(text.length() - 2);
        char[] chars = text.toCharArray();
        char swap = chars[at];
        chars[at] = chars[at + 1];
        chars[at + 1] = swap;
        return new String(chars);
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
