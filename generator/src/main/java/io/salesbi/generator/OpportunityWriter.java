package io.salesbi.generator;

import io.salesbi.generator.SourceRecords.CrmAccount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The CRM's sales pipeline: opportunities with their life from creation to won or lost, as two exports.
 *
 * <p>Every opportunity is created in stage Qualification and moves on every few days: one stage forward, now and
 * then one stage back, an amount change, a slipping expected close date; it is lost on the way (with a reason) or
 * won after Negotiation; a few lost deals are reopened in stage Proposal. The owning channel is the customer's
 * primary sales channel; the lead source follows the channel. Won deals of ERP customers name an order document of
 * the customer from the month of the close or the next one, where one exists.
 *
 * <p>Planted: marketplace leads ({@link SalesChannel#MARKTPLATZ}) are won three times in four, but at an offer margin
 * (8-14 %) below the marketplace's cost of about 21 % of revenue: a negative contribution after cost to serve.
 *
 * <p>Exports: the nightly snapshot {@code crm_opportunities_YYYYMMDD.csv}, bundled per month (file named by its last
 * night): each night the opportunities changed that night (a delta snapshot, as a CRM export of rows modified since
 * the last export), and on the export date every opportunity. The stage history
 * {@code crm_opportunity_history_YYYYMMDD.csv} has one row per version (creation and every change).
 */
final class OpportunityWriter {

    static final String[] STAGES = {
        "Qualification", "Needs Analysis", "Proposal", "Negotiation", "Closed Won", "Closed Lost"
    };
    static final String[] LOST_REASONS = {"Price", "Competitor", "No Budget", "Project Postponed", "No Decision"};
    static final String SNAPSHOT_HEADER = "Opportunity ID,Account ID,Product Category,Stage,Amount EUR,"
            + "Expected Close Date,Snapshot Date,Created Date,Closed Date,Lead Source,Channel,Opportunity Owner,"
            + "Lost Reason,Margin %,ERP Order No";
    private static final int WON = 4;
    private static final int LOST = 5;
    private static final int NEGOTIATION = 3;
    private static final int PROPOSAL = 2;

    private final Rng rng;
    private final int lastDay;

    /** One state of an opportunity, from {@code day} on; amount in whole EUR. */
    record Version(int day, int stage, long amount, int closeDay) {
        boolean closed() {
            return stage >= WON;
        }
    }

    record Opportunity(
            String id,
            CrmAccount account,
            String category,
            String leadSource,
            SalesChannel channel,
            int created,
            List<Version> versions,
            String lostReason,
            double marginPct,
            String erpOrderNo) {

        Version at(int day) {
            Version state = null;
            for (Version v : versions) {
                if (v.day() <= day) {
                    state = v;
                }
            }
            return state;
        }
    }

    OpportunityWriter(Rng rng, int lastDay) {
        this.rng = rng;
        this.lastDay = lastDay;
    }

    /** Plans the opportunities of the accounts (none for duplicate accounts), in account order. */
    List<Opportunity> plan(
            List<CrmAccount> accounts, BuyingProfile[] profiles, WalletEstimator wallets, SalesLedger ledger) {
        List<Opportunity> all = new ArrayList<>();
        int number = 2000000;
        for (CrmAccount a : accounts) {
            BuyingProfile p = profiles[a.company().index()];
            int count = a.duplicate() ? 0 : rng.intBetween(0, p.erpCustomer() ? 4 : 2);
            for (int i = 0; i < count; i++) {
                number += rng.intBetween(1, 4);
                all.add(opportunity("OPP-" + number, a, p, wallets, ledger));
            }
        }
        return all;
    }

    private Opportunity opportunity(
            String id, CrmAccount a, BuyingProfile p, WalletEstimator wallets, SalesLedger ledger) {
        SalesChannel channel = p.primary();
        boolean planted = channel == SalesChannel.MARKTPLATZ;
        String category = ProductCategory.values()[rng.weighted(a.company().industry().categoryWeights)].label;
        String leadSource = leadSource(channel);
        long amount = Math.max(
                500, Math.round(wallets.walletEur(a.company().index(), rng) * rng.between(0.02, 0.3) / 100) * 100);
        double margin = Math.round((planted ? rng.between(8, 14) : rng.between(26, 40)) * 10) / 10.0;
        double earlyLoss = planted ? 0.04 : 0.12;
        double winAfterNegotiation = planted ? 0.85 : 0.6;
        int created = rng.nextInt(lastDay - 10);
        int close = created + rng.intBetween(30, 150);
        List<Version> versions = new ArrayList<>();
        versions.add(new Version(created, 0, amount, close));
        String lostReason = "";
        boolean reopened = false;
        int day = created;
        int stage = 0;
        while (true) {
            day += stage >= WON ? rng.intBetween(10, 60) : rng.intBetween(2, planted ? 15 : 35);
            if (day > lastDay) {
                break;
            }
            if (stage >= WON) {
                if (stage == LOST && !reopened && rng.chance(0.08)) {
                    reopened = true;
                    stage = PROPOSAL;
                    lostReason = "";
                } else {
                    break;
                }
            } else if (stage >= PROPOSAL && rng.chance(0.08)) {
                stage--;
            } else if (rng.chance(0.1)) {
                long changed = Math.max(500, Math.round(amount * rng.between(0.7, 1.3) / 100) * 100);
                amount = changed == amount ? amount + 100 : changed;
            } else if (stage == NEGOTIATION) {
                stage = rng.chance(winAfterNegotiation) ? WON : LOST;
            } else {
                stage = rng.chance(earlyLoss) ? LOST : stage + 1;
            }
            if (stage == LOST) {
                lostReason = rng.pick(LOST_REASONS);
            }
            if (stage < WON && close < day + 5) {
                close = day + rng.intBetween(14, 60);
            }
            versions.add(new Version(day, stage, amount, stage >= WON ? day : close));
        }
        Version last = versions.get(versions.size() - 1);
        String order = "";
        if (last.stage() == WON && p.erpCustomer() && rng.chance(0.8)) {
            int month = OrderCalendar.date(last.day()).getMonthValue()
                    - 1
                    + 12 * (OrderCalendar.date(last.day()).getYear() - GeneratorSettings.FIRST_YEAR);
            order = ledger.documentOf(a.company().index(), month);
        }
        return new Opportunity(
                id, a, category, leadSource, channel, created, List.copyOf(versions), lostReason, margin, order);
    }

    private String leadSource(SalesChannel channel) {
        return switch (channel) {
            case AUSSENDIENST -> rng.pick(new String[] {"Trade Fair", "Referral", "Existing Customer", "Cold Call"});
            case INNENDIENST -> rng.pick(new String[] {"Phone Inquiry", "Website", "Existing Customer"});
            case E_SHOP -> rng.pick(new String[] {"Website", "Newsletter"});
            case EDI -> rng.pick(new String[] {"Existing Customer", "Tender"});
            case HANDELSPARTNER -> "Partner";
            case MARKTPLATZ -> "Marketplace Inquiry";
        };
    }

    /**
     * Writes the monthly snapshot files into {@code folder}, the last one named {@code finalStamp}; returns the rows
     * per file, in file order.
     */
    Map<Path, Long> writeSnapshots(Path folder, List<Opportunity> opportunities, String finalStamp) throws IOException {
        TreeSet<Integer> nights = new TreeSet<>();
        for (Opportunity o : opportunities) {
            for (Version v : o.versions()) {
                nights.add(v.day());
            }
        }
        nights.add(lastDay);
        Map<Integer, List<Integer>> nightsByMonth = new LinkedHashMap<>();
        for (int night : nights) {
            LocalDate d = OrderCalendar.date(night);
            nightsByMonth
                    .computeIfAbsent(d.getYear() * 12 + d.getMonthValue(), m -> new ArrayList<>())
                    .add(night);
        }
        Map<Path, Long> rows = new LinkedHashMap<>();
        for (List<Integer> monthNights : nightsByMonth.values()) {
            int lastNight = monthNights.get(monthNights.size() - 1);
            String stamp = lastNight == lastDay
                    ? finalStamp
                    : OrderCalendar.date(lastNight).format(DateTimeFormatter.BASIC_ISO_DATE);
            Path file = folder.resolve("crm_opportunities_" + stamp + ".csv");
            try (CsvFile csv = CsvFile.crm(file, SNAPSHOT_HEADER.split(","))) {
                for (int night : monthNights) {
                    for (Opportunity o : opportunities) {
                        Version state = o.at(night);
                        if (state != null && (night == lastDay || state.day() == night)) {
                            snapshotRow(csv, o, state, night);
                        }
                    }
                }
                rows.put(file, csv.rows());
            }
        }
        return rows;
    }

    private void snapshotRow(CsvFile csv, Opportunity o, Version state, int night) throws IOException {
        csv.field(o.id()).field(o.account().accountId()).field(o.category()).field(STAGES[state.stage()]);
        csv.raw().append(state.amount()).append(".00");
        csv.raw().append(Numbers.iso(OrderCalendar.date(state.closeDay())));
        csv.raw().append(Numbers.iso(OrderCalendar.date(night)));
        csv.raw().append(Numbers.iso(OrderCalendar.date(o.created())));
        csv.raw().append(state.closed() ? Numbers.iso(OrderCalendar.date(state.day())) : "");
        csv.field(o.leadSource())
                .field(o.channel().erpName)
                .field(o.account().owner() == null ? "" : o.account().owner());
        csv.field(state.stage() == LOST ? o.lostReason() : "");
        csv.raw().append(o.marginPct());
        csv.field(state.stage() == WON ? o.erpOrderNo() : "");
        csv.endRow();
    }

    /** Writes the stage history: one row per version up to the export date. */
    long writeHistory(Path file, List<Opportunity> opportunities) throws IOException {
        try (CsvFile csv =
                CsvFile.crm(file, "Opportunity ID", "Changed Date", "Stage", "Amount EUR", "Expected Close Date")) {
            for (Opportunity o : opportunities) {
                for (Version v : o.versions()) {
                    csv.field(o.id());
                    csv.raw().append(Numbers.iso(OrderCalendar.date(v.day())));
                    csv.field(STAGES[v.stage()]);
                    csv.raw().append(v.amount()).append(".00");
                    csv.raw().append(Numbers.iso(OrderCalendar.date(v.closeDay())));
                    csv.endRow();
                }
            }
            return csv.rows();
        }
    }
}
