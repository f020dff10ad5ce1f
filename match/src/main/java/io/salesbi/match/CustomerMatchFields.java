package io.salesbi.match;

import io.salesbi.match.engine.FieldType;
import io.salesbi.match.engine.MatchField;
import io.salesbi.match.record.CustomerRecord;
import io.salesbi.match.standardize.EmailAddresses;
import java.util.List;
import java.util.function.Function;

/**
 * The fields the nightly matcher compares customer records on. The web domain comes from the website or,
 * failing that, from a company e-mail address, since sales reps' lists carry e-mails but no websites.
 */
final class CustomerMatchFields {

    record Column(MatchField field, Function<CustomerRecord, String> value) {}

    static final List<Column> COLUMNS = List.of(
            column("company_name", FieldType.COMPANY, CustomerRecord::companyName),
            column("street", FieldType.STREET, CustomerRecord::street),
            column("house_number", FieldType.HOUSE_NUMBER, CustomerRecord::houseNumber),
            column("postcode", FieldType.POSTCODE, CustomerRecord::postcode),
            column("city", FieldType.CITY, CustomerRecord::city),
            column("country", FieldType.COUNTRY, CustomerRecord::country),
            column("phone", FieldType.PHONE, CustomerRecord::phone),
            column("email", FieldType.EMAIL, CustomerRecord::email),
            column(
                    "web_domain",
                    FieldType.WEBSITE,
                    r -> r.websiteDomain() != null ? r.websiteDomain() : EmailAddresses.companyDomainOf(r.email())),
            column("vat_id", FieldType.VAT_ID, CustomerRecord::vatId),
            column("erp_debtor_no", FieldType.STRONG_ID, CustomerRecord::erpDebtorNo));

    private CustomerMatchFields() {}

    static List<MatchField> fields() {
        return COLUMNS.stream().map(Column::field).toList();
    }

    /** columns[field][record] of the records' values. */
    static String[][] columns(List<CustomerRecord> records) {
        String[][] columns = new String[COLUMNS.size()][records.size()];
        for (int f = 0; f < COLUMNS.size(); f++) {
            for (int i = 0; i < records.size(); i++) {
                columns[f][i] = COLUMNS.get(f).value().apply(records.get(i));
            }
        }
        return columns;
    }

    private static Column column(String name, FieldType type, Function<CustomerRecord, String> value) {
        return new Column(new MatchField(name, type), value);
    }
}
