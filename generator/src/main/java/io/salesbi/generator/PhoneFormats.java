package io.salesbi.generator;

/** Writes one phone number in the many ways people and systems write it. */
final class PhoneFormats {

    /** How the ERP writes numbers: national format with a slash. */
    static final int NATIONAL_SLASH = 0;
    /** How the CRM mostly writes numbers: international with spaces. */
    static final int INTERNATIONAL = 1;

    static final int STYLE_COUNT = 7;

    private PhoneFormats() {}

    static String format(Company company, String extension, int style) {
        String cc = company.phoneCountryCode();
        String area = company.phoneArea();
        String sub = company.phoneSubscriber() + (extension.isEmpty() ? "" : "-" + extension);
        boolean domestic = company.domestic();
        return switch (style) {
            case NATIONAL_SLASH -> domestic ? "0" + area + "/" + sub : "+" + cc + " " + area + " " + sub;
            case INTERNATIONAL -> "+" + cc + " " + area + " " + sub;
            case 2 -> "+" + cc + " (0)" + area + " " + sub;
            case 3 -> "00" + cc + " " + area + " " + sub;
            case 4 -> domestic ? "(0" + area + ") " + grouped(sub) : "+" + cc + " " + area + " " + grouped(sub);
            case 5 -> domestic ? "0" + area + "-" + sub : "00" + cc + area + sub.replace("-", "");
            default -> domestic ? "0" + area + " " + sub : "+" + cc + area + sub.replace("-", "");
        };
    }

    /** "1234567" -> "123 45 67". */
    private static String grouped(String digits) {
        if (digits.length() < 6 || digits.indexOf('-') >= 0) {
            return digits;
        }
        return digits.substring(0, digits.length() - 4) + " "
                + digits.substring(digits.length() - 4, digits.length() - 2) + " "
                + digits.substring(digits.length() - 2);
    }
}
