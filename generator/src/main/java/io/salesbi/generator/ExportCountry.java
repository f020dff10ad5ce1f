package io.salesbi.generator;

import java.util.List;

/** The export countries of the demo company: how their companies, addresses, phone numbers and VAT ids look. */
enum ExportCountry {
    AT(
            "EUR",
            25,
            "43",
            new String[] {"GmbH", "GmbH", "GmbH & Co KG", "AG"},
            new String[] {
                "Gruber", "Huber", "Wagner", "Pichler", "Moser", "Steiner", "Hofer", "Leitner", "Eder", "Fuchs"
            },
            new String[] {"Antriebe", "Maschinenbau", "Anlagenbau", "Automation", "Metallbau", "Fördertechnik"},
            new String[] {"Industriestraße", "Gewerbepark", "Linzer Straße", "Wiener Straße", "Salzburger Straße"},
            List.of(
                    c("Wien", "AT", 1010, 1230, "1"),
                    c("Linz", "AT", 4020, 4040, "732"),
                    c("Graz", "AT", 8010, 8055, "316"),
                    c("Salzburg", "AT", 5020, 5026, "662"),
                    c("Steyr", "AT", 4400, 4407, "7252"))),
    CH(
            "CHF",
            25,
            "41",
            new String[] {"AG", "AG", "GmbH"},
            new String[] {
                "Huber", "Brunner", "Keller", "Meier", "Widmer", "Baumann", "Frei", "Gerber", "Zbinden", "Ammann"
            },
            new String[] {"Antriebe", "Maschinen", "Automation", "Präzisionstechnik", "Fördersysteme"},
            new String[] {"Industriestrasse", "Bahnhofstrasse", "Gewerbestrasse", "Zürcherstrasse", "Hauptstrasse"},
            List.of(
                    c("Zürich", "CH", 8001, 8099, "44"),
                    c("Basel", "CH", 4001, 4059, "61"),
                    c("Winterthur", "CH", 8400, 8411, "52"),
                    c("St. Gallen", "CH", 9000, 9016, "71"),
                    c("Luzern", "CH", 6003, 6006, "41"))),
    PL(
            "PLN",
            15,
            "48",
            new String[] {"Sp. z o.o."},
            new String[] {
                "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański"
            },
            new String[] {"Automatyka", "Maszyny", "Technika", "Napędy", "Metal"},
            new String[] {"ul. Fabryczna", "ul. Przemysłowa", "ul. Składowa", "ul. Polna", "ul. Kolejowa"},
            List.of(
                    c("Poznań", "PL", 60001, 61890, "61"),
                    c("Wrocław", "PL", 50001, 54613, "71"),
                    c("Katowice", "PL", 40001, 40899, "32"),
                    c("Kraków", "PL", 30001, 31999, "12"),
                    c("Gliwice", "PL", 44100, 44164, "32"))),
    NL(
            "EUR",
            12,
            "31",
            new String[] {"B.V."},
            new String[] {"Van Dijk", "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "De Boer"},
            new String[] {"Machinebouw", "Techniek", "Aandrijvingen", "Automatisering", "Transportsystemen"},
            new String[] {"Industrieweg", "Havenstraat", "De Run", "Kanaaldijk", "Ambachtsweg"},
            List.of(
                    c("Eindhoven", "NL", 5611, 5658, "40"),
                    c("Rotterdam", "NL", 3011, 3089, "10"),
                    c("Venlo", "NL", 5911, 5928, "77"),
                    c("Utrecht", "NL", 3511, 3585, "30"),
                    c("Enschede", "NL", 7511, 7548, "53"))),
    FR(
            "EUR",
            10,
            "33",
            new String[] {"S.A.", "S.A.", "S.A.S."},
            new String[] {"Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Bonnet", "Lambert", "Fontaine"},
            new String[] {"Automatisme", "Mécanique", "Industrie", "Systèmes", "Manutention"},
            new String[] {"Rue de l'Industrie", "Avenue Jean Jaurès", "Rue des Artisans", "Rue du Commerce"},
            List.of(
                    c("Lyon", "FR", 69001, 69009, "4"),
                    c("Strasbourg", "FR", 67000, 67200, "3"),
                    c("Mulhouse", "FR", 68100, 68200, "3"),
                    c("Lille", "FR", 59000, 59800, "3"),
                    c("Grenoble", "FR", 38000, 38100, "4"))),
    GB(
            "GBP",
            8,
            "44",
            new String[] {"Ltd", "Ltd", "Ltd."},
            new String[] {"Hartley", "Whitmore", "Ashworth", "Pemberton", "Brooks", "Fletcher", "Holloway", "Barrett"},
            new String[] {"Engineering", "Drive Systems", "Automation", "Precision", "Conveyors"},
            new String[] {"Riverside Industrial Estate", "Station Road", "Mill Lane", "Park Road", "Canal Street"},
            List.of(
                    c("Birmingham", "GB", 1, 45, "121"),
                    c("Manchester", "GB", 1, 40, "161"),
                    c("Sheffield", "GB", 1, 36, "114"),
                    c("Leeds", "GB", 1, 28, "113"),
                    c("Coventry", "GB", 1, 8, "24"))),
    US(
            "USD",
            5,
            "1",
            new String[] {"Inc", "Inc.", "LLC"},
            new String[] {"Keystone", "Great Lakes", "Summit", "Liberty", "Pioneer", "Carver", "Whitfield", "Brennan"},
            new String[] {"Automation", "Conveyor", "Machine Works", "Industrial Controls", "Motion"},
            new String[] {"Industrial Parkway", "Commerce Drive", "Main Street", "Enterprise Blvd"},
            List.of(
                    c("Cleveland", "US", 44101, 44199, "216"),
                    c("Chicago", "US", 60601, 60661, "312"),
                    c("Detroit", "US", 48201, 48243, "313"),
                    c("Charlotte", "US", 28202, 28299, "704"),
                    c("Milwaukee", "US", 53202, 53295, "414")));

    final String currency;
    final int weight;
    final String phonePrefix;
    final String[] legalForms;
    final String[] surnames;
    final String[] words;
    final String[] streets;
    final List<City> cities;

    ExportCountry(
            String currency,
            int weight,
            String phonePrefix,
            String[] legalForms,
            String[] surnames,
            String[] words,
            String[] streets,
            List<City> cities) {
        this.currency = currency;
        this.weight = weight;
        this.phonePrefix = phonePrefix;
        this.legalForms = legalForms;
        this.surnames = surnames;
        this.words = words;
        this.streets = streets;
        this.cities = cities;
    }

    /** Street and house number in the order the country writes them. */
    String streetLine(String street, String houseNumber) {
        return switch (this) {
            case FR, US -> houseNumber + " " + street;
            case GB -> "Unit " + houseNumber + " " + street;
            default -> street + " " + houseNumber;
        };
    }

    String postcode(City city, Rng rng) {
        int n = rng.intBetween(city.codeLo(), city.codeHi());
        return switch (this) {
            case PL -> pad(n / 1000, 2) + "-" + pad(n % 1000, 3);
            case NL -> n + " " + (char) ('A' + rng.nextInt(26)) + (char) ('B' + rng.nextInt(24));
            case GB ->
                gbArea(city) + n + " " + rng.intBetween(1, 9) + (char) ('A' + rng.nextInt(26))
                        + (char) ('B' + rng.nextInt(24));
            case US, FR -> pad(n, 5);
            default -> Integer.toString(n);
        };
    }

    String vatId(Rng rng) {
        return switch (this) {
            case AT -> "ATU" + digits(rng, 8);
            case CH -> "CHE-" + digits(rng, 3) + "." + digits(rng, 3) + "." + digits(rng, 3) + " MWST";
            case PL -> "PL" + digits(rng, 10);
            case NL -> "NL" + digits(rng, 9) + "B01";
            case FR -> "FR" + digits(rng, 2) + digits(rng, 9);
            case GB -> "GB" + digits(rng, 9);
            case US -> "";
        };
    }

    private static String gbArea(City city) {
        return switch (city.name()) {
            case "Birmingham" -> "B";
            case "Manchester" -> "M";
            case "Sheffield" -> "S";
            case "Leeds" -> "LS";
            default -> "CV";
        };
    }

    static String digits(Rng rng, int count) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append((char) ('0' + rng.nextInt(10)));
        }
        return sb.toString();
    }

    static String pad(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static City c(String name, String country, int lo, int hi, String areaCode) {
        return new City(name, country, lo, hi, areaCode);
    }
}
