package io.salesbi.generator;

/** Small text helpers: umlaut folding and web slugs. */
final class Texts {

    private Texts() {}

    /** ü -> ue, ß -> ss, and so on: how systems without umlauts spell German names. */
    static String foldUmlauts(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 'ä' -> sb.append("ae");
                case 'ö' -> sb.append("oe");
                case 'ü' -> sb.append("ue");
                case 'Ä' -> sb.append("Ae");
                case 'Ö' -> sb.append("Oe");
                case 'Ü' -> sb.append("Ue");
                case 'ß' -> sb.append("ss");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Polish and other letters Windows-1252 cannot store, folded to ASCII as legacy ERPs do. */
    static String foldForCp1252(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char folded = switch (c) {
                case 'ł' -> 'l';
                case 'Ł' -> 'L';
                case 'ń' -> 'n';
                case 'ś' -> 's';
                case 'Ś' -> 'S';
                case 'ą' -> 'a';
                case 'ę' -> 'e';
                case 'ć' -> 'c';
                case 'ż', 'ź' -> 'z';
                case 'Ż', 'Ź' -> 'Z';
                default -> c;
            };
            if (folded != c && sb == null) {
                sb = new StringBuilder(s.substring(0, i));
            }
            if (sb != null) {
                sb.append(folded);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** "Müller & Söhne Maschinenbau" -> "mueller-soehne-maschinenbau". */
    static String slug(String s) {
        String folded = foldUmlauts(foldForCp1252(s)).toLowerCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder(folded.length());
        boolean dash = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (dash && sb.length() > 0) {
                    sb.append('-');
                }
                sb.append(c);
                dash = false;
            } else if (c == 'é' || c == 'è') {
                sb.append('e');
            } else {
                dash = true;
            }
        }
        return sb.toString();
    }
}
