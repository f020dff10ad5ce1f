package io.salesbi.pipeline.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo company's own sales people: field sales reps, each with a region and an Excel customer list, and the
 * inside sales staff who own the accounts without a field rep.
 */
final class SalesTeam {

    private static final String[] REP_REGIONS = {"Süd", "West", "Nord", "Ost", "Export", "Süd", "West", "Nord"};

    private final List<Person> reps = new ArrayList<>();
    private final List<String> repRegions = new ArrayList<>();
    private final List<Person> insideSales = new ArrayList<>();

    SalesTeam(int repCount, int insideSalesCount, Rng rng) {
        java.util.Set<String> usedLastNames = new java.util.HashSet<>();
        for (int i = 0; i < repCount; i++) {
            Person rep;
            do {
                rep = Person.random(rng, "Außendienst");
            } while (!usedLastNames.add(rep.lastName()));
            reps.add(rep);
            repRegions.add(REP_REGIONS[i % REP_REGIONS.length]);
        }
        for (int i = 0; i < insideSalesCount; i++) {
            insideSales.add(Person.random(rng, "Innendienst"));
        }
    }

    List<Person> reps() {
        return reps;
    }

    /** The rep of the company's region (reps of a region split its companies), the same in every source. */
    int repFor(Company company) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < reps.size(); i++) {
            if (repRegions.get(i).equals(company.region())) {
                candidates.add(i);
            }
        }
        return candidates.isEmpty() ? company.index() % reps.size() : candidates.get(company.index() % candidates.size());
    }

    Person insideSalesFor(Company company) {
        return insideSales.get(company.index() % insideSales.size());
    }
}
