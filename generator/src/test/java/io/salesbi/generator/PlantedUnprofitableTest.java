package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The planted customers are among the top tenth by revenue (recomputed from the order lines and fx rates as the
 * pipeline would), yet their cost to serve (visit 450, ticket 60, special delivery 250 EUR) exceeds their margin.
 */
class PlantedUnprofitableTest {

    static GeneratedInbox inbox;
    static final Map<String, Double> revenue = new HashMap<>();
    static final Map<String, Double> margin = new HashMap<>();

    @BeforeAll
    static void generateAndAddUp() throws IOException {
        inbox = GeneratedInbox.shared(0.02, 3L);
        Map<String, Double> rates = new HashMap<>();
        for (CSVRecord r : GeneratedInbox.erpRows(inbox.erp("fx_rates"))) {
            rates.put(r.get("Waehrung") + r.get("Monat").substring(3), GeneratedInbox.german(r.get("Kurs")));
        }
        Map<String, Double> cost = new HashMap<>();
        for (CSVRecord r : GeneratedInbox.erpRows(inbox.erp("products"))) {
            cost.put(r.get("Artikel"), GeneratedInbox.german(r.get("Standardkosten")));
        }
        for (CSVRecord r : GeneratedInbox.erpRows(inbox.erp("order_lines"))) {
            if (!r.get("Menge").matches("[0-9,]+")
                    || r.get("Debitor").isEmpty()
                    || !cost.containsKey(r.get("Artikel"))) {
                continue;
            }
            double quantity = GeneratedInbox.german(r.get("Menge"));
            double rate = rates.get(r.get("Waehrung") + r.get("Belegdatum").substring(3));
            double eur = GeneratedInbox.german(r.get("Nettopreis")) * quantity / rate;
            revenue.merge(r.get("Debitor"), eur, Double::sum);
            margin.merge(r.get("Debitor"), eur - cost.get(r.get("Artikel")) * quantity, Double::sum);
        }
    }

    @Test
    void plantedCustomersRankInTheTopTenthByRevenue() throws IOException {
        List<String> ranking = new ArrayList<>(revenue.keySet());
        ranking.sort((a, b) -> Double.compare(revenue.get(b), revenue.get(a)));
        List<String> topTenth = ranking.subList(0, (int) Math.ceil(ranking.size() / 10.0));

        List<CSVRecord> planted = GeneratedInbox.rows(inbox.truth("planted_unprofitable"), StandardCharsets.UTF_8, ',');
        assertThat(planted).isNotEmpty();
        for (CSVRecord p : planted) {
            assertThat(topTenth).contains(p.get("debtor_no"));
        }
    }

    @Test
    void plantedCustomersCostMoreToServeThanTheyEarn() throws IOException {
        Map<String, double[]> drivers = new HashMap<>();
        for (CSVRecord r : GeneratedInbox.rows(inbox.service(), StandardCharsets.UTF_8, ',')) {
            double[] sum = drivers.computeIfAbsent(r.get("Debitor"), k -> new double[4]);
            sum[0] += Integer.parseInt(r.get("Visits"));
            sum[1] += Integer.parseInt(r.get("Support Tickets"));
            sum[2] += Integer.parseInt(r.get("Special Deliveries"));
            sum[3]++;
        }
        for (CSVRecord p : GeneratedInbox.rows(inbox.truth("planted_unprofitable"), StandardCharsets.UTF_8, ',')) {
            double[] d = drivers.get(p.get("debtor_no"));
            double years = d[3];
            assertThat(d[0] / years).as("visits per year").isGreaterThanOrEqualTo(40);
            assertThat(d[1] / years).as("tickets per year").isGreaterThanOrEqualTo(150);
            assertThat(d[2] / years).as("special deliveries per year").isGreaterThanOrEqualTo(40);
            double costToServe = d[0] * 450 + d[1] * 60 + d[2] * 250;
            assertThat(margin.get(p.get("debtor_no"))).isPositive().isLessThan(costToServe);
        }
    }
}
