package io.salesbi.match.standardize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyNameStandardizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            Müller Maschinenbau GmbH & Co. KG      | mueller maschinenbau | GmbH & Co. KG
            Mueller Maschinenbau GmbH u. Co KG     | mueller maschinenbau | GmbH & Co. KG
            Müller Maschinenbau GmbH + Co. KG      | mueller maschinenbau | GmbH & Co. KG
            Weiß Logistik UG (haftungsbeschränkt)  | weiss logistik       | UG (haftungsbeschränkt)
            Becker Elektrotechnik AG               | becker elektrotechnik | AG
            AG für Anlagenbau Nord                 | fuer anlagenbau nord | AG
            Schneider Holz KG                      | schneider holz       | KG
            Gebr. Krause OHG                       | gebr krause          | OHG
            Bäckerei Özdemir e.K.                  | baeckerei oezdemir   | e.K.
            Siemens Energy SE                      | siemens energy       | SE
            Acme Widgets Ltd.                      | acme widgets         | Ltd
            Acme Widgets, Inc.                     | acme widgets         | Inc
            Nestlé S.A.                            | nestle               | S.A.
            * KONINKLIJKE PHILIPS ELECTRONICS N.V. | philips electronics  | N.V.
            KONINKLIKE PHILIPS ELECTRONICS N.V.    | philips electronics  | N.V.
            Koninklijke DSM N.V.                   | dsm                  | N.V.
            UNILEVER N.V., ROTTERDAM               | unilever             | N.V.
            ALCATEL N.V., AMSTERDAM, NL            | alcatel              | N.V.
            N.V. NUTRICIA, ZOETERMEER              | nutricia             | N.V.
            NAAMLOZE VENNOOTSCHAP NUTRICIA         | nutricia             | N.V.
            SCHLUMBERGER TECHNOLOGY B.V. (STBV)    | schlumberger technology | B.V.
            Unilever N.V. - Companhia Holandesa    | unilever             | N.V.
            KONINKLIJKE PHILIPS ELECTRONICS N.V. GROENEWOUDSEWEG 1 | philips electronics | N.V.
            DSM N.V. TE HEERLEN.                   | dsm                  | N.V.
            Maasland N.V. a Dutch Limited Co       | maasland             | N.V.
            Siemens AG Österreich                  | siemens ag oesterreich | null
            Bau 2000 GmbH Filiale 12               | bau 2000 filiale 12  | GmbH
            Acme Widgets, Inc.                     | acme widgets         | Inc
            Müller Bau, Niederlassung Hamm         | mueller bau niederlassung hamm | null
            Shell Oil Company                      | shell oil            | null
            Royal Bank of Scotland plc             | royal bank scotland  | PLC
            Gist Brocades B. V.                    | gist brocades        | B.V.
            Firma Hans Meier                       | hans meier           | null
            """)
    void splitsOffTheLegalFormAndFoldsTheName(String input, String normalized, String legalForm) {
        CompanyName name = CompanyNameStandardizer.standardize(input);

        assertThat(name.normalized()).isEqualTo(normalized);
        assertThat(name.legalForm()).isEqualTo(legalForm);
    }
}
