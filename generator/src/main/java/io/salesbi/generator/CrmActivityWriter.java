package io.salesbi.generator;

import io.salesbi.generator.SourceRecords.CrmAccount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the CRM touchpoints (the opportunities: {@link OpportunityWriter}). Touchpoint channels follow the customer's sales channel (field sales
 * customers get visits, web shop customers shop sessions); journey phases lean to the early phases for prospects
 * and to purchase and usage for customers.
 */
final class CrmActivityWriter {

    static final String[] CHANNELS = {"Visit", "Phone", "E-Mail", "Webinar", "Trade Fair", "Web Shop"};
    static final String[] PHASES = {"Need Recognition", "Preselection", "Purchase", "Usage", "New Demand"};
    private static final String[][] TYPES = {
        {"Kundenbesuch", "Technische Beratung", "Jahresgespräch"},
        {"Anruf", "Rückruf", "Angebotsnachfass"},
        {"Angebot", "Anfrage", "Newsletter-Klick"},
        {"Webinar-Teilnahme"},
        {"Messegespräch"},
        {"Shop-Login", "Warenkorb abgebrochen", "Shop-Bestellung"}
    };
    private static final int TRADE_FAIR = 4;
    private static final double[] PROSPECT_PHASES = {35, 40, 15, 5, 5};
    private static final double[] CUSTOMER_PHASES = {10, 10, 30, 35, 15};

    private final Rng rng;
    private final OrderCalendar calendar;
    private final int lastDay;

    CrmActivityWriter(Rng rng, OrderCalendar calendar, int lastDay) {
        this.rng = rng;
        this.calendar = calendar;
        this.lastDay = lastDay;
    }

    long activities(Path file, List<CrmAccount> accounts, String[][] contactIds, BuyingProfile[] profiles)
            throws IOException {
        int number = 1000000;
        try (CsvFile csv = CsvFile.crm(
                file,
                "Activity ID",
                "Account ID",
                "Contact ID",
                "Activity Date",
                "Channel",
                "Journey Phase",
                "Activity Type")) {
            for (int k = 0; k < accounts.size(); k++) {
                CrmAccount a = accounts.get(k);
                BuyingProfile p = profiles[a.company().index()];
                double[] channelWeights = channelWeights(p);
                double[] phaseWeights = p.erpCustomer() ? CUSTOMER_PHASES : PROSPECT_PHASES;
                int count = a.duplicate()
                        ? rng.intBetween(0, 2)
                        : p.erpCustomer()
                                ? rng.stochasticRound(3 + 22 * p.sizeQuantile() * (p.planted() ? 6 : 1))
                                : rng.intBetween(1, 8);
                for (int i = 0; i < count; i++) {
                    int channel = rng.weighted(channelWeights);
                    number += rng.intBetween(1, 3);
                    String contact = contactIds[k].length == 0 || rng.chance(0.1) ? "" : rng.pick(contactIds[k]);
                    csv.field("ACT-" + number).field(a.accountId()).field(contact);
                    boolean fair = channel == TRADE_FAIR;
                    int day = fair ? tradeFairDay() : rng.nextInt(lastDay + 1);
                    csv.raw().append(calendar.iso(day));
                    csv.field(CHANNELS[channel]).field(PHASES[rng.weighted(phaseWeights)]);
                    csv.field(fair ? tradeFairType(day) : rng.pick(TYPES[channel]));
                    csv.endRow();
                }
            }
            return csv.rows();
        }
    }

    /** A working day in April (Hannover Messe) or November (SPS in Nuremberg) of an order year. */
    private int tradeFairDay() {
        int year = rng.nextInt(SalesLedger.YEARS);
        return calendar.workday(year * 12 + (rng.chance(0.5) ? 3 : 10), rng);
    }

    private String tradeFairType(int day) {
        return calendar.monthOf(day) % 12 == 3 ? "Messegespräch Hannover Messe" : "Messegespräch SPS Nürnberg";
    }

    private static double[] channelWeights(BuyingProfile p) {
        return switch (p.primary()) {
            case AUSSENDIENST -> new double[] {30, 30, 25, 5, 5, 5};
            case INNENDIENST -> new double[] {2, 40, 35, 8, 5, 10};
            case E_SHOP, MARKTPLATZ -> new double[] {0, 15, 30, 10, 5, 40};
            case EDI -> new double[] {20, 25, 40, 5, 5, 5};
            case HANDELSPARTNER -> new double[] {5, 30, 40, 10, 15, 0};
        };
    }
}
