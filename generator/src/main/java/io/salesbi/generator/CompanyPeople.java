package io.salesbi.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The buying center of a company: the same people every time they are asked for, so that the CRM contacts and the
 * rep lists name the same persons.
 */
final class CompanyPeople {

    static final String[] ROLES = {"Decision Maker", "Purchaser", "User", "Influencer"};

    private final long seed;

    CompanyPeople(long seed) {
        this.seed = seed;
    }

    /** Two to five people; the first is always the purchaser, the second the decision maker. */
    List<Person> of(Company company) {
        Rng rng = new Rng(seed ^ (0x9E3779B97F4A7C15L * (company.index() + 1)));
        int count = rng.intBetween(2, 5);
        List<Person> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String role = i == 0 ? "Purchaser" : i == 1 ? "Decision Maker" : rng.chance(0.6) ? "User" : "Influencer";
            people.add(Person.random(rng, role));
        }
        return people;
    }

    /** "thomas.mueller@domain" or "t.mueller@domain", fixed per person. */
    static String email(Person person, Company company) {
        String last = Texts.slug(person.lastName()).replace("-", "");
        String first = Texts.slug(person.firstName()).replace("-", "");
        boolean shortForm = (person.firstName().length() + person.lastName().length()) % 3 == 0;
        return (shortForm ? first.charAt(0) + "." + last : first + "." + last) + "@"
                + company.domain().toLowerCase(Locale.ROOT);
    }
}
