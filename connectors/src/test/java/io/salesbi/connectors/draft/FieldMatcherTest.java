package io.salesbi.connectors.draft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldMatcherTest {

    @Test
    void headersAreComparedWithoutCaseUmlautsPunctuationOrNumberWords() {
        assertThat(FieldVocabulary.key("Kunden-Nr.")).isEqualTo("kunden no");
        assertThat(FieldVocabulary.key("Kundennummer")).isEqualTo("kunden no");
        assertThat(FieldVocabulary.key("CustomerID")).isEqualTo("customer id");
        assertThat(FieldVocabulary.key("Währung")).isEqualTo("waehrung");
        assertThat(FieldVocabulary.key("Number of Units Sold")).isEqualTo("units sold");
    }

    @Test
    void germanAndEnglishNamesScoreOneNearSpellingsLessAndUnrelatedNamesNothing() {
        List<String> debtor = FieldVocabulary.namesOf("debtor_no");
        List<String> discount = FieldVocabulary.namesOf("discount_pct");
        List<String> listPrice = FieldVocabulary.namesOf("list_price");

        assertThat(FieldMatcher.nameScore("Kd.-Nr.", debtor)).isEqualTo(1.0);
        assertThat(FieldMatcher.nameScore("Customer ID", debtor)).isEqualTo(1.0);
        assertThat(FieldMatcher.nameScore("debtor_no", debtor)).isEqualTo(1.0);
        assertThat(FieldMatcher.nameScore("Kundenummer", debtor)).isBetween(FieldMatcher.ACCEPT, 0.9);
        assertThat(FieldMatcher.nameScore("Lineitem compare at price", listPrice))
                .isEqualTo(0.8);
        assertThat(FieldMatcher.nameScore("Customer Name", debtor)).isLessThan(FieldMatcher.ACCEPT);
        assertThat(FieldMatcher.nameScore("Discount Code", discount)).isLessThan(FieldMatcher.ACCEPT);
        assertThat(FieldMatcher.nameScore("Description", debtor)).isZero();
    }
}
