package io.salesbi.pipeline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ErasureTest {

    @Test
    void aFieldIsReplacedWholeNeverInsideAnotherField() {
        assertThat(Erasure.replaceField("C1,Anna,\"Anna.Schmidt@kunde.de\",Anna\r\n", ',', "Anna", "X"))
                .isEqualTo("C1,X,\"Anna.Schmidt@kunde.de\",X\r\n");
        assertThat(Erasure.replaceField("Anna;\"Anna Schmidt\";Annabel", ';', "Anna Schmidt", "X"))
                .isEqualTo("Anna;\"X\";Annabel");
    }

    @Test
    void mentionsAreFoundWrittenAnyWay() {
        var pattern = Erasure.mentionPattern(
                new Person("Anna.Schmidt@Kunde.de", "anna schmidt", "+49 40 1234567"), Set.of("040 1234567"));

        assertThat(pattern.matcher(
                                "Rückruf: ANNA   Schmidt (anna.schmidt@kunde.de, +49 (40) 123-4567 oder 040/1234567)")
                        .replaceAll("X"))
                .isEqualTo("Rückruf: X (X, +X oder X)");
        assertThat(pattern.matcher("Annabel Schmidtke, 0401234").replaceAll("X"))
                .isEqualTo("Annabel Schmidtke, 0401234");
    }

    @Test
    void identifiersAreComparedNormalised() {
        Person p = new Person(" Max.Mustermann@Firma.DE ", "  Jörg   Müller ", "0049 (40) 123-45");

        assertThat(p.email()).isEqualTo("max.mustermann@firma.de");
        assertThat(p.name()).isEqualTo("jorg muller");
        assertThat(p.phone()).isEqualTo("494012345");
        assertThat(p.isIdentifier("+49 40 12345")).isTrue();
        assertThat(p.isIdentifier("JORG MULLER")).isTrue();
        assertThat(p.isIdentifier("494012345.00 EUR")).isFalse();
        assertThat(p.mentionedIn("Termin mit Jörg Müller, Einkauf")).isTrue();
        assertThat(p.mentionedIn("Jörg Müllerschön")).isFalse();
    }
}
