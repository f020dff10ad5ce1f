package io.salesbi.match.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every rule of the address parser, each with a hand-checked line. */
class AddressParserTest {

    @Test
    void germanStreetSpellingsAreOneStreetWithTheNumberAtTheEnd() {
        ParsedAddress expected = new ParsedAddress("hauptstrasse", "12", null, null);
        assertThat(AddressParser.parse("Hauptstr. 12")).isEqualTo(expected);
        assertThat(AddressParser.parse("Hauptstraße 12")).isEqualTo(expected);
        assertThat(AddressParser.parse("Hauptstrasse 12")).isEqualTo(expected);
        assertThat(AddressParser.parse("Hauptstr.12")).isEqualTo(expected);
        assertThat(AddressParser.parse("Haupt-Straße 12"))
                .isEqualTo(new ParsedAddress("haupt strasse", "12", null, null));
        assertThat(AddressParser.parse("Haupt-Straße 12").joinedStreet()).isEqualTo("hauptstrasse");
        assertThat(AddressParser.parse("Kölner Str. 3-5"))
                .isEqualTo(new ParsedAddress("koelner strasse", "3-5", null, null));
        assertThat(AddressParser.parse("Hauptstr. 12 a").houseNumber()).isEqualTo("12a");
        assertThat(AddressParser.parse("Marienpl. 8").street()).isEqualTo("marienplatz");
        assertThat(AddressParser.parse("Hauptstraße Nr. 7").houseNumber()).isEqualTo("7");
    }

    @Test
    void englishAbbreviationsAreSpelledOutWithTheNumberAtTheStart() {
        ParsedAddress expected = new ParsedAddress("west madison street", "100", null, null);
        assertThat(AddressParser.parse("100 W. Madison St")).isEqualTo(expected);
        assertThat(AddressParser.parse("100 West Madison Street")).isEqualTo(expected);
        assertThat(AddressParser.parse("100 w madison st.")).isEqualTo(expected);
        assertThat(AddressParser.parse("435 S. La Cienega Blv.").street()).isEqualTo("south la cienega boulevard");
        assertThat(AddressParser.parse("435 s. la cienega blvd.").street()).isEqualTo("south la cienega boulevard");
        assertThat(AddressParser.parse("12 Park Ave").street()).isEqualTo("park avenue");
        assertThat(AddressParser.parse("5 Fifth Ave").street()).isEqualTo("5th avenue");
    }

    @Test
    void stIsSaintBeforeANameAndStreetAtTheEnd() {
        assertThat(AddressParser.parse("10 St. James St").street()).isEqualTo("saint james street");
        assertThat(AddressParser.parse("10 Saint James Street").street()).isEqualTo("saint james street");
        assertThat(AddressParser.parse("1 Main St W").street()).isEqualTo("main street west");
        assertThat(AddressParser.parse("Sankt-Georg-Str. 4").street()).isEqualTo("saint georg strasse");
    }

    @Test
    void plIsPlaceInEnglishOrderAndPlatzInGermanOrder() {
        assertThat(AddressParser.parse("3 Hanover Pl").street()).isEqualTo("hanover place");
        assertThat(AddressParser.parse("Hanauer Pl 3").street()).isEqualTo("hanauer platz");
    }

    @Test
    void unitsAreTakenOutWhateverTheirSpelling() {
        assertThat(AddressParser.parse("200 Main St, Ste. 300"))
                .isEqualTo(new ParsedAddress("main street", "200", "suite 300", null));
        assertThat(AddressParser.parse("200 Main St Suite 300").unit()).isEqualTo("suite 300");
        assertThat(AddressParser.parse("200 Main St, Rm. 5").unit()).isEqualTo("room 5");
        assertThat(AddressParser.parse("200 Main St, Room 5").unit()).isEqualTo("room 5");
        assertThat(AddressParser.parse("200 Main St #12"))
                .isEqualTo(new ParsedAddress("main street", "200", "unit 12", null));
        assertThat(AddressParser.parse("200 Main St, 2nd Floor").unit()).isEqualTo("floor 2");
        assertThat(AddressParser.parse("Hauptstr. 12, 3. OG"))
                .isEqualTo(new ParsedAddress("hauptstrasse", "12", "floor 3", null));
        assertThat(AddressParser.parse("Hauptstr. 12, Whg. 4").unit()).isEqualTo("unit 4");
        assertThat(AddressParser.parse("Postfach 1234")).isEqualTo(new ParsedAddress(null, null, "po box 1234", null));
        assertThat(AddressParser.parse("P.O. Box 77").unit()).isEqualTo("po box 77");
        assertThat(AddressParser.parse("Ste Catherine St 5").street()).isEqualTo("sainte catherine street");
    }

    @Test
    void aCareOfPartIsDropped() {
        ParsedAddress expected = new ParsedAddress("main street", "123", null, null);
        assertThat(AddressParser.parse("c/o Regus, 123 Main St")).isEqualTo(expected);
        assertThat(AddressParser.parse("C/O Regus 123 Main St")).isEqualTo(expected);
        assertThat(AddressParser.parse("z. Hd. Frau Meier, Hauptstr. 12"))
                .isEqualTo(new ParsedAddress("hauptstrasse", "12", null, null));
    }

    @Test
    void aPostcodeWithItsPlaceAfterACommaIsThePostcodeAndThePlaceIsDropped() {
        assertThat(AddressParser.parse("Hauptstr. 12, 10115 Berlin"))
                .isEqualTo(new ParsedAddress("hauptstrasse", "12", null, "10115"));
        assertThat(AddressParser.parse("Hauptstr. 12, D-10115 Berlin").postcode())
                .isEqualTo("10115");
        assertThat(AddressParser.parse("100 W. Madison St, Chicago, IL 60601-1234"))
                .isEqualTo(new ParsedAddress("west madison street", "100", null, "60601"));
        assertThat(AddressParser.parse("10 Downing St, London SW1A 2AA"))
                .isEqualTo(new ParsedAddress("downing street", "10", null, "sw1a2aa"));
        assertThat(AddressParser.parse("1 Main St, Springfield"))
                .isEqualTo(new ParsedAddress("main street", "1", null, null));
    }

    @Test
    void aLineWithoutNumberIsAStreetAloneAndCanonicalOrderIsFixed() {
        assertThat(AddressParser.parse("Am Markt")).isEqualTo(new ParsedAddress("am markt", null, null, null));
        assertThat(AddressParser.parse("  ")).isEqualTo(new ParsedAddress(null, null, null, null));
        assertThat(AddressParser.parse("Hauptstr. 12, 3. OG, 10115 Berlin").canonical())
                .isEqualTo("hauptstrasse 12 floor 3 10115");
        assertThat(AddressParser.parse("12-14 Main St").buildingNumber()).isEqualTo("12");
    }
}
