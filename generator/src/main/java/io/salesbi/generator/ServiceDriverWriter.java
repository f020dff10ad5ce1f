package io.salesbi.generator;

import io.salesbi.generator.SourceRecords.ErpDebtor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the service desk's cost-to-serve drivers per debtor and year with orders: visits (mostly field sales
 * customers, more for larger ones), support tickets (with the number of order lines) and special deliveries.
 * Planted customers get so many that their cost to serve, at the rates below, exceeds their margin.
 */
final class ServiceDriverWriter {

    static final double VISIT_EUR = 450;
    static final double TICKET_EUR = 60;
    static final double SPECIAL_DELIVERY_EUR = 250;

    private final Rng rng;

    ServiceDriverWriter(Rng rng) {
        this.rng = rng;
    }

    long write(Path file, List<ErpDebtor> debtors, SourceRecords sources, BuyingProfile[] profiles, SalesLedger ledger)
            throws IOException {
        try (CsvFile csv = CsvFile.utf8(file, "Debitor", "Year", "Visits", "Support Tickets", "Special Deliveries")) {
            for (int d = 0; d < debtors.size(); d++) {
                Company company = debtors.get(d).company();
                BuyingProfile p = profiles[company.index()];
                boolean primaryDebtor = sources.debtorLinks[company.index()].primaryDebtor() == d;
                for (int y = 0; y < SalesLedger.YEARS; y++) {
                    int lines = ledger.linesByDebtorYear[d][y];
                    if (lines == 0) {
                        continue;
                    }
                    int[] drivers = p.planted() && primaryDebtor
                            ? planted(ledger.marginByCompanyYear[company.index()][y])
                            : normal(p, GeneratorSettings.FIRST_YEAR + y, lines);
                    csv.field(debtors.get(d).debtorNo());
                    csv.raw().append(GeneratorSettings.FIRST_YEAR + y);
                    csv.raw().append(drivers[0]);
                    csv.raw().append(drivers[1]);
                    csv.raw().append(drivers[2]);
                    csv.endRow();
                }
            }
            return csv.rows();
        }
    }

    private int[] normal(BuyingProfile p, int year, int lines) {
        SalesChannel channel = p.primaryIn(year);
        int visits = switch (channel) {
            case AUSSENDIENST -> (int) Math.round(rng.between(1, 4) + 10 * p.sizeQuantile());
            case EDI -> rng.intBetween(1, 4);
            case INNENDIENST -> rng.intBetween(0, 2);
            default -> rng.chance(0.1) ? 1 : 0;
        };
        int tickets = (int) Math.round(lines / 30.0 * rng.between(0.3, 1.5)) + (rng.chance(0.3) ? 1 : 0);
        int special = rng.chance(0.15) ? rng.intBetween(1, 5) : 0;
        return new int[] {visits, tickets, special};
    }

    /** Many visits, tickets and special deliveries: at least 1.2 times the year's margin plus 10,000 EUR. */
    private int[] planted(double marginEur) {
        double visits = rng.between(40, 70);
        double tickets = rng.between(150, 300);
        double special = rng.between(40, 90);
        double cost = visits * VISIT_EUR + tickets * TICKET_EUR + special * SPECIAL_DELIVERY_EUR;
        double needed = Math.max(0, marginEur) * 1.2 + 10000;
        double factor = Math.max(1, needed / cost);
        return new int[] {
            (int) Math.ceil(visits * factor), (int) Math.ceil(tickets * factor), (int) Math.ceil(special * factor)
        };
    }

    static double costToServe(int visits, int tickets, int specialDeliveries) {
        return visits * VISIT_EUR + tickets * TICKET_EUR + specialDeliveries * SPECIAL_DELIVERY_EUR;
    }
}
