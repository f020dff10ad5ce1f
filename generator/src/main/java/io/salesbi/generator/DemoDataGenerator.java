package io.salesbi.generator;

import io.salesbi.generator.SourceRecords.RepList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a demo inbox for a fictional German manufacturer of drive technology and automation components, in the
 * formats of docs/inbox-formats.md, plus the ground truth outside the inbox.
 *
 * <p>Deterministic: the same settings give byte-identical files. Every random draw comes from one seeded
 * {@link Rng}, split per stage in a fixed order; nothing iterates a hash-ordered collection; workbooks carry the
 * export date as their creation time.
 *
 * <p>Planted on purpose (listed in {@code truth/}): duplicates within and across sources with variant spellings,
 * customers that look alike but are different, customers large by revenue but unprofitable after the cost to serve
 * ({@code planted_unprofitable.csv}), and a small share of broken values ({@code planted_defects.csv}: order lines
 * with a non-numeric quantity, no debtor or an unknown article, about 0.06% of lines; CRM accounts with an invalid
 * e-mail, about 0.3%; rep list PLZ typed as numbers).
 */
public final class DemoDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
    /** Counts at scale 1; every count is linear in the scale. */
    static final int COMPANIES_AT_SCALE_ONE = 2600;

    static final int ORDER_LINES_AT_SCALE_ONE = 500_000;
    static final int PLANTED_AT_SCALE_ONE = 8;

    private final GeneratorSettings settings;
    private final Map<Path, Long> rowsPerFile = new LinkedHashMap<>();

    public DemoDataGenerator(GeneratorSettings settings) {
        this.settings = settings;
    }

    /** Writes outDir/inbox/&lt;source&gt;/... and outDir/truth/...; returns per-file row counts. */
    public GenerationSummary generate() throws IOException {
        long started = System.nanoTime();
        rowsPerFile.clear();
        Path inbox = settings.outDir().resolve("inbox");
        Path truth = settings.outDir().resolve("truth");
        removeEarlierOutput(inbox, truth);
        Rng master = new Rng(settings.seed());

        List<Company> companies =
                new CompanyFactory(master.split()).create(settings.scaled(COMPANIES_AT_SCALE_ONE, 10));
        BuyingProfile[] profiles =
                new ProfilePlanner(master.split()).plan(companies, settings.scaled(PLANTED_AT_SCALE_ONE, 1));
        SalesTeam team = SalesTeam.atScale(settings.scale(), master.split());
        CompanyPeople people = new CompanyPeople(settings.seed());
        SourceRecords sources = new SourcePlanner(master.split(), team, settings.exportDate())
                .plan(companies, profiles, new RepListPlanner(master.split(), team, people));
        OrderCalendar calendar = new OrderCalendar(settings.exportDate());
        Plan plan = new Plan(
                companies,
                profiles,
                sources,
                people,
                calendar,
                calendar.dayCount() - 2,
                new DefectLog(),
                new SalesLedger(companies.size(), sources.debtors.size()));

        writeErp(inbox.resolve("erp"), plan, master);
        WalletEstimator wallets = new WalletEstimator(profiles, plan.ledger());
        writeCrm(inbox.resolve("crm"), plan, wallets, master);
        writeWorkbooks(inbox, plan, wallets, master);
        Path serviceFile = inbox.resolve("service").resolve("service_drivers_" + stamp() + ".csv");
        record(
                serviceFile,
                new ServiceDriverWriter(master.split())
                        .write(serviceFile, sources.debtors, sources, profiles, plan.ledger()));
        writeSurvey(inbox.resolve("survey"), master.split());
        writeTruth(truth, plan);
        writeOpportunities(inbox.resolve("crm"), plan, wallets, master.split());
        record(
                inbox.resolve("plan").resolve(PlanWorkbook.FILE),
                new PlanWorkbook(settings.seed(), settings.exportDate()).write(inbox, truth, plan.ledger()));

        long orderLines = plan.ledger().orderLines;
        log.info(
                "Generated demo data (scale {}, seed {}): {} companies, {} customer records, {} order lines in {} ms",
                settings.scale(),
                settings.seed(),
                companies.size(),
                sources.recordCount(),
                orderLines,
                (System.nanoTime() - started) / 1_000_000);
        return new GenerationSummary(rowsPerFile, companies.size(), sources.recordCount(), orderLines);
    }

    /** What the writers share: the companies, how they buy, what the sources hold, and the sales as they add up. */
    private record Plan(
            List<Company> companies,
            BuyingProfile[] profiles,
            SourceRecords sources,
            CompanyPeople people,
            OrderCalendar calendar,
            int lastDay,
            DefectLog defects,
            SalesLedger ledger) {}

    /** Order lines first: every file derived from sales (credit notes, costs, market, drivers) needs the ledger. */
    private void writeErp(Path erp, Plan plan, Rng master) throws IOException {
        ProductCatalog catalog = new ProductCatalog(master.split());
        FxRates fx = new FxRates(master.split());
        long[] documents = new OrderPlanner(master.split(), plan.calendar())
                .plan(plan.profiles(), Math.round(ORDER_LINES_AT_SCALE_ONE * settings.scale()));
        Path orderFile = erp.resolve("erp_order_lines_" + stamp() + ".csv");
        List<CreditNote> notes = new ArrayList<>(
                new OrderLineWriter(master.split(), catalog, fx, plan.calendar(), plan.defects(), plan.lastDay())
                        .write(orderFile, documents, plan.companies(), plan.profiles(), plan.sources(), plan.ledger()));
        record(orderFile, plan.ledger().orderLines);
        notes.addAll(bonuses(plan.companies(), plan.profiles(), plan.sources(), plan.ledger()));

        ErpMasterDataWriter writer = new ErpMasterDataWriter(plan.calendar());
        Path debtorFile = erp.resolve("erp_debtors_" + stamp() + ".csv");
        record(debtorFile, writer.debtors(debtorFile, plan.sources().debtors));
        Path productFile = erp.resolve("erp_products_" + stamp() + ".csv");
        record(productFile, writer.products(productFile, catalog.all()));
        Path creditFile = erp.resolve("erp_credit_notes_" + stamp() + ".csv");
        record(creditFile, writer.creditNotes(creditFile, notes));
        Path fxFile = erp.resolve("erp_fx_rates_" + stamp() + ".csv");
        record(fxFile, writer.fxRates(fxFile, fx));
    }

    private void writeCrm(Path crm, Plan plan, WalletEstimator wallets, Rng master) throws IOException {
        SourceRecords sources = plan.sources();
        CrmAccountWriter accounts = new CrmAccountWriter(master.split(), plan.people(), plan.defects());
        Path accountFile = crm.resolve("crm_accounts_" + stamp() + ".csv");
        record(accountFile, accounts.accounts(accountFile, sources.accounts, wallets));
        Path contactFile = crm.resolve("crm_contacts_" + stamp() + ".csv");
        String[][] contactIds = accounts.contacts(contactFile, sources.accounts);
        long contactRows = 0;
        for (String[] ids : contactIds) {
            contactRows += ids.length;
        }
        record(contactFile, contactRows);
        CrmActivityWriter activities = new CrmActivityWriter(master.split(), plan.calendar(), plan.lastDay());
        Path activityFile = crm.resolve("crm_activities_" + stamp() + ".csv");
        record(activityFile, activities.activities(activityFile, sources.accounts, contactIds, plan.profiles()));
    }

    /** The pipeline last, with a stream of its own, so that it changes none of the files written before it. */
    private void writeOpportunities(Path crm, Plan plan, WalletEstimator wallets, Rng rng) throws IOException {
        OpportunityWriter writer = new OpportunityWriter(rng, plan.lastDay());
        List<OpportunityWriter.Opportunity> opportunities =
                writer.plan(plan.sources().accounts, plan.profiles(), wallets, plan.ledger());
        writer.writeSnapshots(crm, opportunities, stamp()).forEach(this::record);
        Path historyFile = crm.resolve("crm_opportunity_history_" + stamp() + ".csv");
        record(historyFile, writer.writeHistory(historyFile, opportunities));
    }

    private void writeWorkbooks(Path inbox, Plan plan, WalletEstimator wallets, Rng master) throws IOException {
        Rng repRng = master.split();
        RepListWriter repWriter = new RepListWriter(settings.exportDate(), plan.defects());
        for (RepList list : plan.sources().repLists) {
            Path file = inbox.resolve("excel").resolve(list.fileStem() + ".xlsx");
            record(file, repWriter.write(file, list, wallets, repRng));
        }
        Path marketFile = inbox.resolve("market").resolve(MarketStudyWriter.FILE);
        record(
                marketFile,
                new MarketStudyWriter(master.split(), settings.exportDate()).write(marketFile, plan.ledger()));
        Path costFile = inbox.resolve("costs").resolve(ChannelCostWriter.FILE);
        record(costFile, new ChannelCostWriter(master.split(), settings.exportDate()).write(costFile, plan.ledger()));
    }

    /** The self-assessment in two waves, the year before the export and the export's year. */
    private void writeSurvey(Path survey, Rng rng) throws IOException {
        SurveyWorkbookWriter writer = new SurveyWorkbookWriter(rng, settings.exportDate());
        int year = settings.exportDate().getYear();
        for (int wave = 0; wave < 2; wave++) {
            String label = String.valueOf(year - 1 + wave);
            Path file = survey.resolve(SurveyWorkbookWriter.fileName(label));
            record(file, writer.write(file, label, wave));
        }
    }

    private void writeTruth(Path truth, Plan plan) throws IOException {
        TruthWriter writer = new TruthWriter();
        Path truthFile = truth.resolve("customer_truth.csv");
        record(truthFile, writer.customers(truthFile, plan.sources()));
        Path companyFile = truth.resolve("companies.csv");
        record(companyFile, writer.companies(companyFile, plan.companies()));
        Path plantedFile = truth.resolve("planted_unprofitable.csv");
        record(plantedFile, writer.planted(plantedFile, plan.companies(), plan.profiles(), plan.sources()));
        Path defectFile = truth.resolve("planted_defects.csv");
        record(defectFile, plan.defects().write(defectFile));
    }

    /** The export date as file name suffix, YYYYMMDD. */
    private String stamp() {
        return settings.exportDate().format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    /** Yearly bonuses for framework customers (EDI or the largest tenth), credited on 15 December. */
    private static List<CreditNote> bonuses(
            List<Company> companies, BuyingProfile[] profiles, SourceRecords sources, SalesLedger ledger) {
        List<CreditNote> notes = new ArrayList<>();
        for (Company c : companies) {
            BuyingProfile p = profiles[c.index()];
            if (!p.erpCustomer() || !(p.primary() == SalesChannel.EDI || p.sizeQuantile() > 0.9)) {
                continue;
            }
            String debtorNo = sources.debtors
                    .get(sources.debtorLinks[c.index()].primaryDebtor())
                    .debtorNo();
            for (int y = 0; y < SalesLedger.YEARS; y++) {
                long cents = ledger.docCurrencyCentsByCompanyYear[c.index()][y];
                if (cents > 0) {
                    int day = (int) (LocalDate.of(GeneratorSettings.FIRST_YEAR + y, 12, 15)
                                    .toEpochDay()
                            - OrderCalendar.FIRST_DAY.toEpochDay());
                    notes.add(CreditNoteRaiser.bonus(day, debtorNo, cents, c.currency()));
                }
            }
        }
        return notes;
    }

    private void record(Path file, long rows) {
        rowsPerFile.put(file, rows);
        log.info("Wrote {} rows to {}", rows, file);
    }

    /** Deletes files an earlier run wrote (by their names), so that no stale rep list survives a smaller run. */
    private static void removeEarlierOutput(Path inbox, Path truth) throws IOException {
        for (Path dir : List.of(
                inbox.resolve("crm"),
                inbox.resolve("erp"),
                inbox.resolve("excel"),
                inbox.resolve("market"),
                inbox.resolve("costs"),
                inbox.resolve("service"),
                inbox.resolve("survey"),
                truth)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (name.matches("(crm_|erp_|service_drivers_).*\\.csv|Kundenliste_.*\\.xlsx|Marktstudie\\.xlsx"
                            + "|Kanalkosten\\.xlsx|Standortbestimmung_.*\\.xlsx"
                            + "|customer_truth\\.csv|companies\\.csv|planted_.*\\.csv")) {
                        Files.delete(f);
                    }
                }
            }
        }
    }
}
