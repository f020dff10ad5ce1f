package io.salesbi.match;

import io.salesbi.match.record.CustomerRecord;
import io.salesbi.match.standardize.CompanyName;
import io.salesbi.match.standardize.CompanyNameStandardizer;
import io.salesbi.match.standardize.CountryCodes;
import io.salesbi.match.standardize.EmailAddresses;
import io.salesbi.match.standardize.PhoneNumbers;
import io.salesbi.match.standardize.PostalStandardizer;
import io.salesbi.match.standardize.StreetStandardizer;
import io.salesbi.match.standardize.TextFold;
import io.salesbi.match.standardize.VatIds;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a source row into a standardized customer record. Values a person reads later (street, city) keep their
 * readable spelling with abbreviations spelled out; values only machines compare (name_normalized, phone, VAT id)
 * take their canonical form.
 */
final class CustomerRecordStandardizer {

    private static final Pattern STREET_AND_NUMBER =
            Pattern.compile("^(.*?\\D)[\\s,]*(?:[Nn]r\\.?\\s*)?(\\d+\\s*[a-zA-Z]?(?:\\s*[-/]\\s*\\d+\\s*[a-zA-Z]?)?)$");
    private static final Pattern STR_ABBREVIATION = Pattern.compile("(?i)(str)(\\.|asse\\b|aße\\b)");

    private final String defaultCountry;

    CustomerRecordStandardizer(String defaultCountry) {
        this.defaultCountry = defaultCountry;
    }

    CustomerRecord standardize(CustomerSourceRow row) {
        CompanyName name = CompanyNameStandardizer.standardize(row.companyName());
        String country = CountryCodes.toIso(row.country());
        String region = country == null ? defaultCountry : country;
        String[] street = splitStreet(row.streetLine());
        String vatId = VatIds.normalize(row.vatId());
        return new CustomerRecord(
                row.sourceSystem() + ":" + row.sourceKey(),
                row.sourceSystem(),
                row.sourceKey(),
                TextFold.blankToNull(row.companyName()),
                name.normalized().isEmpty() ? null : name.normalized(),
                name.legalForm(),
                street[0],
                street[1],
                PostalStandardizer.postcode(row.postcode(), region),
                readable(row.city()),
                country,
                PhoneNumbers.toE164(row.phone(), region),
                EmailAddresses.email(row.email()),
                EmailAddresses.webDomain(row.website()),
                vatId,
                TextFold.blankToNull(row.erpDebtorNo()),
                TextFold.blankToNull(row.industry()),
                TextFold.blankToNull(row.salesRegion()),
                TextFold.blankToNull(row.accountOwner()),
                row.walletEstimateEur(),
                row.potentialEur(),
                row.sourceUpdatedAt(),
                row.loadId());
    }

    /** Street name in readable form ("Hauptstr." → "Hauptstraße") and house number ("12 A" → "12a"). */
    static String[] splitStreet(String streetLine) {
        String line = readable(streetLine);
        if (line == null) {
            return new String[] {null, null};
        }
        String street = line;
        String number = null;
        Matcher matcher = STREET_AND_NUMBER.matcher(line);
        if (matcher.matches()) {
            street = matcher.group(1).strip();
            number = StreetStandardizer.houseNumber(matcher.group(2));
        }
        street = STR_ABBREVIATION.matcher(street).replaceAll(m -> m.group(1) + "aße");
        street = street.replaceAll("[\\s,]+$", "");
        return new String[] {street.isEmpty() ? null : street, number};
    }

    private static String readable(String text) {
        String value = TextFold.blankToNull(text);
        return value == null ? null : value.replaceAll("\\s+", " ");
    }
}
