package io.salesbi.generator;

import io.salesbi.generator.SourceRecords.CrmAccount;
import io.salesbi.generator.SourceRecords.DebtorLink;
import io.salesbi.generator.SourceRecords.ErpDebtor;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which source knows which company and how it spells it: ERP debtors (a few companies twice), CRM accounts
 * (a few twice, about 60% carrying the ERP debtor number) and, via {@link RepListPlanner}, the reps' Excel lists.
 */
final class SourcePlanner {

    static final double CRM_SHARE_OF_ERP_CUSTOMERS = 0.70;
    static final double DEBTOR_NO_IN_CRM_SHARE = 0.78;
    static final double SECOND_DEBTOR_SHARE = 0.025;
    static final double CRM_DUPLICATE_SHARE = 0.025;
    /** Share of CRM debtor numbers with a planted typo: another company's number or none at all. */
    static final double DEBTOR_NO_TYPO_SHARE = 0.005;

    static final int NAME_FIELD_LENGTH = 35;
    /** Share of debtors migrated from the legacy ERP, which stored no umlauts (Mueller, Strasse, Muenchen). */
    static final double LEGACY_SHARE = 0.08;

    private static final String[] LEGAL_FORM_STARTS = {
        " gmbh",
        " g.m.b.h",
        " ag",
        " a.g.",
        " aktiengesellschaft",
        " kg",
        " k.g.",
        " kommanditgesellschaft",
        " ohg",
        " o.h.g",
        " e.k",
        " e. k",
        " ek",
        " ug",
        " se",
        " sp.",
        " b.v",
        " bv",
        " ltd",
        " limited",
        " inc",
        " llc",
        " s.a"
    };
    static final String[] NAME2_REMARKS = {
        "Werk 2", "Einkauf", "z. Hd. Buchhaltung", "Zentrallager", "Kreditorenbuchhaltung"
    };

    private final Rng rng;
    private final SpellingVariants spelling;
    private final SalesTeam team;
    private final LocalDate exportDate;

    SourcePlanner(Rng rng, SalesTeam team, LocalDate exportDate) {
        this.rng = rng;
        this.spelling = new SpellingVariants(rng);
        this.team = team;
        this.exportDate = exportDate;
    }

    SourceRecords plan(List<Company> companies, BuyingProfile[] profiles, RepListPlanner repLists) {
        int n = companies.size();
        boolean[] inCrm = new boolean[n];
        boolean[] inRep = new boolean[n];
        for (int i = 0; i < n; i++) {
            BuyingProfile p = profiles[i];
            if (p.erpCustomer()) {
                inCrm[i] = rng.chance(CRM_SHARE_OF_ERP_CUSTOMERS);
                inRep[i] = rng.chance(p.primary() == SalesChannel.AUSSENDIENST ? 0.75 : 0.15);
            } else {
                double u = rng.nextDouble();
                inCrm[i] = u < 0.5 || u >= 0.85;
                inRep[i] = u >= 0.5;
            }
        }
        List<ErpDebtor> debtors = new ArrayList<>();
        DebtorLink[] links = debtors(companies, profiles, debtors);
        List<CrmAccount> accounts = accounts(companies, profiles, inCrm, inRep, debtors, links);
        return new SourceRecords(debtors, links, accounts, repLists.plan(companies, inRep, profiles));
    }

    private DebtorLink[] debtors(List<Company> companies, BuyingProfile[] profiles, List<ErpDebtor> debtors) {
        DebtorLink[] links = new DebtorLink[companies.size()];
        int number = 10000;
        // gaps between debtor numbers, as deleted and blocked numbers leave them; small enough to stay at 6 digits
        int maxGap = Math.max(1, Math.min(20, (int) (900_000 / (companies.size() * 1.1))));
        for (int i : shuffled(companies.size())) {
            if (profiles[i].erpCustomer()) {
                number += rng.intBetween(1, maxGap);
                links[i] = new DebtorLink(debtors.size(), -1, 0, 0);
                debtors.add(debtor(number, companies.get(i), profiles[i], false));
            }
        }
        for (int i = 0; i < companies.size(); i++) {
            if (profiles[i].erpCustomer() && rng.chance(SECOND_DEBTOR_SHARE)) {
                number += rng.intBetween(1, maxGap);
                int fromYear = rng.intBetween(GeneratorSettings.FIRST_YEAR, GeneratorSettings.LAST_YEAR);
                links[i] = new DebtorLink(links[i].primaryDebtor(), debtors.size(), rng.between(0.3, 0.6), fromYear);
                debtors.add(debtor(number, companies.get(i), profiles[i], true));
            }
        }
        return links;
    }

    private ErpDebtor debtor(int number, Company c, BuyingProfile p, boolean second) {
        boolean legacy = !second && rng.chance(LEGACY_SHARE);
        String name =
                second && rng.chance(0.5) ? Texts.foldForCp1252(spelling.crmName(c)) : spelling.erpName(c, legacy);
        String name2 = "";
        if (name.length() > NAME_FIELD_LENGTH) {
            int cut = splitPoint(name);
            name2 = name.substring(cut + 1);
            name = name.substring(0, cut);
        } else if (second || rng.chance(0.08)) {
            name2 = second && rng.chance(0.6) ? "Werk 2" : rng.pick(NAME2_REMARKS);
        }
        String street = Texts.foldForCp1252(spelling.street(c, second ? 0.6 : 0.35));
        String city = Texts.foldForCp1252(c.city().name());
        if (legacy) {
            street = Texts.foldUmlauts(street);
            city = Texts.foldUmlauts(city);
        }
        if (second && rng.chance(0.4)) {
            street = rng.pick(NameVocabulary.STREETS) + " " + rng.intBetween(1, 120);
        }
        String vat = vatInErp(c);
        String manager = p.primary() == SalesChannel.AUSSENDIENST || p.planted()
                ? shortName(team.reps().get(team.repFor(c)))
                : shortName(team.insideSalesFor(c));
        int phoneStyle = rng.chance(0.8) ? PhoneFormats.NATIONAL_SLASH : rng.nextInt(PhoneFormats.STYLE_COUNT);
        String industry = rng.chance(0.03) ? "" : c.industry().label;
        return new ErpDebtor(
                ExportCountry.pad(number, 6),
                c,
                name,
                name2,
                street,
                city,
                vat,
                manager,
                PhoneFormats.format(c, "", phoneStyle),
                industry);
    }

    private String vatInErp(Company c) {
        double keep = c.domestic() ? 0.8 : c.exportCountry() == ExportCountry.CH ? 0.6 : 0.95;
        return rng.chance(keep) ? c.vatId() : "";
    }

    private List<CrmAccount> accounts(
            List<Company> companies,
            BuyingProfile[] profiles,
            boolean[] inCrm,
            boolean[] inRep,
            List<ErpDebtor> debtors,
            DebtorLink[] links) {
        List<CrmAccount> accounts = new ArrayList<>();
        CrmAccountFactory factory = new CrmAccountFactory(rng, spelling, team, exportDate);
        int number = 100000;
        for (int i : shuffled(companies.size())) {
            if (!inCrm[i]) {
                continue;
            }
            Company c = companies.get(i);
            String debtorNo = links[i] != null && rng.chance(DEBTOR_NO_IN_CRM_SHARE)
                    ? debtors.get(links[i].primaryDebtor()).debtorNo()
                    : "";
            boolean repOwned = inRep[i] || profiles[i].primary() == SalesChannel.AUSSENDIENST || profiles[i].planted();
            number += rng.intBetween(1, 9);
            CrmAccount account = factory.account("ACC-" + number, c, debtorNo, repOwned, null);
            if (!debtorNo.isEmpty() && rng.chance(DEBTOR_NO_TYPO_SHARE)) {
                account = account.withDebtorNo(transposeDigits(debtorNo), debtorNo);
            }
            accounts.add(account);
            if (rng.chance(CRM_DUPLICATE_SHARE)) {
                String dupDebtorNo = rng.chance(0.15) ? debtorNo : "";
                accounts.add(factory.account("PENDING", c, dupDebtorNo, repOwned, account.createdDate()));
            }
        }
        return numberDuplicates(accounts, number);
    }

    /** Duplicates were created later than their originals, so they get the next free numbers. */
    private List<CrmAccount> numberDuplicates(List<CrmAccount> accounts, int lastNumber) {
        List<CrmAccount> numbered = new ArrayList<>(accounts.size());
        List<CrmAccount> duplicates = new ArrayList<>();
        for (CrmAccount a : accounts) {
            (a.duplicate() ? duplicates : numbered).add(a);
        }
        int number = lastNumber;
        for (CrmAccount d : duplicates) {
            number += rng.intBetween(1, 9);
            numbered.add(d.withId("ACC-" + number));
        }
        return numbered;
    }

    /**
     * Where a name too long for the ERP's 35-character Name 1 field is split: before the legal form if the rest
     * fits, as clerks do ("Beck Verpackungsmaschinen" / "GmbH & Co. KG"), else at the last space that fits.
     */
    static int splitPoint(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        int best = -1;
        for (String form : LEGAL_FORM_STARTS) {
            int at = lower.indexOf(form);
            int end = at + form.length();
            boolean wholeWord = at > 0 && (end == lower.length() || !Character.isLetter(lower.charAt(end)));
            if (wholeWord && at <= NAME_FIELD_LENGTH && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best > 0 ? best : name.lastIndexOf(' ', NAME_FIELD_LENGTH);
    }

    /** Swaps two neighbouring digits among the last four ("012345" -> "012354"), or changes the last digit. */
    String transposeDigits(String number) {
        char[] digits = number.toCharArray();
        int i = digits.length - 2 - rng.nextInt(3);
        if (digits[i] == digits[i + 1]) {
            digits[digits.length - 1] = (char) ('0' + (digits[digits.length - 1] - '0' + 1) % 10);
        } else {
            char t = digits[i];
            digits[i] = digits[i + 1];
            digits[i + 1] = t;
        }
        return new String(digits);
    }

    /** "T. Berger": how the ERP names the account manager. */
    static String shortName(Person person) {
        return person.firstName().charAt(0) + ". " + person.lastName();
    }

    private int[] shuffled(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
