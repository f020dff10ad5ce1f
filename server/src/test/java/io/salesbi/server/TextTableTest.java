package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsTextLeftAndNumbersRight() {
        String table = TextTable.render(
                List.of("sales_region", "revenue"),
                List.of(false, true),
                List.of(List.of("Nord", "1550000.50"), List.of("Süd", "875000.25")));

        assertThat(table).isEqualTo("""
                sales_region | revenue
                -------------+-----------
                Nord         | 1550000.50
                Süd          |  875000.25
                """);
    }

    @Test
    void rendersHeaderAndRuleForNoRows() {
        assertThat(TextTable.render(List.of("a", "bb"), List.of(false, false), List.of()))
                .isEqualTo("a | bb\n--+---\n");
    }
}
