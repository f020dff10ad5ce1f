package io.salesbi.match.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldStandardizersTest {

    @Test
    void streetsSplitIntoNameAndHouseNumberWhateverTheSpelling() {
        assertThat(StreetStandardizer.standardize("Hauptstr. 12 a"))
                .isEqualTo(new StreetAddress("hauptstrasse", "12a"));
        assertThat(StreetStandardizer.standardize("Haupt-Straße 12A"))
                .isEqualTo(new StreetAddress("hauptstrasse", "12a"));
        assertThat(StreetStandardizer.standardize("Kölner Str. 3-5"))
                .isEqualTo(new StreetAddress("koelnerstrasse", "3-5"));
        assertThat(StreetStandardizer.standardize("12 Main St")).isEqualTo(new StreetAddress("mainstreet", "12"));
        assertThat(StreetStandardizer.standardize("Am Markt")).isEqualTo(new StreetAddress("ammarkt", null));
    }

    @Test
    void phoneNumbersBecomeE164InTheRecordsCountry() {
        assertThat(PhoneNumbers.toE164("0711 / 12 34 56", "DE")).isEqualTo("+49711123456");
        assertThat(PhoneNumbers.toE164("+49 (0)711 123456", "DE")).isEqualTo("+49711123456");
        assertThat(PhoneNumbers.toE164("0041 44 668 18 00", "DE")).isEqualTo("+41446681800");
        assertThat(PhoneNumbers.toE164("044 668 18 00", "CH")).isEqualTo("+41446681800");
        assertThat(PhoneNumbers.toE164("n/a", "DE")).isNull();
    }

    @Test
    void vatIdsAreNormalizedAndFormatChecked() {
        assertThat(VatIds.normalize("DE 136 695 976")).isEqualTo("DE136695976");
        assertThat(VatIds.normalize("de136.695.976")).isEqualTo("DE136695976");
        assertThat(VatIds.normalize("ATU 12345678")).isEqualTo("ATU12345678");
        assertThat(VatIds.normalize("NL123456789B01")).isEqualTo("NL123456789B01");
        assertThat(VatIds.normalize("DE12345678")).isNull();
        assertThat(VatIds.normalize("XX123456789")).isNull();
        assertThat(VatIds.checkDigitValid("DE136695976")).isTrue();
        assertThat(VatIds.checkDigitValid("DE136695975")).isFalse();
    }

    @Test
    void countriesMapToIsoCodesFromGermanAndEnglishNames() {
        assertThat(CountryCodes.toIso("Deutschland")).isEqualTo("DE");
        assertThat(CountryCodes.toIso("Germany")).isEqualTo("DE");
        assertThat(CountryCodes.toIso("D")).isEqualTo("DE");
        assertThat(CountryCodes.toIso("Österreich")).isEqualTo("AT");
        assertThat(CountryCodes.toIso("Schweiz")).isEqualTo("CH");
        assertThat(CountryCodes.toIso("USA")).isEqualTo("US");
        assertThat(CountryCodes.toIso("POL")).isEqualTo("PL");
        assertThat(CountryCodes.toIso("Atlantis")).isNull();
    }

    @Test
    void emailsAndWebDomainsAreValidatedAndReduced() {
        assertThat(EmailAddresses.email(" Info@Mueller-GmbH.de ")).isEqualTo("info@mueller-gmbh.de");
        assertThat(EmailAddresses.email("info(at)mueller.de")).isNull();
        assertThat(EmailAddresses.webDomain("https://www.mueller-gmbh.de/kontakt?x=1"))
                .isEqualTo("mueller-gmbh.de");
        assertThat(EmailAddresses.webDomain("WWW.Mueller-GmbH.de")).isEqualTo("mueller-gmbh.de");
        assertThat(EmailAddresses.companyDomainOf("k.mueller@mueller-gmbh.de")).isEqualTo("mueller-gmbh.de");
        assertThat(EmailAddresses.companyDomainOf("k.mueller@gmx.de")).isNull();
    }

    @Test
    void postcodesAndCitiesAreCleaned() {
        assertThat(PostalStandardizer.postcode("D-70173", "DE")).isEqualTo("70173");
        assertThat(PostalStandardizer.postcode("1067", "DE")).isEqualTo("01067");
        assertThat(PostalStandardizer.postcode("1067", null)).isEqualTo("1067");
        assertThat(PostalStandardizer.city("Frankfurt am Main")).isEqualTo("frankfurt");
        assertThat(PostalStandardizer.city("Frankfurt (Main)")).isEqualTo("frankfurt");
        assertThat(PostalStandardizer.city("München")).isEqualTo("muenchen");
    }

    @Test
    void personNamesLoseTitlesAndDatesTakeOneForm() {
        assertThat(PersonNames.standardize("Dr. Jürgen Groß")).isEqualTo("juergen gross");
        assertThat(Dates.standardize("05.04.1991")).isEqualTo("19910405");
        assertThat(Dates.standardize("1991-04-05")).isEqualTo("19910405");
        assertThat(Dates.standardize("19911305")).isEqualTo("19911305");
        assertThat(Dates.standardize("soon")).isNull();
    }
}
