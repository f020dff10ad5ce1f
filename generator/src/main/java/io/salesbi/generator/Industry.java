package io.salesbi.generator;

/**
 * The industries (Branchen) of the demo customers: the share of companies, the words their names are built from and
 * how their purchases spread over the product categories (order of {@link ProductCategory}).
 */
enum Industry {
    MASCHINENBAU(
            "Maschinenbau",
            30,
            new double[] {30, 22, 14, 14, 12, 8},
            "Maschinenbau",
            "Maschinenfabrik",
            "Anlagenbau",
            "Sondermaschinenbau",
            "Fördertechnik",
            "Werkzeugmaschinen",
            "Verpackungsmaschinen",
            "Hydraulik",
            "Präzisionstechnik"),
    AUTOMOBILZULIEFERER(
            "Automobilzulieferer",
            18,
            new double[] {25, 18, 22, 15, 12, 8},
            "Automotive",
            "Fahrzeugtechnik",
            "Präzisionsteile",
            "Stanztechnik",
            "Kunststofftechnik",
            "Umformtechnik",
            "Zerspanungstechnik"),
    LEBENSMITTEL(
            "Lebensmittelindustrie",
            12,
            new double[] {28, 14, 16, 10, 20, 12},
            "Lebensmittelwerke",
            "Fleischwaren",
            "Molkerei",
            "Backwaren",
            "Getränke",
            "Feinkost",
            "Süßwaren",
            "Mühlenwerke"),
    CHEMIE_PHARMA(
            "Chemie & Pharma",
            12,
            new double[] {22, 20, 24, 10, 12, 12},
            "Chemie",
            "Pharma",
            "Kunststoffe",
            "Lackfabrik",
            "Labortechnik",
            "Spezialchemie",
            "Arzneimittelwerk"),
    BAUWIRTSCHAFT(
            "Bauwirtschaft",
            10,
            new double[] {35, 8, 8, 14, 25, 10},
            "Bau",
            "Hochbau",
            "Tiefbau",
            "Baustoffe",
            "Betonwerk",
            "Bauunternehmung",
            "Stahlbau",
            "Holzbau"),
    ELEKTROTECHNIK(
            "Elektrotechnik",
            18,
            new double[] {12, 30, 18, 28, 6, 6},
            "Elektrotechnik",
            "Elektronik",
            "Schaltanlagenbau",
            "Kabelkonfektion",
            "Elektroanlagen",
            "Automatisierungstechnik",
            "Steuerungsbau");

    final String label;
    final int share;
    final double[] categoryWeights;
    final String[] nameWords;

    Industry(String label, int share, double[] categoryWeights, String... nameWords) {
        this.label = label;
        this.share = share;
        this.categoryWeights = categoryWeights;
        this.nameWords = nameWords;
    }

    static double[] shares() {
        Industry[] all = values();
        double[] shares = new double[all.length];
        for (int i = 0; i < all.length; i++) {
            shares[i] = all[i].share;
        }
        return shares;
    }
}
