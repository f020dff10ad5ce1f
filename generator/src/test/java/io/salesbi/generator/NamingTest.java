package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamingTest {

    @Test
    void longErpNamesAreSplitBeforeTheLegalForm() {
        String name = "Beck Verpackungsmaschinen GmbH & Co. KG";
        int cut = SourcePlanner.splitPoint(name);
        assertThat(name.substring(0, cut)).isEqualTo("Beck Verpackungsmaschinen");
        assertThat(name.substring(cut + 1)).isEqualTo("GmbH & Co. KG");
    }

    @Test
    void namesWithoutALegalFormInReachAreSplitAtTheLastSpaceThatFits() {
        String name = "Sauerlandmetall Automatisierungstechnik Werk Nord GmbH";
        int cut = SourcePlanner.splitPoint(name);
        assertThat(name.substring(0, cut)).isEqualTo("Sauerlandmetall");
    }

    @Test
    void lookalikesKeepTheFamilyNameAndChangeTheIndustryWord() {
        assertThat(CompanyFactory.replaceIndustryWord("Müller Maschinenbau", "Fördertechnik"))
                .isEqualTo("Müller Fördertechnik");
        assertThat(CompanyFactory.replaceIndustryWord("Otto & Graf", "Fördertechnik"))
                .isNull();
    }

    @Test
    void slugsFoldUmlautsAndPolishLetters() {
        assertThat(Texts.slug("Müller & Söhne Maschinenbau")).isEqualTo("mueller-soehne-maschinenbau");
        assertThat(Texts.foldForCp1252("Wrocław, ul. Przemysłowa")).isEqualTo("Wroclaw, ul. Przemyslowa");
    }

    @Test
    void citiesAreShortenedAsPeopleSayThem() {
        assertThat(SpellingVariants.shortCity("Frankfurt am Main")).isEqualTo("Frankfurt");
        assertThat(SpellingVariants.shortCity("Halle (Saale)")).isEqualTo("Halle");
        assertThat(SpellingVariants.shortCity("Freiburg im Breisgau")).isEqualTo("Freiburg");
        assertThat(SpellingVariants.shortCity("Ulm")).isEqualTo("Ulm");
    }

    @Test
    void swappedWordsPutTheIndustryWordFirst() {
        assertThat(SpellingVariants.swapWords("Müller Maschinenbau")).isEqualTo("Maschinenbau Müller");
        assertThat(SpellingVariants.swapWords("Otto & Graf")).isEqualTo("Otto & Graf");
    }
}
