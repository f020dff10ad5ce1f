package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The planted defects are few, listed in truth/planted_defects.csv, and each listed row really is broken. */
class PlantedDefectsTest {

    static GeneratedInbox inbox;
    static List<CSVRecord> defects;

    @BeforeAll
    static void generate() throws IOException {
        inbox = GeneratedInbox.shared(0.02, 3L);
        defects = GeneratedInbox.rows(inbox.truth("planted_defects"), StandardCharsets.UTF_8, ',');
    }

    @Test
    void brokenOrderLinesAreFewAndBrokenAsListed() throws IOException {
        List<CSVRecord> lines = GeneratedInbox.erpRows(inbox.erp("order_lines"));
        Set<String> articles = new HashSet<>();
        GeneratedInbox.erpRows(inbox.erp("products")).forEach(p -> articles.add(p.get("Artikel")));
        int listed = 0;
        for (CSVRecord d : defects) {
            if (!d.get("file").startsWith("erp_order_lines_")) {
                continue;
            }
            listed++;
            CSVRecord line = lines.get(Integer.parseInt(d.get("row")) - 1);
            assertThat(line.get(d.get("column"))).isEqualTo(d.get("value"));
            switch (d.get("column")) {
                case "Menge" -> assertThat(line.get("Menge")).doesNotMatch("[0-9]+(,[0-9]+)?");
                case "Debitor" -> assertThat(line.get("Debitor")).isEmpty();
                default -> assertThat(articles).doesNotContain(line.get("Artikel"));
            }
        }
        long broken = lines.stream()
                .filter(l -> l.get("Debitor").isEmpty()
                        || !articles.contains(l.get("Artikel"))
                        || !l.get("Menge").matches("[0-9]+(,[0-9]+)?"))
                .count();
        assertThat(listed).isPositive().isEqualTo((int) broken);
        assertThat((double) broken / lines.size()).isLessThan(0.005);
    }

    @Test
    void invalidCrmEmailsAreListed() throws IOException {
        List<CSVRecord> accounts = GeneratedInbox.crmRows(inbox.crm("accounts"));
        long invalid = accounts.stream()
                .filter(a -> !a.get("Email").isEmpty() && !CrmAccountWriter.plausibleEmail(a.get("Email")))
                .count();
        long listed =
                defects.stream().filter(d -> d.get("column").equals("Email")).count();
        assertThat(listed).isEqualTo(invalid);
        assertThat((double) invalid / accounts.size()).isLessThan(0.02);
    }
}
