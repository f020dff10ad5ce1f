package io.salesbi.generator;

import io.salesbi.generator.SourceRecords.CrmAccount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the CRM accounts and their contacts (the buying center), with wallet estimates derived from sales. */
final class CrmAccountWriter {

    /** About one contact in this many opted out (consent, docs/privacy.md). */
    static final int OPTED_OUT_EVERY = 25;

    private final Rng rng;
    private final CompanyPeople people;
    private final DefectLog defects;

    CrmAccountWriter(Rng rng, CompanyPeople people, DefectLog defects) {
        this.rng = rng;
        this.people = people;
        this.defects = defects;
    }

    long accounts(Path file, List<CrmAccount> accounts, WalletEstimator wallets) throws IOException {
        String fileName = file.getFileName().toString();
        try (CsvFile csv = CsvFile.crm(
                file,
                "Account ID",
                "Account Name",
                "Street",
                "Postal Code",
                "City",
                "Country",
                "Phone",
                "Email",
                "Website",
                "VAT ID",
                "ERP Debtor No",
                "Industry",
                "Sales Region",
                "Account Owner",
                "Wallet Estimate EUR",
                "Created Date")) {
            for (CrmAccount a : accounts) {
                Company c = a.company();
                csv.field(a.accountId())
                        .field(a.name())
                        .field(a.street())
                        .field(a.postcode())
                        .field(a.city())
                        .field(c.country())
                        .field(a.phone())
                        .field(a.email())
                        .field(a.website())
                        .field(a.vatId())
                        .field(a.erpDebtorNo())
                        .field(a.industry())
                        .field(c.region())
                        .field(a.owner());
                long wallet = rng.chance(0.2) ? -1 : wallets.walletEur(c.index(), rng);
                csv.field(wallet < 0 ? "" : wallet + ".00");
                csv.raw().append(Numbers.iso(a.createdDate()));
                csv.endRow();
                if (!a.typoOfDebtorNo().isEmpty()) {
                    defects.add(
                            fileName,
                            csv.rows(),
                            "ERP Debtor No",
                            a.erpDebtorNo(),
                            "debtor number mistyped, meant " + a.typoOfDebtorNo());
                }
                if (!a.email().isEmpty() && !plausibleEmail(a.email())) {
                    defects.add(fileName, csv.rows(), "Email", a.email(), "invalid e-mail address");
                }
            }
            return csv.rows();
        }
    }

    /** Writes the contacts and returns their ids per account (in the order of {@code accounts}). */
    String[][] contacts(Path file, List<CrmAccount> accounts) throws IOException {
        String[][] ids = new String[accounts.size()][];
        int number = 500000;
        try (CsvFile csv = CsvFile.crm(
                file,
                "Contact ID",
                "Account ID",
                "First Name",
                "Last Name",
                "Buying Center Role",
                "Email",
                "Phone",
                "Opted Out")) {
            for (int k = 0; k < accounts.size(); k++) {
                CrmAccount a = accounts.get(k);
                Company c = a.company();
                List<Person> persons = people.of(c);
                int count = a.duplicate() ? rng.intBetween(0, 1) : persons.size() - (rng.chance(0.3) ? 1 : 0);
                ids[k] = new String[count];
                for (int i = 0; i < count; i++) {
                    Person p = persons.get(i);
                    number += rng.intBetween(1, 5);
                    ids[k][i] = "CON-" + number;
                    csv.field(ids[k][i])
                            .field(a.accountId())
                            .field(p.firstName())
                            .field(p.lastName())
                            .field(p.role())
                            .field(rng.chance(0.1) ? "" : CompanyPeople.email(p, c))
                            .field(
                                    rng.chance(0.2)
                                            ? ""
                                            : PhoneFormats.format(
                                                    c,
                                                    Integer.toString(
                                                            100 + (p.lastName().length() * 37 + i) % 800),
                                                    rng.chance(0.7)
                                                            ? PhoneFormats.INTERNATIONAL
                                                            : rng.nextInt(PhoneFormats.STYLE_COUNT)))
                            .field(optedOut(number) ? "true" : "false");
                    csv.endRow();
                }
            }
        }
        return ids;
    }

    /**
     * Whether the contact numbered {@code number} opted out (consent): about one in {@value #OPTED_OUT_EVERY}, taken
     * from the number already drawn, so the flag draws nothing from the random stream and every other file and
     * figure stays what it was before the column existed.
     */
    static boolean optedOut(int number) {
        return number % OPTED_OUT_EVERY == 0;
    }

    /** A rough syntax check, enough to tell the planted invalid addresses from the valid ones. */
    static boolean plausibleEmail(String email) {
        int at = email.indexOf('@');
        return at > 0 && at == email.lastIndexOf('@') && email.indexOf(' ') < 0 && email.indexOf('.', at) > at + 1;
    }
}
