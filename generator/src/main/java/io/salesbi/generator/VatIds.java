package io.salesbi.generator;

/** German VAT ids (USt-IdNr) with a valid check digit (ISO 7064 MOD 11,10, as the Federal Central Tax Office uses). */
final class VatIds {

    private VatIds() {}

    static String german(Rng rng) {
        int[] digits = new int[9];
        digits[0] = 1 + rng.nextInt(9);
        for (int i = 1; i < 8; i++) {
            digits[i] = rng.nextInt(10);
        }
        digits[8] = checkDigit(digits);
        StringBuilder sb = new StringBuilder("DE");
        for (int d : digits) {
            sb.append(d);
        }
        return sb.toString();
    }

    /** The ninth digit for the first eight. */
    static int checkDigit(int[] digits) {
        int product = 10;
        for (int i = 0; i < 8; i++) {
            int sum = (digits[i] + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (2 * sum) % 11;
        }
        int check = 11 - product;
        return check == 10 ? 0 : check;
    }
}
