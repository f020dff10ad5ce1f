package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compact structures that keep a million records within the heap: distinct values prepared once and shared,
 * candidate pairs compacted while they are collected, comparison patterns counted without a key per pair.
 */
class MemoryLayoutTest {

    @Test
    void recordsWithOneRawValueShareItsPreparedForms() {
        String[] raw = {"Müller Maschinenbau GmbH", null, "Müller Maschinenbau GmbH", "Müller Maschinenbau", " "};

        PreparedField field = new FieldPreparer("DE").prepare(FieldType.COMPANY, raw);

        assertThat(field.value())
                .containsExactly("mueller maschinenbau", null, "mueller maschinenbau", "mueller maschinenbau", null);
        // one instance per value, per token array, per key array and per weight array
        assertThat(field.value()[2]).isSameAs(field.value()[0]);
        assertThat(field.value()[3]).isSameAs(field.value()[0]);
        assertThat(field.tokens()[2]).isSameAs(field.tokens()[0]).containsExactly("maschinenbau", "mueller");
        assertThat(field.tokens()[3]).isSameAs(field.tokens()[0]);
        assertThat(field.blockKeys()[3]).isSameAs(field.blockKeys()[0]);
        assertThat(field.tokenWeights()[3]).isSameAs(field.tokenWeights()[0]);
        assertThat(field.phonetic()[3]).isSameAs(field.phonetic()[0]);
        assertThat(field.blockKeys()[1]).isEmpty();
        assertThat(field.blockKeys()[4]).isEmpty();
        assertThat(field.tokens()[1]).isNull();
    }

    @Test
    void sharedAddressesAreParsedOnce() {
        String[] raw = {"Hauptstr. 12", "Hauptstr. 12", "Hauptstraße 12"};

        PreparedField field = new FieldPreparer("DE").prepare(FieldType.STREET, raw);

        assertThat(field.addresses()[1]).isSameAs(field.addresses()[0]);
        assertThat(field.addresses()[2]).isEqualTo(field.addresses()[0]).isNotSameAs(field.addresses()[0]);
        assertThat(field.value()[2]).isSameAs(field.value()[0]);
    }

    @Test
    void candidatePairsAreCompactedWhileCollected() {
        LongList list = new LongList();
        // 5,000 distinct values, each added 40 times in an order that is not sorted
        for (int round = 0; round < 40; round++) {
            for (int v = 0; v < 5_000; v++) {
                list.add((long) ((v * 7919) % 5_000) << 32 | round % 2);
            }
        }

        long[] distinct = list.sortedDistinct();

        assertThat(distinct).hasSize(10_000);
        assertThat(distinct[0]).isEqualTo(0L);
        assertThat(distinct[1]).isEqualTo(1L);
        assertThat(distinct[9_999]).isEqualTo(4_999L << 32 | 1);
        for (int i = 1; i < distinct.length; i++) {
            assertThat(distinct[i]).isGreaterThan(distinct[i - 1]);
        }
    }

    @Test
    void patternsAreCountedPerDistinctComparisonInAscendingKeyOrder() {
        // two fields: phone (3 levels) and postcode (4 levels); missing is -1
        List<PreparedField> fields = List.of(
                new FieldPreparer("DE").prepare(FieldType.PHONE, new String[] {"1"}),
                new FieldPreparer("DE").prepare(FieldType.POSTCODE, new String[] {"1"}));
        byte[] levels = {0, 0, 2, 3, 0, 0, -1, 3, 2, 3, 0, 0};
        ComparisonMatrix matrix = new ComparisonMatrix(2, 6, levels);

        Patterns patterns = Patterns.of(fields, matrix);

        // keys (level + 1) * radix with radix {1, 4}: (0,0) → 5, (2,3) → 19, (-1,3) → 16; ascending 5, 16, 19
        assertThat(patterns.count()).isEqualTo(3);
        assertThat(new int[] {patterns.level(0, 0), patterns.level(0, 1)}).containsExactly(0, 0);
        assertThat(patterns.weight(0)).isEqualTo(3.0);
        assertThat(new int[] {patterns.level(1, 0), patterns.level(1, 1)}).containsExactly(-1, 3);
        assertThat(patterns.weight(1)).isEqualTo(1.0);
        assertThat(new int[] {patterns.level(2, 0), patterns.level(2, 1)}).containsExactly(2, 3);
        assertThat(patterns.weight(2)).isEqualTo(2.0);
    }
}
