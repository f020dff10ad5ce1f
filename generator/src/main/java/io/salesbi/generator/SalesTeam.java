package io.salesbi.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo company's own sales people: field sales reps, each with a region and an Excel customer list, and the
 * inside sales staff who own the accounts without a field rep.
 *
 * <p>Reps have distinct surnames, since a rep's list is named after the surname ({@code Kundenliste_<Name>.xlsx}).
 * The first reps draw a surname from the vocabulary until an unused one comes up, as they always did, so the demo's
 * data stays as it was up to scale 12.5 (100 reps for 100 surnames). Reps beyond the vocabulary get a
 * double-barrelled surname ("Müller-Weber") taken in a fixed, scattered order from all 9,900 ordered pairs, and past
 * those the pairs again with a number ("Müller-Weber 2"): distinct, deterministic and without a loop that waits for
 * luck, at any scale.
 */
final class SalesTeam {

    /** Reps per scale unit, never fewer than {@link #MIN_REPS}; inside sales staff likewise. */
    static final int REPS_AT_SCALE_ONE = 8;

    static final int MIN_REPS = 5;
    static final int INSIDE_SALES_AT_SCALE_ONE = 6;
    static final int MIN_INSIDE_SALES = 2;

    private static final String[] REP_REGIONS = {"Süd", "West", "Nord", "Ost", "Export", "Süd", "West", "Nord"};
    private static final String[] SURNAMES = NameVocabulary.SURNAMES;
    private static final int PAIRS = SURNAMES.length * (SURNAMES.length - 1);
    /** Coprime to {@link #PAIRS}, so that stepping by it visits every pair once, spread over all first names. */
    private static final int PAIR_STRIDE = 7717;

    private final List<Person> reps = new ArrayList<>();
    private final List<String> repRegions = new ArrayList<>();
    private final Map<String, int[]> repsByRegion = new HashMap<>();
    private final List<Person> insideSales = new ArrayList<>();

    SalesTeam(int repCount, int insideSalesCount, Rng rng) {
        Set<String> usedLastNames = new HashSet<>();
        for (int i = 0; i < repCount; i++) {
            Person rep;
            if (i < SURNAMES.length) {
                do {
                    rep = Person.random(rng, "Außendienst");
                } while (!usedLastNames.add(rep.lastName()));
            } else {
                Person drawn = Person.random(rng, "Außendienst");
                rep = new Person(drawn.firstName(), doubleName(i - SURNAMES.length), drawn.female(), drawn.role());
            }
            reps.add(rep);
            repRegions.add(REP_REGIONS[i % REP_REGIONS.length]);
        }
        for (String region : new HashSet<>(repRegions)) {
            repsByRegion.put(region, indexesOf(region));
        }
        for (int i = 0; i < insideSalesCount; i++) {
            insideSales.add(Person.random(rng, "Innendienst"));
        }
    }

    /** The team of a demo at the given scale (any positive scale, also beyond what the generator accepts). */
    static SalesTeam atScale(double scale, Rng rng) {
        return new SalesTeam(
                GeneratorSettings.scaled(scale, REPS_AT_SCALE_ONE, MIN_REPS),
                GeneratorSettings.scaled(scale, INSIDE_SALES_AT_SCALE_ONE, MIN_INSIDE_SALES),
                rng);
    }

    /** The n-th surname beyond the vocabulary: pair number (n * stride) mod pairs, numbered from the second round. */
    static String doubleName(int n) {
        int pair = (int) ((long) n * PAIR_STRIDE % PAIRS);
        int first = pair / (SURNAMES.length - 1);
        int second = pair % (SURNAMES.length - 1);
        if (second >= first) {
            second++;
        }
        int round = n / PAIRS;
        return SURNAMES[first] + "-" + SURNAMES[second] + (round == 0 ? "" : " " + (round + 1));
    }

    List<Person> reps() {
        return reps;
    }

    List<Person> insideSales() {
        return insideSales;
    }

    /** The rep of the company's region (reps of a region split its companies), the same in every source. */
    int repFor(Company company) {
        int[] candidates = repsByRegion.get(company.region());
        return candidates == null ? company.index() % reps.size() : candidates[company.index() % candidates.length];
    }

    Person insideSalesFor(Company company) {
        return insideSales.get(company.index() % insideSales.size());
    }

    private int[] indexesOf(String region) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < repRegions.size(); i++) {
            if (repRegions.get(i).equals(region)) {
                indexes.add(i);
            }
        }
        return indexes.stream().mapToInt(Integer::intValue).toArray();
    }
}
