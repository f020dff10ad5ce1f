package io.salesbi.generator;

import java.time.LocalDate;
import java.util.List;

/** The customer records the sources hold, each pointing back at its true company. */
final class SourceRecords {

    /** One ERP debtor master record; {@code company} is the truth, the other fields are what the ERP holds. */
    record ErpDebtor(
            String debtorNo,
            Company company,
            String name1,
            String name2,
            String street,
            String city,
            String vatId,
            String manager,
            String phone,
            String industry) {}

    /**
     * One CRM account; {@code erpDebtorNo} is empty where the CRM does not know it, and {@code typoOfDebtorNo} holds
     * the right number where a planted typo changed it (else empty).
     */
    record CrmAccount(
            String accountId,
            Company company,
            String name,
            String street,
            String postcode,
            String city,
            String phone,
            String email,
            String website,
            String vatId,
            String erpDebtorNo,
            String industry,
            String owner,
            LocalDate createdDate,
            boolean duplicate,
            String typoOfDebtorNo) {

        CrmAccount withId(String id) {
            return new CrmAccount(
                    id,
                    company,
                    name,
                    street,
                    postcode,
                    city,
                    phone,
                    email,
                    website,
                    vatId,
                    erpDebtorNo,
                    industry,
                    owner,
                    createdDate,
                    duplicate,
                    typoOfDebtorNo);
        }

        CrmAccount withDebtorNo(String debtorNo, String typoOf) {
            return new CrmAccount(
                    accountId,
                    company,
                    name,
                    street,
                    postcode,
                    city,
                    phone,
                    email,
                    website,
                    vatId,
                    debtorNo,
                    industry,
                    owner,
                    createdDate,
                    duplicate,
                    typoOf);
        }
    }

    /** Where the orders of an ERP customer are booked: its debtor, and a duplicate debtor from a year on. */
    record DebtorLink(int primaryDebtor, int secondDebtor, double secondShare, int secondFromYear) {}

    /** One row of a rep's Excel list, before numbering. */
    record RepListRow(
            Company company,
            String firma,
            String street,
            String postcode,
            boolean postcodeAsNumber,
            String city,
            String contact,
            String phone,
            String email,
            String remark,
            boolean withPotential) {}

    /** A rep's list: file stem, the rep's name for the title, and the rows in sheet order. */
    record RepList(String fileStem, String repName, List<RepListRow> rows) {}

    final List<ErpDebtor> debtors;
    final DebtorLink[] debtorLinks;
    final List<CrmAccount> accounts;
    final List<RepList> repLists;

    SourceRecords(
            List<ErpDebtor> debtors, DebtorLink[] debtorLinks, List<CrmAccount> accounts, List<RepList> repLists) {
        this.debtors = debtors;
        this.debtorLinks = debtorLinks;
        this.accounts = accounts;
        this.repLists = repLists;
    }

    long recordCount() {
        return debtors.size()
                + accounts.size()
                + repLists.stream().mapToLong(l -> l.rows().size()).sum();
    }
}
