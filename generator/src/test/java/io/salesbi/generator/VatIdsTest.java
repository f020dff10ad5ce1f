package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VatIdsTest {

    @Test
    void checkDigitFollowsIso7064Mod1110() {
        // DE143454214 and DE811569869 are published, valid German VAT ids
        assertThat(VatIds.checkDigit(new int[] {1, 4, 3, 4, 5, 4, 2, 1})).isEqualTo(4);
        assertThat(VatIds.checkDigit(new int[] {8, 1, 1, 5, 6, 9, 8, 6})).isEqualTo(9);
    }

    @Test
    void generatedIdsAreDePlusNineDigitsWithAValidCheckDigit() {
        Rng rng = new Rng(1);
        for (int i = 0; i < 100; i++) {
            String vat = VatIds.german(rng);
            assertThat(vat).matches("DE[1-9]\\d{8}");
            int[] digits = vat.substring(2).chars().map(c -> c - '0').toArray();
            assertThat(VatIds.checkDigit(digits)).isEqualTo(digits[8]);
        }
    }
}
