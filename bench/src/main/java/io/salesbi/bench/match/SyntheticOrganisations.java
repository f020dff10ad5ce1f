package io.salesbi.bench.match;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates an organisation list as a city's or a funder's register looks when it is merged from several agencies'
 * lists: sites of umbrella organisations (a school district, a charity with dozens of branches) named after the
 * umbrella and a place, independent organisations whose names share common words ("learning center", "academy"),
 * US street addresses. Each source list writes them its own way, and the hard cases of real merged lists are
 * planted on purpose:
 *
 * <ul>
 *   <li>an <b>umbrella phone</b>: one agency lists every site with the umbrella's central number;
 *   <li>a <b>head-office address</b>: one agency lists some sites at the umbrella's head office, with a room;
 *   <li><b>tenants</b>: independent organisations in the building of another (a church hosting a day care), some
 *       sharing its switchboard;
 *   <li><b>neighbours</b>: sites of one umbrella on one street with other house numbers;
 *   <li><b>abbreviations and acronyms</b>: "W." / "West", "St" / "Street", "Rm." / "Room", "Ste" / "Suite",
 *       "YMCA" / "Young Men's Christian Association", "Ctr" / "Center", "&amp;" / "and";
 *   <li>typos, upper case, ZIP+4, phone formats, missing values, a few duplicates within one list.
 * </ul>
 *
 * Deterministic for a seed. The columns are {@code id, source, name, address, zip, phone, entity}; {@code entity} is
 * the truth.
 */
final class SyntheticOrganisations {

    static final String[] HEADER = {"id", "source", "name", "address", "zip", "phone", "entity"};

    /** The umbrellas: full name, the acronym some lists use (or null), the word their sites' names end with. */
    private static final String[][] UMBRELLAS = {
        {"Riverside Public Schools", "RPS", "Elementary"},
        {"Young Men's Christian Association", "YMCA", ""},
        {"Young Women's Christian Association", "YWCA", ""},
        {"Salvation Army", null, "Corps"},
        {"Catholic Charities", null, "Center"},
        {"Boys and Girls Club", "BGC", "Club"},
        {"Jewish Community Center", "JCC", ""},
        {"Community Action Agency", "CAA", "Head Start"},
        {"Lutheran Social Services", "LSS", "Center"},
        {"Children's Home and Aid", null, "Child Development Center"},
        {"Riverside Park District", null, "Park"},
        {"Easter Seals", null, "Early Learning Center"},
    };

    private static final String[] PLACES = {
        "Lincoln",
        "Washington",
        "Garfield",
        "Austin",
        "South Shore",
        "Humboldt Park",
        "Englewood",
        "Pilsen",
        "Bridgeport",
        "Woodlawn",
        "Kenwood",
        "Hyde Park",
        "Logan Square",
        "Albany Park",
        "Rogers Park",
        "Uptown",
        "Edgewater",
        "Lakeview",
        "Avondale",
        "Portage Park",
        "Jefferson Park",
        "Norwood",
        "Beverly",
        "Morgan Park",
        "Pullman",
        "Hegewisch",
        "Chatham",
        "Auburn Gresham",
        "Roseland",
        "Calumet",
        "Marquette",
        "Douglas",
        "Oakland",
        "Grand Boulevard",
        "Armour Square",
        "McKinley Park",
        "Brighton Park",
        "Gage Park",
        "Clearing",
        "Garfield Ridge",
        "West Lawn",
        "Ashburn",
        "Mount Greenwood",
        "West Ridge",
        "North Center",
        "Irving Park",
        "Dunning",
        "Montclare",
        "Belmont Cragin",
        "Hermosa",
        "West Town",
        "Near West",
        "Lower West",
        "New City",
        "Fuller Park",
        "Greater Grand",
        "Burnside",
        "Riverdale",
        "East Side",
        "South Deering",
        "Archer Heights",
        "Kilbourn",
        "Harding",
        "Sheridan",
        "Dewey",
        "Emerson",
        "Franklin",
        "Hamilton",
        "Jackson",
        "Madison",
        "Monroe",
        "Adams",
        "Polk",
        "Tyler",
        "Grant",
        "Hayes",
        "Arthur",
        "Cleveland",
        "Harrison",
        "McKinley"
    };

    private static final String[] OWNERS = {
        "Little Stars",
        "Happy Kids",
        "Rainbow",
        "Bright Horizons",
        "Sunshine",
        "Kiddie Kollege",
        "ABC",
        "Tiny Tots",
        "Wonder Years",
        "Building Blocks",
        "First Steps",
        "Kids Kingdom",
        "Little Angels",
        "Precious Moments",
        "Growing Minds",
        "New Hope",
        "Grace",
        "Faith",
        "Covenant",
        "Bethel",
        "Mt Zion",
        "St Mark",
        "St Joseph",
        "St Sabina",
        "Holy Family",
        "Greater Love",
        "Higher Ground",
        "Lil Scholars",
        "Future Leaders",
        "Kinder Care",
        "Nia",
        "Ujima",
        "Casa",
        "Mi Casita",
        "El Valor",
        "Gads Hill",
        "Onward",
        "Erie",
        "Marcy",
        "Howard",
        "Carole",
        "Henry",
        "Chinese American",
        "Korean American",
        "Polish American",
        "Metropolitan",
        "Centers for New Horizons",
        "Christopher",
        "Allison",
        "Ebony",
        "Precious Pearls",
        "Golden Gate",
        "Smith",
        "Johnson",
        "Williams",
        "Brown",
        "Jones",
        "Garcia",
        "Miller",
        "Davis",
        "Rodriguez",
        "Martinez",
        "Hernandez",
        "Lopez",
        "Gonzalez",
        "Wilson",
        "Anderson",
        "Thomas",
        "Taylor",
        "Moore",
        "Martin",
        "Lee"
    };

    private static final String[] KINDS = {
        "Learning Center",
        "Child Care Center",
        "Day Care",
        "Academy",
        "Preschool",
        "Child Development Center",
        "Early Learning Academy",
        "Montessori School",
        "Head Start",
        "Community Center",
        "Daycare Center",
        "Family Services",
        "Youth Center",
        "Nursery School",
        "Kids Club"
    };

    private static final String[] STREETS = {
        "Madison",
        "Washington",
        "Lincoln",
        "Jefferson",
        "Franklin",
        "Oak",
        "Maple",
        "Cedar",
        "Elm",
        "Pine",
        "Lake",
        "Hill",
        "Park",
        "Main",
        "Church",
        "Market",
        "Grand",
        "King",
        "Halsted",
        "Western",
        "Ashland",
        "Pulaski",
        "Cicero",
        "Kedzie",
        "Division",
        "Roosevelt",
        "Cermak",
        "Archer",
        "Ogden",
        "Milwaukee",
        "Belmont",
        "Fullerton",
        "Diversey",
        "Irving Park",
        "Lawrence",
        "Foster",
        "Devon",
        "Touhy",
        "Howard",
        "Damen",
        "California",
        "Central",
        "Austin",
        "Laramie",
        "Kostner",
        "Cottage Grove",
        "Stony Island",
        "Jeffery",
        "Vincennes",
        "Racine",
        "Loomis",
        "Throop",
        "Wolcott",
        "Hoyne",
        "Leavitt",
        "Rockwell",
        "Sacramento",
        "Whipple",
        "Albany",
        "Troy",
        "Spaulding",
        "Christiana",
        "Homan",
        "Central Park",
        "Lawndale",
        "Ridgeway",
        "Hamlin",
        "Springfield",
        "Harding",
        "Keeler",
        "Kildare",
        "Kolmar",
        "Kenton",
        "Cicero",
        "Lamon",
        "Lavergne",
        "Leclaire",
        "Lockwood",
        "Long",
        "Lotus",
        "Mayfield",
        "Menard",
        "Saint Louis",
        "Saint Lawrence"
    };

    private static final String[][] STREET_TYPES = {
        {"Street", "St", "St."},
        {"Avenue", "Ave", "Ave."},
        {"Boulevard", "Blvd", "Blvd."},
        {"Road", "Rd", "Rd."},
        {"Drive", "Dr", "Dr."},
        {"Place", "Pl", "Pl."},
        {"Parkway", "Pkwy", "Pkwy."}
    };

    private static final String[][] DIRECTIONS = {
        {"North", "N", "N."}, {"South", "S", "S."}, {"East", "E", "E."}, {"West", "W", "W."}
    };

    /** Word pairs some lists shorten: the full word first. */
    private static final String[][] NAME_ABBREVIATIONS = {
        {"Center", "Ctr"},
        {"Community", "Comm"},
        {"Development", "Dev"},
        {"Services", "Svcs"},
        {" and ", " & "},
        {"Saint", "St"},
        {"Mount", "Mt"},
        {"Academy", "Acad"},
        {"Association", "Assn"}
    };

    /** One organisation as it is: its name parts, address and phone. */
    private record Organisation(
            int entity,
            int umbrella,
            String place,
            String ownName,
            Address address,
            String zip,
            String phone,
            int sources) {}

    private record Address(int number, int direction, String street, int type, String unit) {}

    record Dataset(List<String[]> rows) {}

    private final SplittableRandom random;
    private final List<Address> headOffices = new ArrayList<>();
    private final List<String> centralPhones = new ArrayList<>();
    private final List<String> headOfficeZips = new ArrayList<>();

    private SyntheticOrganisations(long seed) {
        this.random = new SplittableRandom(seed);
    }

    static Dataset generate(int organisations, long seed) {
        return new SyntheticOrganisations(seed).generate(organisations);
    }

    private Dataset generate(int organisations) {
        for (int u = 0; u < UMBRELLAS.length; u++) {
            headOffices.add(
                    new Address(100 + random.nextInt(9000), random.nextInt(4), pick(STREETS), random.nextInt(2), null));
            headOfficeZips.add(zip());
            centralPhones.add(phone());
        }
        List<Organisation> all = new ArrayList<>();
        Set<String> usedNames = new LinkedHashSet<>();
        // at most a third of the umbrellas' possible site names are used, so that a place's name is not in every one
        int umbrellaSites = Math.min(organisations * 2 / 5, UMBRELLAS.length * PLACES.length / 3);
        int collisions = 0;
        while (all.size() < organisations) {
            if (collisions > 100 * organisations) {
                throw new IllegalArgumentException(
                        organisations + " organisations need more names than the generator has");
            }
            int entity = all.size();
            boolean site = entity < umbrellaSites && collisions < 1_000;
            Organisation previous = all.isEmpty() ? null : all.get(random.nextInt(all.size()));
            Address address;
            String zip;
            String phone = phone();
            if (previous != null && random.nextDouble() < 0.06) {
                // a tenant in another organisation's building, a third of them on its switchboard
                address = new Address(
                        previous.address.number,
                        previous.address.direction,
                        previous.address.street,
                        previous.address.type,
                        random.nextBoolean() ? "Suite " + (100 + random.nextInt(300)) : null);
                zip = previous.zip;
                phone = random.nextInt(3) == 0 ? previous.phone : phone;
            } else if (previous != null && random.nextDouble() < 0.05) {
                // a neighbour on the same street
                address = new Address(
                        previous.address.number + 2 + 2 * random.nextInt(40),
                        previous.address.direction,
                        previous.address.street,
                        previous.address.type,
                        null);
                zip = previous.zip;
            } else {
                address = new Address(
                        1 + random.nextInt(11_000),
                        random.nextInt(4),
                        pick(STREETS),
                        random.nextInt(STREET_TYPES.length),
                        null);
                zip = zip();
            }
            int umbrella = -1;
            String place = null;
            String ownName = null;
            if (site) {
                umbrella = skewed(UMBRELLAS.length);
                place = pick(PLACES);
                if (!usedNames.add(umbrella + "|" + place)) {
                    collisions++;
                    continue;
                }
            } else {
                ownName = pick(OWNERS) + " " + pick(KINDS);
                if (random.nextInt(4) == 0) {
                    ownName = ownName + (random.nextBoolean() ? " Inc" : " LLC");
                }
                if (!usedNames.add(ownName)) {
                    ownName = ownName + " " + (random.nextBoolean() ? "II" : pick(PLACES));
                    if (!usedNames.add(ownName)) {
                        collisions++;
                        continue;
                    }
                }
            }
            int sources = 1 + random.nextInt(site ? 4 : 3) + (site ? 0 : random.nextInt(2));
            all.add(new Organisation(entity, umbrella, place, ownName, address, zip, phone, Math.min(sources, 4)));
        }
        List<String[]> rows = new ArrayList<>();
        for (Organisation organisation : all) {
            List<Integer> sources = new ArrayList<>(List.of(0, 1, 2, 3));
            for (int k = 0; k < 4 - organisation.sources; k++) {
                sources.remove(random.nextInt(sources.size()));
            }
            for (int source : sources) {
                rows.add(row(organisation, source));
                if (random.nextDouble() < 0.03) {
                    rows.add(row(organisation, source));
                }
            }
        }
        // shuffle so that a list's order says nothing about its entities
        for (int i = rows.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String[] swap = rows.get(i);
            rows.set(i, rows.get(j));
            rows.set(j, swap);
        }
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i)[0] = Integer.toString(i + 1);
        }
        return new Dataset(rows);
    }

    /**
     * The organisation as one source writes it. Source 0 (a city register): upper case, abbreviated street words.
     * Source 1 (the umbrellas' own directory): full words, acronyms, every site on the central phone. Source 2 (a
     * funder's list): some umbrella sites at the head office with a room, shortened name words, typos. Source 3 (a
     * survey): site names reordered ("Lincoln YMCA"), missing phone and ZIP, typos.
     */
    private String[] row(Organisation organisation, int source) {
        String name = name(organisation, source);
        Address address = organisation.address;
        String zip = organisation.zip;
        String phone = organisation.phone;
        if (organisation.umbrella >= 0 && source == 1 && random.nextDouble() < 0.8) {
            phone = centralPhones.get(organisation.umbrella);
        }
        if (organisation.umbrella >= 0 && source == 2 && random.nextDouble() < 0.25) {
            Address office = headOffices.get(organisation.umbrella);
            address = new Address(
                    office.number,
                    office.direction,
                    office.street,
                    office.type,
                    (random.nextBoolean() ? "Rm. " : "Room ") + (100 + random.nextInt(700)));
            zip = headOfficeZips.get(organisation.umbrella);
        }
        String line = address(address, source);
        if ((source == 2 || source == 3) && random.nextDouble() < 0.12) {
            line = typo(line);
        }
        if ((source == 2 || source == 3) && random.nextDouble() < 0.15) {
            name = typo(name);
        }
        if (source == 1 && random.nextDouble() < 0.3) {
            zip = zip + "-" + String.format(Locale.ROOT, "%04d", random.nextInt(10_000));
        }
        if (source == 3 && random.nextDouble() < 0.25 || random.nextDouble() < 0.03) {
            zip = "";
        }
        if (source == 3 && random.nextDouble() < 0.35 || random.nextDouble() < 0.05) {
            phone = "";
        } else {
            phone = phoneFormat(phone, source);
        }
        if (source == 0) {
            name = name.toUpperCase(Locale.ROOT);
            line = line.toUpperCase(Locale.ROOT);
        }
        return new String[] {"", "list" + (source + 1), name, line, zip, phone, Integer.toString(organisation.entity)};
    }

    private String name(Organisation organisation, int source) {
        String name;
        if (organisation.umbrella >= 0) {
            String[] umbrella = UMBRELLAS[organisation.umbrella];
            boolean acronym = umbrella[1] != null
                    && (source == 1 || source == 3 ? random.nextDouble() < 0.8 : random.nextDouble() < 0.2);
            String head = acronym ? umbrella[1] : umbrella[0];
            String site =
                    organisation.place + (umbrella[2].isEmpty() || random.nextDouble() < 0.3 ? "" : " " + umbrella[2]);
            name = switch (source) {
                case 0 -> head + " - " + site;
                case 1 -> head + " " + site;
                case 2 -> random.nextBoolean() ? head + " - " + site : site + " (" + head + ")";
                default -> site + " " + head;
            };
        } else {
            name = organisation.ownName;
            if (source != 0 && name.endsWith(" Inc") && random.nextBoolean()) {
                name = name.substring(0, name.length() - 4);
            } else if (source == 3 && name.endsWith(" Inc")) {
                name = name + ".";
            }
        }
        if (source == 2 || source == 0 && random.nextDouble() < 0.3) {
            for (String[] abbreviation : NAME_ABBREVIATIONS) {
                if (random.nextDouble() < 0.6) {
                    name = name.replace(abbreviation[0], abbreviation[1]);
                }
            }
        }
        if (source == 3 && random.nextDouble() < 0.2) {
            name = name.replace("'", "");
        }
        return name;
    }

    private String address(Address address, int source) {
        String[] direction = DIRECTIONS[address.direction];
        String[] type = STREET_TYPES[address.type];
        int form = switch (source) {
            case 0 -> 1;
            case 1 -> 0;
            case 2 -> 2;
            default -> random.nextInt(3);
        };
        String street = address.street;
        if (street.startsWith("Saint ") && form > 0) {
            street = "St. " + street.substring(6);
        }
        String line = address.number + " " + direction[form] + " " + street + " " + type[form];
        if (address.unit != null) {
            String unit = address.unit;
            if (source == 0) {
                unit = unit.replace("Suite ", "Ste ").replace("Room ", "Rm ").replace("Rm. ", "Rm ");
            }
            line = line + (source == 1 ? ", " : " ") + unit;
        }
        return line;
    }

    private String phoneFormat(String digits, int source) {
        String area = digits.substring(0, 3);
        String exchange = digits.substring(3, 6);
        String line = digits.substring(6);
        return switch (source) {
            case 0 -> "(" + area + ") " + exchange + "-" + line;
            case 1 -> area + "-" + exchange + "-" + line;
            case 2 -> area + "." + exchange + "." + line;
            default -> digits;
        };
    }

    /** One keyboard slip in a word of at least five letters: a letter dropped, doubled or two swapped. */
    private String typo(String text) {
        String[] words = text.split(" ");
        List<Integer> candidates = new ArrayList<>();
        for (int w = 0; w < words.length; w++) {
            if (words[w].length() >= 5 && words[w].chars().allMatch(Character::isLetter)) {
                candidates.add(w);
            }
        }
        if (candidates.isEmpty()) {
            return text;
        }
        int w = candidates.get(random.nextInt(candidates.size()));
        String word = words[w];
        int at = 1 + random.nextInt(word.length() - 2);
        words[w] = switch (random.nextInt(3)) {
            case 0 -> word.substring(0, at) + word.substring(at + 1);
            case 1 -> word.substring(0, at) + word.charAt(at) + word.substring(at);
            default -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
        };
        return String.join(" ", words);
    }

    private String zip() {
        return "606" + String.format(Locale.ROOT, "%02d", random.nextInt(60));
    }

    private String phone() {
        String[] areas = {"312", "773", "708", "872"};
        return pick(areas) + (2 + random.nextInt(8)) + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
    }

    /** Umbrellas of very different size: the first ones hold most sites. */
    private int skewed(int n) {
        double x = random.nextDouble();
        return Math.min(n - 1, (int) (n * x * x));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
