package io.salesbi.generator;

import java.util.List;

/**
 * German cities with their PLZ ranges and area codes, and the sales region rule of the demo company.
 *
 * <p>The sales region follows the first PLZ digit: 0 and 1 Ost, 2 and 3 Nord, 4 and 5 West, 6 to 9 Süd. The city
 * list only holds cities where that rule and the map agree well enough for a demo.
 */
final class GermanPlaces {

    private GermanPlaces() {}

    static String regionOfPostcode(String postcode) {
        return switch (postcode.charAt(0)) {
            case '0', '1' -> "Ost";
            case '2', '3' -> "Nord";
            case '4', '5' -> "West";
            default -> "Süd";
        };
    }

    static final List<City> CITIES = List.of(
            c("Dresden", 1067, 1328, "351"),
            c("Leipzig", 4103, 4357, "341"),
            c("Chemnitz", 9111, 9247, "371"),
            c("Zwickau", 8056, 8066, "375"),
            c("Jena", 7743, 7751, "3641"),
            c("Gera", 7545, 7552, "365"),
            c("Halle (Saale)", 6108, 6132, "345"),
            c("Dessau-Roßlau", 6842, 6849, "340"),
            c("Plauen", 8523, 8529, "3741"),
            c("Görlitz", 2826, 2828, "3581"),
            c("Cottbus", 3042, 3055, "355"),
            c("Bautzen", 2625, 2625, "3591"),
            c("Berlin", 10115, 14199, "30"),
            c("Potsdam", 14467, 14482, "331"),
            c("Rostock", 18055, 18147, "381"),
            c("Schwerin", 19053, 19063, "385"),
            c("Frankfurt (Oder)", 15230, 15236, "335"),
            c("Ludwigsfelde", 14974, 14974, "3378"),
            c("Eberswalde", 16225, 16227, "3334"),
            c("Hamburg", 20095, 22769, "40"),
            c("Bremen", 28195, 28779, "421"),
            c("Kiel", 24103, 24159, "431"),
            c("Lübeck", 23552, 23570, "451"),
            c("Flensburg", 24937, 24944, "461"),
            c("Oldenburg", 26121, 26135, "441"),
            c("Hannover", 30159, 30669, "511"),
            c("Braunschweig", 38100, 38126, "531"),
            c("Wolfsburg", 38440, 38448, "5361"),
            c("Göttingen", 37073, 37085, "551"),
            c("Kassel", 34117, 34134, "561"),
            c("Hildesheim", 31134, 31141, "5121"),
            c("Celle", 29221, 29229, "5141"),
            c("Lüneburg", 21335, 21339, "4131"),
            c("Bielefeld", 33602, 33739, "521"),
            c("Paderborn", 33098, 33106, "5251"),
            c("Gütersloh", 33330, 33335, "5241"),
            c("Salzgitter", 38226, 38259, "5341"),
            c("Wilhelmshaven", 26382, 26389, "4421"),
            c("Stade", 21680, 21684, "4141"),
            c("Minden", 32423, 32429, "571"),
            c("Dortmund", 44135, 44388, "231"),
            c("Essen", 45127, 45359, "201"),
            c("Duisburg", 47051, 47279, "203"),
            c("Düsseldorf", 40210, 40629, "211"),
            c("Bochum", 44787, 44894, "234"),
            c("Wuppertal", 42103, 42399, "202"),
            c("Münster", 48143, 48167, "251"),
            c("Osnabrück", 49074, 49090, "541"),
            c("Krefeld", 47798, 47839, "2151"),
            c("Mönchengladbach", 41061, 41239, "2161"),
            c("Gelsenkirchen", 45879, 45899, "209"),
            c("Bonn", 53111, 53229, "228"),
            c("Köln", 50667, 51149, "221"),
            c("Aachen", 52062, 52080, "241"),
            c("Siegen", 57072, 57080, "271"),
            c("Hagen", 58089, 58135, "2331"),
            c("Lüdenscheid", 58507, 58515, "2351"),
            c("Iserlohn", 58636, 58644, "2371"),
            c("Koblenz", 56068, 56077, "261"),
            c("Trier", 54290, 54296, "651"),
            c("Leverkusen", 51371, 51381, "214"),
            c("Solingen", 42651, 42719, "212"),
            c("Remscheid", 42853, 42899, "2191"),
            c("Hamm", 59063, 59077, "2381"),
            c("Frankfurt am Main", 60306, 60599, "69"),
            c("Wiesbaden", 65183, 65207, "611"),
            c("Darmstadt", 64283, 64297, "6151"),
            c("Mannheim", 68159, 68309, "621"),
            c("Ludwigshafen am Rhein", 67059, 67071, "621"),
            c("Kaiserslautern", 67655, 67663, "631"),
            c("Saarbrücken", 66111, 66133, "681"),
            c("Heidelberg", 69115, 69126, "6221"),
            c("Offenbach am Main", 63065, 63075, "69"),
            c("Aschaffenburg", 63739, 63743, "6021"),
            c("Stuttgart", 70173, 70629, "711"),
            c("Karlsruhe", 76131, 76229, "721"),
            c("Pforzheim", 75172, 75181, "7231"),
            c("Heilbronn", 74072, 74081, "7131"),
            c("Ulm", 89073, 89081, "731"),
            c("Reutlingen", 72760, 72770, "7121"),
            c("Tübingen", 72070, 72076, "7071"),
            c("Esslingen am Neckar", 73728, 73734, "711"),
            c("Göppingen", 73033, 73037, "7161"),
            c("Freiburg im Breisgau", 79098, 79117, "761"),
            c("Konstanz", 78462, 78467, "7531"),
            c("Villingen-Schwenningen", 78048, 78056, "7721"),
            c("Tuttlingen", 78532, 78532, "7461"),
            c("Schwäbisch Hall", 74523, 74523, "791"),
            c("Aalen", 73430, 73434, "7361"),
            c("Friedrichshafen", 88045, 88048, "7541"),
            c("Ravensburg", 88212, 88214, "751"),
            c("München", 80331, 81929, "89"),
            c("Augsburg", 86150, 86199, "821"),
            c("Ingolstadt", 85049, 85057, "841"),
            c("Regensburg", 93047, 93059, "941"),
            c("Nürnberg", 90402, 90491, "911"),
            c("Fürth", 90762, 90768, "911"),
            c("Erlangen", 91052, 91058, "9131"),
            c("Würzburg", 97070, 97084, "931"),
            c("Schweinfurt", 97421, 97424, "9721"),
            c("Bamberg", 96047, 96052, "951"),
            c("Bayreuth", 95444, 95448, "921"),
            c("Passau", 94032, 94036, "851"),
            c("Landshut", 84028, 84036, "871"),
            c("Rosenheim", 83022, 83026, "8031"),
            c("Kempten (Allgäu)", 87435, 87439, "831"),
            c("Memmingen", 87700, 87700, "8331"));

    private static City c(String name, int lo, int hi, String areaCode) {
        return new City(name, "DE", lo, hi, areaCode);
    }
}
