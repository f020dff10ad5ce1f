package io.salesbi.generator;

import io.salesbi.generator.SourceRecords.ErpDebtor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Writes the ERP's master data and bookkeeping files besides the order lines: debtors, articles, fx, credit notes. */
final class ErpMasterDataWriter {

    private final OrderCalendar calendar;

    ErpMasterDataWriter(OrderCalendar calendar) {
        this.calendar = calendar;
    }

    long debtors(Path file, List<ErpDebtor> debtors) throws IOException {
        try (CsvFile csv = CsvFile.erp(
                file,
                "Debitor",
                "Name 1",
                "Name 2",
                "Strasse",
                "PLZ",
                "Ort",
                "Land",
                "USt-IdNr",
                "Waehrung",
                "Branche",
                "Region",
                "Betreuer",
                "Telefon")) {
            for (ErpDebtor d : debtors) {
                Company c = d.company();
                csv.field(d.debtorNo())
                        .field(d.name1())
                        .field(d.name2())
                        .field(d.street())
                        .field(c.postcode())
                        .field(d.city())
                        .field(c.country())
                        .field(d.vatId())
                        .field(c.currency())
                        .field(d.industry())
                        .field(c.region())
                        .field(d.manager())
                        .field(d.phone());
                csv.endRow();
            }
            return csv.rows();
        }
    }

    long products(Path file, List<Product> products) throws IOException {
        try (CsvFile csv = CsvFile.erp(
                file, "Artikel", "Bezeichnung", "Warengruppe", "Listenpreis", "Standardkosten", "Einheit")) {
            for (Product p : products) {
                csv.field(p.productNo()).field(p.name()).field(p.category().label);
                Numbers.appendFixed(csv.raw(), p.listCents(), 2, ',');
                Numbers.appendFixed(csv.raw(), p.costCents(), 2, ',');
                csv.field(p.unit());
                csv.endRow();
            }
            return csv.rows();
        }
    }

    /** One row per currency and month; EUR is listed with rate 1 so that every document currency joins. */
    long fxRates(Path file, FxRates fx) throws IOException {
        try (CsvFile csv = CsvFile.erp(file, "Waehrung", "Monat", "Kurs")) {
            List<String> currencies = new ArrayList<>(List.of(FxRates.CURRENCIES));
            currencies.add("EUR");
            for (String currency : currencies) {
                for (int m = 0; m < FxRates.MONTHS; m++) {
                    csv.field(currency);
                    csv.raw().append(Numbers.german(OrderCalendar.FIRST_DAY.plusMonths(m)));
                    Numbers.appendFixed(csv.raw(), fx.rate(currency, m), 4, ',');
                    csv.endRow();
                }
            }
            return csv.rows();
        }
    }

    /** Sorts the notes by day (stable) and numbers them per year: GS + yy + six digits. */
    long creditNotes(Path file, List<CreditNote> notes) throws IOException {
        List<CreditNote> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingInt(CreditNote::dayOffset));
        int[] counters = new int[100];
        try (CsvFile csv = CsvFile.erp(
                file, "Gutschrift", "Datum", "Debitor", "Beleg", "Artikel", "Betrag", "Waehrung", "Grund")) {
            for (CreditNote n : sorted) {
                int yy = OrderCalendar.date(n.dayOffset()).getYear() % 100;
                csv.field("GS" + yy + ExportCountry.pad(++counters[yy], 6));
                csv.raw().append(calendar.german(n.dayOffset()));
                csv.field(n.debtorNo()).field(n.documentNo()).field(n.productNo());
                Numbers.appendFixed(csv.raw(), n.amountCents(), 2, ',');
                csv.field(n.currency()).field(n.reason());
                csv.endRow();
            }
            return csv.rows();
        }
    }
}
