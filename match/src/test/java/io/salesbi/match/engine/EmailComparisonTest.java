package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** E-mail levels: 0 exact, 1 one typo or the same personal mailbox at another domain, 2 different. */
class EmailComparisonTest {

    private static final PreparedField EMAILS = field(
            "info@mueller-bau.de",
            "info@muller-bau.de",
            "info@mueller-bau4.de",
            "info@mueller-bau49.de",
            "info@mueller-bau48.de",
            "filiale12@mueller-bau.de",
            "filiale14@mueller-bau.de",
            "j.weber@mueller-bau.de",
            "j.weber@mueller-bau-gmbh.de");

    @Test
    void aLetterTypedWrongIsATypo() {
        assertThat(FieldComparator.compare(EMAILS, 0, 1)).isEqualTo(1);
    }

    @Test
    void numberedDomainsOfOneNameAreDifferentAddressesNotTypos() {
        // one edit apart, but the digits differ: "4" / "49" / "48" are other domains
        assertThat(FieldComparator.compare(EMAILS, 2, 3)).isEqualTo(2);
        assertThat(FieldComparator.compare(EMAILS, 3, 4)).isEqualTo(2);
        assertThat(FieldComparator.compare(EMAILS, 0, 2)).isEqualTo(2);
    }

    @Test
    void numberedMailboxesAreDifferentMailboxes() {
        assertThat(FieldComparator.compare(EMAILS, 5, 6)).isEqualTo(2);
    }

    @Test
    void thePersonalMailboxAtAnotherDomainOfTheCompanyStaysClose() {
        assertThat(FieldComparator.compare(EMAILS, 7, 8)).isEqualTo(1);
    }

    @Test
    void digitsAreReadInTheirOrder() {
        assertThat(FieldComparator.digits("filiale12@x4.de")).isEqualTo("124");
        assertThat(FieldComparator.digits("info@x.de")).isEmpty();
    }

    private static PreparedField field(String... values) {
        return new PreparedField(FieldType.EMAIL, values, null, null, new String[values.length][]);
    }
}
