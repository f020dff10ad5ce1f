package io.salesbi.match.adhoc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Two bibliographies of one field of research with a truth file, written the way two public indexes write it: list
 * A as DBLP does (full author names, short venue names: "SIGMOD Conference", "VLDB J."), list B as the ACM library
 * does (initials or full names, authors now and then reordered, truncated with "et al." or accents folded, long
 * venue names, titles re-cased, re-punctuated, with a typo, a dropped or added subtitle, ~5% of years one off,
 * missing values). About 85% of B's papers are in A, one to one.
 *
 * <p>What makes such lists hard is planted too: title words drawn with a Zipf-like frequency (every title shares
 * "data" or "query" with hundreds of others), the same editorial titles ("Editorial", "Chair's message", "Guest
 * editor's introduction") by the same editors in many years, workshop reports that differ only by their year,
 * papers in two parts and product papers that differ only by a version number, journal versions of conference
 * papers under the same title and authors a year or two later, and authors from a pool where "Wang", "Li" and
 * "Zhang" are very common. Fixed seed: the same seed writes the same files.
 *
 * <p>Run as {@code java -cp match/target/test-classes:match/target/classes
 * io.salesbi.match.adhoc.GeneratedBibliography SEED PAPERS DIR}; it writes {@code dblp.csv}, {@code acm.csv} and
 * {@code truth.csv} (id, entity).
 */
final class GeneratedBibliography {

    static final String HEADER = "id,title,authors,venue,year";

    /** The two lists and the truth, as CSV lines with their header. */
    record Lists(List<String> first, List<String> second, List<String> truth) {}

    private record Venue(String dblp, String acm, boolean journal) {}

    private record Person(String given, String middle, String surname) {}

    private record Paper(String title, List<Person> authors, Venue venue, int year) {}

    private static final Venue[] VENUES = {
        new Venue("SIGMOD Conference", "International Conference on Management of Data", false),
        new Venue("VLDB", "Very Large Data Bases", false),
        new Venue("ICDE", "International Conference on Data Engineering", false),
        new Venue("PODS", "Symposium on Principles of Database Systems", false),
        new Venue("EDBT", "International Conference on Extending Database Technology", false),
        new Venue("SIGMOD Record", "ACM SIGMOD Record", true),
        new Venue("VLDB J.", "The VLDB Journal — The International Journal on Very Large Data Bases", true),
        new Venue("ACM Trans. Database Syst.", "ACM Transactions on Database Systems (TODS)", true)
    };

    /** Title words, most common first: drawn with probability proportional to 1 / (rank + 2). */
    private static final String[] WORDS =
            ("data query database system systems efficient processing management queries distributed model approach web"
                            + " xml index optimization parallel mining object performance relational information analysis"
                            + " evaluation framework design language semantic integration streams algorithms storage"
                            + " transaction spatial temporal views materialized join aggregation search similarity"
                            + " clustering scalable adaptive dynamic multidimensional caching replication consistency"
                            + " recovery concurrency control schema mapping warehouse olap cube sampling estimation"
                            + " selectivity histograms cost access methods indexing trees graph networks sensor mobile"
                            + " peer continuous approximate ranking keyword retrieval documents structured semistructured"
                            + " constraints rules active deductive logic calculus algebra complexity incremental"
                            + " maintenance update versioning workflow security privacy authorization provenance"
                            + " uncertain probabilistic cleaning duplicate detection record linkage extraction wrapper"
                            + " ontology metadata catalog federated heterogeneous legacy migration benchmark tuning"
                            + " memory buffer disk flash compression encoding bitmap partitioning skew load balancing"
                            + " scheduling pipelining operators execution plans optimizer rewriting containment"
                            + " equivalence answering views mediators peer-to-peer publish subscribe filtering"
                            + " dissemination broadcast wireless location moving objects trajectories nearest neighbor"
                            + " range skyline preference top-k outlier association rules frequent patterns sequential"
                            + " classification decision regression time series wavelets sketches synopses streaming"
                            + " multimedia images video audio geographic scientific biological genomic medical")
                    .split(" ");

    private static final String[] FILLERS = {"for", "in", "of", "with", "using", "over", "and", "on"};

    private static final String[] EDITORIALS = {
        "Editorial",
        "Foreword",
        "Panel discussion",
        "Guest editor's introduction",
        "Chair's message",
        "Editor's notes",
        "Letter from the editor",
        "Book review",
        "Reminiscences on influential papers",
        "Report on the annual meeting"
    };

    private static final String[] PRODUCTS = {"SQL Server", "DB2", "Oracle", "Informix", "Sybase", "PostgreSQL"};

    private static final String[] GIVEN =
            ("Michael Alon Wei Li Jun Yan Hector Jennifer David Rakesh Surajit Divesh Raghu Jeffrey Christos Gerhard"
                            + " Hans-Peter Serge Dan Laura Joseph Philip Yannis Timos Nick Kyuseok Minos Rajeev Sunita Soumen"
                            + " Jiawei Haixun Xin Ying Hong Lei Ming Yu Jian Qiang Anna Maria Elena Jose Andre Jorg Ugur"
                            + " Zhao-Hui Jean-Robert Per-Ake Banu Gunter Theo Alfons Donald Stefano Paolo Elisa Sharma"
                            + " Krithi Amit Kian-Lee Beng Chin Wen-Syan Kun-Lung Ming-Syan Sudarshan Anastassia Samuel")
                    .split(" ");

    private static final String[] COMMON_SURNAMES = {
        "Wang", "Li", "Zhang", "Chen", "Liu", "Yang", "Lee", "Kim", "Smith", "Kumar", "Chang", "Wu", "Lu", "Park"
    };

    private static final String[] SURNAME_PARTS = {
        "gar", "cia", "mol", "ina", "stone", "bra", "ker", "ioa", "nni", "dis", "hel", "ler", "stein", "agra", "wal",
        "chau", "dhu", "ri", "sri", "vas", "tava", "ram", "krish", "nan", "nau", "ghton", "falo", "uts", "wei", "kum",
        "ber", "ger", "mann", "son", "ova", "escu", "opou", "los", "ber", "ton", "ridge", "field", "haus", "tzi",
        "yama", "moto", "ka", "wa", "shi"
    };

    /** Accented surnames, written with and without their accents by the two sources. */
    private static final String[] ACCENTED = {"Özden", "Härder", "Çetintemel", "Zimányi", "Jája", "Mattos Mendonça"};

    private final SplittableRandom random;

    private GeneratedBibliography(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("derive")) {
            long seed = Long.parseLong(args[1]);
            Path dir = Path.of(args[3]);
            Files.createDirectories(dir);
            Lists lists = derive(seed, InputTableReader.read(Path.of(args[2])).rows());
            Files.write(dir.resolve("dblp.csv"), lists.first());
            Files.write(dir.resolve("acm.csv"), lists.second());
            Files.write(dir.resolve("truth.csv"), lists.truth());
            return;
        }
        long seed = Long.parseLong(args[0]);
        int papers = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        Files.createDirectories(dir);
        Lists lists = generate(seed, papers);
        Files.write(dir.resolve("dblp.csv"), lists.first());
        Files.write(dir.resolve("acm.csv"), lists.second());
        Files.write(dir.resolve("truth.csv"), lists.truth());
    }

    /**
     * About {@code papers} papers in list A; list B holds 80% of them (rewritten) and as many new papers again as
     * make 15% of B.
     */
    static Lists generate(long seed, int papers) {
        return new GeneratedBibliography(seed).lists(papers);
    }

    /**
     * Two lists from real bibliography rows (title, authors, venue, year; an id column first): list A holds 85% of
     * them as given, list B 80% of A's rewritten as the ACM library writes them and the other 15% of the rows
     * rewritten too (papers A does not hold). Venues A's table does not know keep their name in B.
     */
    static Lists derive(long seed, List<String[]> rows) {
        return new GeneratedBibliography(seed).derived(rows);
    }

    private Lists derived(List<String[]> rows) {
        List<Paper> papers = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            Venue venue = new Venue(row[3], row[3], false);
            for (Venue known : VENUES) {
                venue = known.dblp().equals(row[3]) ? known : venue;
            }
            List<Person> authors = new ArrayList<>();
            for (String name : row[2].split(", ")) {
                authors.add(person(name));
            }
            papers.add(new Paper(row[1], authors, venue, Integer.parseInt(row[4].strip())));
        }
        return lists(papers, (int) Math.round(papers.size() * 0.85));
    }

    /** "Michael J. Franklin" as given name, middle names and surname (with its particles: "Van den Bercken"). */
    private static Person person(String name) {
        String[] words = name.strip().split(" ");
        int surname = words.length - 1;
        while (surname > 1 && Character.isLowerCase(words[surname - 1].charAt(0))
                || surname > 1 && List.of("Van", "Von", "De", "Da", "Di", "Le").contains(words[surname - 1])) {
            surname--;
        }
        String middle = surname > 1
                ? String.join(" ", List.of(words).subList(1, surname)).replace(".", "")
                : null;
        return new Person(words[0], middle, String.join(" ", List.of(words).subList(surname, words.length)));
    }

    private Lists lists(int count) {
        List<Person> people = people(Math.max(50, count));
        List<Paper> all = new ArrayList<>();
        int unmatchedInB = (int) Math.round(count * 0.8 * 0.15 / 0.85);
        while (all.size() < count + unmatchedInB) {
            all.addAll(papers(people));
        }
        return lists(all.subList(0, count + unmatchedInB), count);
    }

    /** List A: the first {@code count} papers; list B: 80% of them rewritten, and the other papers rewritten. */
    private Lists lists(List<Paper> all, int count) {
        List<Paper> inA = all.subList(0, count);
        List<Paper> onlyB = all.subList(count, all.size());
        List<String> first = new ArrayList<>(List.of(HEADER));
        List<String> second = new ArrayList<>(List.of(HEADER));
        List<String> truth = new ArrayList<>(List.of("id,entity"));
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < inA.size(); p++) {
            Paper paper = inA.get(p);
            String id = "dblp" + p;
            first.add(line(
                    id,
                    paper.title(),
                    dblpAuthors(paper.authors()),
                    paper.venue().dblp(),
                    paper.year()));
            truth.add(id + ",paper" + p);
            if (random.nextDouble() < 0.8) {
                order.add(p);
            }
        }
        for (int p = 0; p < onlyB.size(); p++) {
            order.add(count + p);
        }
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        for (int k = 0; k < order.size(); k++) {
            int p = order.get(k);
            Paper paper = all.get(p);
            String id = "acm" + k;
            second.add(line(
                    id,
                    random.nextDouble() < 0.01 ? "" : acmTitle(paper.title()),
                    random.nextDouble() < 0.02 ? "" : acmAuthors(paper.authors()),
                    random.nextDouble() < 0.03 ? "" : paper.venue().acm(),
                    random.nextDouble() < 0.05 ? paper.year() + (random.nextBoolean() ? 1 : -1) : paper.year()));
            truth.add(id + ",paper" + p);
        }
        return new Lists(first, second, truth);
    }

    /** One paper, or a family of papers whose titles differ little: parts, versions, series, journal versions. */
    private List<Paper> papers(List<Person> people) {
        int year = 1994 + random.nextInt(12);
        double kind = random.nextDouble();
        if (kind < 0.04) {
            String title = pick(EDITORIALS);
            List<Person> editors = List.of(people.get(random.nextInt(20)));
            Venue venue = VENUES[5 + random.nextInt(3)];
            return List.of(new Paper(title, editors, venue, year), new Paper(title, editors, venue, year + 1));
        }
        if (kind < 0.06) {
            String topic = words(2 + random.nextInt(2));
            String title = "Report on the International Workshop on " + capitalise(topic);
            List<Person> authors = authors(people);
            return List.of(
                    new Paper(title + " (" + year + ")", authors, VENUES[5], year),
                    new Paper(title + " (" + (year + 1) + ")", authors(people), VENUES[5], year + 1));
        }
        List<Person> authors = authors(people);
        Venue venue = VENUES[random.nextInt(VENUES.length)];
        if (kind < 0.08) {
            String title = title();
            return List.of(
                    new Paper(title + ", Part 1", authors, venue, year),
                    new Paper(title + ", Part 2", authors, venue, year + random.nextInt(2)));
        }
        if (kind < 0.09) {
            String product = pick(PRODUCTS);
            String topic = capitalise(words(2));
            return List.of(
                    new Paper(topic + " in " + product + " 7.0", authors, venue, year),
                    new Paper(topic + " in " + product + " 2000", authors, venue, year + 2));
        }
        String title = title();
        if (kind < 0.12 && !venue.journal()) {
            Venue journal = VENUES[5 + random.nextInt(3)];
            return List.of(
                    new Paper(title, authors, venue, year),
                    new Paper(title, authors, journal, year + 1 + random.nextInt(2)));
        }
        return List.of(new Paper(title, authors, venue, year));
    }

    private String title() {
        StringBuilder title = new StringBuilder();
        if (random.nextDouble() < 0.25) {
            title.append(capitalise(syllables(2 + random.nextInt(2)))).append(": ");
        }
        int shape = random.nextInt(4);
        switch (shape) {
            case 0 ->
                title.append(capitalise(words(2 + random.nextInt(2))))
                        .append(' ')
                        .append(pick(FILLERS))
                        .append(' ')
                        .append(words(1 + random.nextInt(3)));
            case 1 -> title.append("On the ").append(words(2)).append(" of ").append(words(1 + random.nextInt(2)));
            case 2 -> title.append(capitalise(words(3 + random.nextInt(3))));
            default ->
                title.append("Towards ")
                        .append(words(2 + random.nextInt(2)))
                        .append(" in ")
                        .append(words(2));
        }
        if (random.nextDouble() < 0.15) {
            title.append(": ")
                    .append(capitalise(words(2)))
                    .append(' ')
                    .append(pick(FILLERS))
                    .append(' ')
                    .append(words(2));
        }
        return title.toString();
    }

    private String words(int count) {
        List<String> words = new ArrayList<>(count);
        while (words.size() < count) {
            String word = zipf(WORDS);
            if (!words.contains(word)) {
                words.add(word);
            }
        }
        return String.join(" ", words);
    }

    private String zipf(String[] words) {
        double total = 0;
        for (int r = 0; r < words.length; r++) {
            total += 1.0 / (r + 2);
        }
        double at = random.nextDouble() * total;
        for (int r = 0; r < words.length; r++) {
            at -= 1.0 / (r + 2);
            if (at <= 0) {
                return words[r];
            }
        }
        return words[words.length - 1];
    }

    private String syllables(int count) {
        StringBuilder word = new StringBuilder();
        for (int s = 0; s < count; s++) {
            word.append(pick(SURNAME_PARTS));
        }
        return word.toString();
    }

    /** Authors of a field: a fifth of them with very common surnames, some productive, most writing little. */
    private List<Person> people(int count) {
        List<Person> people = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            double kind = random.nextDouble();
            String surname = kind < 0.2
                    ? pick(COMMON_SURNAMES)
                    : kind < 0.23 ? pick(ACCENTED) : capitalise(syllables(2 + random.nextInt(2)));
            String middle = random.nextDouble() < 0.4 ? String.valueOf((char) ('A' + random.nextInt(26))) : null;
            people.add(new Person(pick(GIVEN), middle, surname));
        }
        return people;
    }

    private List<Person> authors(List<Person> people) {
        double r = random.nextDouble();
        int count = r < 0.15 ? 1 : r < 0.45 ? 2 : r < 0.75 ? 3 : r < 0.9 ? 4 : 5 + random.nextInt(2);
        List<Person> authors = new ArrayList<>(count);
        while (authors.size() < count) {
            // productive authors first: the square of a uniform draw favours low indexes
            double u = random.nextDouble();
            Person person = people.get((int) (u * u * people.size()));
            if (!authors.contains(person)) {
                authors.add(person);
            }
        }
        return authors;
    }

    private static String dblpAuthors(List<Person> authors) {
        List<String> names = new ArrayList<>();
        for (Person person : authors) {
            names.add(person.given() + (person.middle() == null ? "" : " " + written(person.middle())) + " "
                    + person.surname());
        }
        return String.join(", ", names);
    }

    /** Initials or full names, now and then reordered, truncated or with accents folded. */
    private String acmAuthors(List<Person> authors) {
        List<Person> list = new ArrayList<>(authors);
        if (list.size() >= 2 && random.nextDouble() < 0.1) {
            Collections.swap(list, 0, 1 + random.nextInt(list.size() - 1));
        }
        boolean truncated = list.size() >= 4 && random.nextDouble() < 0.3;
        if (truncated) {
            list = list.subList(0, 3);
        } else if (list.size() >= 3 && random.nextDouble() < 0.03) {
            list.remove(list.size() - 1);
        }
        boolean initials = random.nextDouble() < 0.4;
        boolean surnameFirst = random.nextDouble() < 0.1;
        boolean folded = random.nextDouble() < 0.5;
        List<String> names = new ArrayList<>();
        for (Person person : list) {
            String given = initials ? initials(person.given()) : person.given();
            String middle = person.middle() == null
                    ? ""
                    : initials || surnameFirst ? initials(person.middle()) : written(person.middle());
            String surname = folded ? unaccented(person.surname()) : person.surname();
            names.add(
                    surnameFirst
                            ? surname + ", " + initials(person.given()) + (middle.isEmpty() ? "" : " " + middle)
                            : given + (middle.isEmpty() ? "" : " " + middle) + " " + surname);
        }
        String joined = String.join(surnameFirst ? "; " : ", ", names);
        return truncated ? joined + " et al." : joined;
    }

    /** A middle name as DBLP writes it: an initial with its dot ("J."), a name as it is ("Mendonça"). */
    private static String written(String middle) {
        return middle.length() == 1 ? middle + "." : middle;
    }

    private static String initials(String given) {
        StringBuilder initials = new StringBuilder();
        for (String part : given.split("-")) {
            initials.append(initials.length() == 0 ? "" : "-")
                    .append(part.charAt(0))
                    .append('.');
        }
        return initials.toString();
    }

    /** Re-cased, re-punctuated, a typo, a subtitle dropped or one added, spelled the British way. */
    private String acmTitle(String title) {
        String t = title;
        double r = random.nextDouble();
        if (r < 0.3) {
            t = t.toLowerCase(Locale.ROOT);
            t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        } else if (r < 0.4) {
            t = titleCase(t);
        }
        if (random.nextDouble() < 0.15) {
            t = t.replace(": ", " - ").replace("-", " ");
        }
        int colon = t.lastIndexOf(": ");
        if (colon > 10 && random.nextDouble() < 0.05) {
            t = t.substring(0, colon);
        } else if (random.nextDouble() < 0.03) {
            t = t + ": " + capitalise(words(2));
        }
        if (random.nextDouble() < 0.08) {
            t = typo(t);
        }
        if (random.nextDouble() < 0.05) {
            t = t.replace("optimization", "optimisation").replace("analysis", "analyses");
        }
        return t;
    }

    private String typo(String text) {
        int at = 1 + random.nextInt(Math.max(1, text.length() - 2));
        if (!Character.isLetter(text.charAt(at))) {
            return text;
        }
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + (char) ('a' + random.nextInt(26)) + text.substring(at + 1);
            default -> text.substring(0, at) + text.charAt(at) + text.substring(at);
        };
    }

    private static String titleCase(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }

    private static String unaccented(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String line(String id, String title, String authors, String venue, int year) {
        return id + "," + quoted(title) + "," + quoted(authors) + "," + quoted(venue) + "," + year;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
