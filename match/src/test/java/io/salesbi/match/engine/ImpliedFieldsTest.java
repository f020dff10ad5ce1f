package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fields implied by another field do not count twice. Levels: company, postcode, city, country; or company, email,
 * website.
 */
class ImpliedFieldsTest {

    private static final ImpliedFields IMPLIED = ImpliedFields.of(List.of(
            field(FieldType.COMPANY), field(FieldType.POSTCODE), field(FieldType.CITY), field(FieldType.COUNTRY)));

    @Test
    void agreeingPostcodesImplyTheAgreeingCityAndCountry() {
        byte[] levels = {4, 0, 0, 0};

        IMPLIED.apply(levels, 0);

        assertThat(levels).containsExactly(4, 0, -1, -1);
    }

    @Test
    void aPostcodeWithOneTypoStillImpliesThePlaceButADifferentCityStillCounts() {
        byte[] levels = {9, 9, 9, 9, 4, 1, 2, 0};

        IMPLIED.apply(levels, 4);

        assertThat(levels).containsExactly(9, 9, 9, 9, 4, 1, 2, -1);
    }

    @Test
    void withinOneCityPostcodesThatOnlyShareTheirRegionAreDifferent() {
        byte[] sameRegion = {4, 2, 0, 0};
        byte[] otherRegion = {4, 3, 0, 0};

        IMPLIED.apply(sameRegion, 0);
        IMPLIED.apply(otherRegion, 0);

        assertThat(sameRegion).containsExactly(4, 3, 0, 0);
        assertThat(otherRegion).containsExactly(4, 3, 0, 0);
    }

    @Test
    void withoutAPostcodeNothingIsImplied() {
        ImpliedFields noPostcode = ImpliedFields.of(List.of(field(FieldType.COMPANY), field(FieldType.CITY)));
        byte[] levels = {4, 0};

        noPostcode.apply(levels, 0);

        assertThat(levels).containsExactly(4, 0);
    }

    @Test
    void anAgreeingEmailAddressImpliesTheAgreeingWebsite() {
        // company, email, website: "info@x.de" names the domain "x.de" that the website is
        ImpliedFields domain =
                ImpliedFields.of(List.of(field(FieldType.COMPANY), field(FieldType.EMAIL), field(FieldType.WEBSITE)));
        byte[] bothAgree = {2, 0, 0};
        byte[] websiteDiffers = {2, 0, 1};
        byte[] emailDiffers = {2, 2, 0};

        domain.apply(bothAgree, 0);
        domain.apply(websiteDiffers, 0);
        domain.apply(emailDiffers, 0);

        assertThat(bothAgree).containsExactly(2, 0, -1);
        assertThat(websiteDiffers).containsExactly(2, 0, 1);
        assertThat(emailDiffers).containsExactly(2, 2, 0);
    }

    @Test
    void aWebsiteWithoutAnEmailFieldCountsOnItsOwn() {
        ImpliedFields websiteOnly = ImpliedFields.of(List.of(field(FieldType.COMPANY), field(FieldType.WEBSITE)));
        byte[] levels = {2, 0};

        websiteOnly.apply(levels, 0);

        assertThat(levels).containsExactly(2, 0);
    }

    private static PreparedField field(FieldType type) {
        return new PreparedField(type, new String[0], null, null, new String[0][]);
    }
}
