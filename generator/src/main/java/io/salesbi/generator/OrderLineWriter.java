package io.salesbi.generator;

import io.salesbi.generator.SourceRecords.DebtorLink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the ERP order lines, the hot loop of the generator: per document a channel, per line an article, quantity,
 * list price in the document currency and the discount of the channel and customer. Adds every line to the
 * {@link SalesLedger} and raises credit notes for a share of lines. Plants a handful of broken lines
 * ({@link #DEFECT_RATE} each: a quantity that is no number, a missing debtor, an unknown article).
 */
final class OrderLineWriter {

    static final String[] HEADER = {
        "Beleg",
        "Position",
        "Belegdatum",
        "Debitor",
        "Artikel",
        "Menge",
        "Listenpreis",
        "Nettopreis",
        "Rabatt %",
        "Waehrung",
        "Vertriebskanal"
    };
    static final double DEFECT_RATE = 0.0002;
    static final double CREDIT_NOTE_RATE = 0.02;
    static final String UNKNOWN_PRODUCT = "999999";
    /** List prices rise every January; the catalogue file holds the prices of the last order year. */
    static final long[] PRICE_LEVEL_PERMILLE = {950, 975, 1000};

    private static final String[] DEFECT_COLUMNS = {"Menge", "Debitor", "Artikel"};

    private final Rng rng;
    private final ProductCatalog catalog;
    private final FxRates fx;
    private final OrderCalendar calendar;
    private final DefectLog defects;
    private final CreditNoteRaiser credits;

    OrderLineWriter(
            Rng rng, ProductCatalog catalog, FxRates fx, OrderCalendar calendar, DefectLog defects, int lastCreditDay) {
        this.rng = rng;
        this.catalog = catalog;
        this.fx = fx;
        this.calendar = calendar;
        this.defects = defects;
        this.credits = new CreditNoteRaiser(rng, lastCreditDay);
    }

    /** Writes the file and returns the credit notes raised against its lines (not yet numbered). */
    List<CreditNote> write(
            Path file,
            long[] documents,
            List<Company> companies,
            BuyingProfile[] profiles,
            SourceRecords sources,
            SalesLedger ledger)
            throws IOException {
        long[] counters = new long[SalesLedger.YEARS];
        String fileName = file.getFileName().toString();
        List<CreditNote> notes = new ArrayList<>();
        try (CsvFile csv = CsvFile.erp(file, HEADER)) {
            for (long key : documents) {
                int day = OrderPlanner.day(key);
                int ci = OrderPlanner.company(key);
                int month = calendar.monthOf(day);
                int year = month / 12;
                Company company = companies.get(ci);
                BuyingProfile profile = profiles[ci];
                DebtorLink link = sources.debtorLinks[ci];
                boolean second = link.secondDebtor() >= 0
                        && GeneratorSettings.FIRST_YEAR + year >= link.secondFromYear()
                        && rng.chance(link.secondShare());
                int debtor = second ? link.secondDebtor() : link.primaryDebtor();
                String debtorNo = sources.debtors.get(debtor).debtorNo();
                SalesChannel channel = channel(profile, GeneratorSettings.FIRST_YEAR + year);
                long documentNumber = (23L + year) * 10_000_000L + ++counters[year];
                String documentNo = Long.toString(documentNumber);
                if (ledger.firstDocumentByCompanyMonth[ci][month] == 0) {
                    ledger.firstDocumentByCompanyMonth[ci][month] = documentNumber;
                }
                long rate = fx.rate(company.currency(), month);
                int lines = rng.onePlusGeometric(channel.extraLinesPerDocument, OrderPlanner.MAX_LINES_PER_DOCUMENT);
                for (int pos = 1; pos <= lines; pos++) {
                    Product product = product(company.industry(), channel);
                    long milli = quantity(product, profile, channel);
                    long listCents = (product.listCents() * PRICE_LEVEL_PERMILLE[year] * rate + 5_000_000) / 10_000_000;
                    int discountBp = discountBasisPoints(profile, channel, year);
                    long netCents = (listCents * (10000 - discountBp) + 5000) / 10000;
                    String defect = rng.chance(3 * DEFECT_RATE) ? rng.pick(DEFECT_COLUMNS) : null;
                    csv.field(documentNo);
                    csv.raw().append(pos * 10);
                    csv.raw().append(calendar.german(day));
                    csv.raw().append("Debitor".equals(defect) ? "" : debtorNo);
                    csv.raw().append("Artikel".equals(defect) ? UNKNOWN_PRODUCT : product.productNo());
                    if ("Menge".equals(defect)) {
                        csv.raw().append(milli / 1000).append(" Stk");
                    } else {
                        Numbers.appendQuantity(csv.raw(), milli, ',');
                    }
                    Numbers.appendFixed(csv.raw(), listCents, 2, ',');
                    Numbers.appendFixed(csv.raw(), netCents, 2, ',');
                    Numbers.appendFixed(csv.raw(), discountBp, 2, ',');
                    csv.raw().append(company.currency());
                    csv.raw().append(channel.erpName);
                    csv.endRow();
                    if (defect != null) {
                        logDefect(fileName, csv.rows(), defect, milli);
                        continue;
                    }
                    long valueCents = netCents * milli / 1000;
                    double revenueEur = valueCents / 100.0 * 10000 / rate;
                    ledger.revenueByCompanyYear[ci][year] += revenueEur;
                    ledger.marginByCompanyYear[ci][year] += revenueEur - product.costCents() / 100.0 * milli / 1000;
                    ledger.docCurrencyCentsByCompanyYear[ci][year] += valueCents;
                    ledger.linesByDebtorYear[debtor][year]++;
                    ledger.revenueByChannelMonth[channel.ordinal()][month] += revenueEur;
                    ledger.revenueBySegment[company.industry().ordinal()][SalesLedger.regionIndex(company.region())][
                            year] += revenueEur;
                    ledger.revenueByChannelRegionMonth[channel.ordinal()][SalesLedger.regionIndex(company.region())][
                            month] += revenueEur;
                    ledger.marginByChannelRegionMonth[channel.ordinal()][SalesLedger.regionIndex(company.region())][
                                    month] +=
                            revenueEur - product.costCents() / 100.0 * milli / 1000;
                    if (rng.chance(CREDIT_NOTE_RATE)) {
                        notes.add(credits.forLine(
                                day, debtorNo, documentNo, product.productNo(), valueCents, company.currency()));
                    }
                }
            }
            ledger.orderLines = csv.rows();
        }
        return notes;
    }

    private void logDefect(String fileName, long row, String column, long milli) {
        switch (column) {
            case "Menge" -> defects.add(fileName, row, column, milli / 1000 + " Stk", "quantity is not a number");
            case "Debitor" -> defects.add(fileName, row, column, "", "debtor missing");
            default -> defects.add(fileName, row, column, UNKNOWN_PRODUCT, "unknown article");
        }
    }

    private SalesChannel channel(BuyingProfile profile, int year) {
        return rng.chance(OrderPlanner.PRIMARY_CHANNEL_SHARE) ? profile.primaryIn(year) : profile.secondary();
    }

    private Product product(Industry industry, SalesChannel channel) {
        ProductCategory category;
        do {
            category = ProductCategory.values()[rng.weighted(industry.categoryWeights)];
        } while (category == ProductCategory.SERVICE
                && (channel == SalesChannel.E_SHOP || channel == SalesChannel.MARKTPLATZ));
        return catalog.pick(category, rng);
    }

    private long quantity(Product product, BuyingProfile profile, SalesChannel channel) {
        if (product.name().endsWith("Pauschale")) {
            return 1000;
        }
        ProductCategory c = product.category();
        double size = 0.7
                + 0.8
                        * profile.sizeQuantile()
                        * (channel == SalesChannel.EDI ? 1.5 : channel == SalesChannel.E_SHOP ? 0.6 : 1.0);
        double units = rng.logUniform(c.quantityLo, c.quantityHi + 1) * size;
        if ("m".equals(product.unit())) {
            return Math.max(5, Math.round(units / 5) * 5) * 1000;
        }
        long steps = Math.max(1000 / product.quantityStep(), Math.round(units * 1000 / product.quantityStep()));
        return steps * product.quantityStep();
    }

    private int discountBasisPoints(BuyingProfile profile, SalesChannel channel, int yearIndex) {
        double d;
        if (profile.planted()
                || (channel == profile.primaryIn(GeneratorSettings.FIRST_YEAR + yearIndex)
                        && channel != SalesChannel.E_SHOP)) {
            d = profile.discount() + 0.01 * rng.gaussian();
        } else {
            d = rng.between(channel.discountLo, channel.discountHi);
        }
        d += channel.erosionPerYear * yearIndex;
        d = Math.max(0, Math.min(0.6, d));
        return (int) Math.round(d * 200) * 50;
    }
}
