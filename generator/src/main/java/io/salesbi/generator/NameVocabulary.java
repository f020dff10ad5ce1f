package io.salesbi.generator;

/** German words the demo names are built from: surnames, first names, landscapes, streets, legal forms. */
final class NameVocabulary {

    private NameVocabulary() {}

    static final String[] SURNAMES = {
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
        "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
        "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert",
        "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
        "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin",
        "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich",
        "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl",
        "Engel", "Horn", "Busch", "Bergmann", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer", "Brückner"
    };

    static final String[] MALE_FIRST_NAMES = {
        "Thomas", "Michael", "Andreas", "Stefan", "Frank", "Markus", "Christian", "Martin", "Peter", "Jürgen",
        "Uwe", "Klaus", "Jan", "Tobias", "Florian", "Daniel", "Sebastian", "Matthias", "Jörg", "Ralf",
        "Dirk", "Sven", "Oliver", "Jens", "Björn"
    };

    static final String[] FEMALE_FIRST_NAMES = {
        "Sabine",
        "Petra",
        "Andrea",
        "Claudia",
        "Susanne",
        "Monika",
        "Nicole",
        "Stefanie",
        "Julia",
        "Katrin",
        "Anna",
        "Lena",
        "Birgit",
        "Heike",
        "Karin"
    };

    static final String[] LANDSCAPES = {
        "Rhein", "Ruhr", "Elbe", "Weser", "Main", "Neckar", "Isar", "Donau", "Spree", "Harz",
        "Eifel", "Taunus", "Allgäu", "Schwarzwald", "Sauerland", "Lausitz", "Ostsee", "Nordsee", "Alb", "Hanse"
    };

    static final String[] COMPOUND_SUFFIXES = {"stahl", "tec", "werk", "metall", "plast", "matic", "tronic"};

    static final String[] STREETS = {
        "Hauptstraße", "Industriestraße", "Gewerbestraße", "Am Gewerbepark", "Robert-Bosch-Straße", "Carl-Benz-Straße",
        "Siemensstraße", "Daimlerstraße", "Im Industriegebiet", "Bahnhofstraße", "Max-Planck-Straße",
                "Otto-Hahn-Straße",
        "Dieselstraße", "Gutenbergstraße", "Lindenallee", "Raiffeisenstraße", "Werkstraße", "Zeppelinstraße",
        "Kesselweg", "Am Hafen", "Mühlenweg", "Rudolf-Diesel-Straße", "Benzstraße", "Ferdinand-Porsche-Straße",
        "Hafenstraße", "Gartenstraße", "Schillerstraße", "Goethestraße", "An der Autobahn", "Europaallee",
        "Fabrikstraße", "Kanalstraße", "Eisenbahnstraße", "Hüttenweg", "Zum Steinbruch", "Weststraße"
    };

    /** German legal forms with their share among the demo's domestic companies. */
    static final String[] LEGAL_FORMS = {
        "GmbH", "GmbH & Co. KG", "AG", "KG", "OHG", "e.K.", "UG (haftungsbeschränkt)", "SE"
    };

    static final double[] LEGAL_FORM_SHARES = {55, 20, 5, 6, 2, 6, 5, 1};

    static final String[] ACRONYM_LETTERS = {
        "A", "B", "D", "E", "F", "G", "H", "K", "L", "M", "N", "P", "R", "S", "T", "W"
    };
}
