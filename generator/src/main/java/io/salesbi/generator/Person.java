package io.salesbi.generator;

/** A person at a customer or in the demo company's sales team. */
record Person(String firstName, String lastName, boolean female, String role) {

    String fullName() {
        return firstName + " " + lastName;
    }

    /** "Herr Müller" / "Frau Weber". */
    String salutation() {
        return (female ? "Frau " : "Herr ") + lastName;
    }

    static Person random(Rng rng, String role) {
        boolean female = rng.chance(0.35);
        String first = female ? rng.pick(NameVocabulary.FEMALE_FIRST_NAMES) : rng.pick(NameVocabulary.MALE_FIRST_NAMES);
        return new Person(first, rng.pick(NameVocabulary.SURNAMES), female, role);
    }
}
