package io.salesbi.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rep roster grows linearly with the scale and keeps distinct surnames (each names a rep's customer list), also
 * far beyond the 100 surnames of the vocabulary: scale 13 and more used to hang the generator.
 */
class SalesTeamTest {

    @Test
    void rosterAtScaleOneHundredAndOneThousandHasEightRepsPerScaleUnitWithDistinctSurnames() {
        long started = System.nanoTime();
        SalesTeam hundred = SalesTeam.atScale(100, new Rng(42));
        SalesTeam thousand = SalesTeam.atScale(1000, new Rng(42));
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(hundred.reps()).hasSize(800);
        assertThat(thousand.reps()).hasSize(8000);
        assertThat(hundred.insideSales()).hasSize(600);
        assertThat(thousand.insideSales()).hasSize(6000);
        assertThat(distinctSurnames(hundred.reps())).isEqualTo(800);
        assertThat(distinctSurnames(thousand.reps())).isEqualTo(8000);
        assertThat(millis).isLessThan(2000);
    }

    @Test
    void rosterIsTheSameForTheSameSeedAndKeepsTheVocabularyDrawsForTheFirstHundredReps() {
        List<Person> small = SalesTeam.atScale(12, new Rng(7)).reps();
        List<Person> large = SalesTeam.atScale(100, new Rng(7)).reps();
        List<Person> again = SalesTeam.atScale(100, new Rng(7)).reps();

        assertThat(large).isEqualTo(again);
        assertThat(large.subList(0, small.size())).isEqualTo(small);
        assertThat(large.subList(0, 100)).allMatch(p -> !p.lastName().contains("-"));
        assertThat(large.subList(100, 800)).allMatch(p -> p.lastName().matches("\\p{L}+-\\p{L}+"));
    }

    @Test
    void doubleNamesRunThroughAllPairsBeforeTakingANumber() {
        int pairs = 100 * 99;
        Set<String> names = new HashSet<>();
        for (int n = 0; n < pairs; n++) {
            names.add(SalesTeam.doubleName(n));
        }

        assertThat(names).hasSize(pairs).noneMatch(name -> name.contains(" "));
        assertThat(SalesTeam.doubleName(pairs)).isEqualTo(SalesTeam.doubleName(0) + " 2");
        assertThat(SalesTeam.doubleName(0)).isEqualTo("Müller-Schmidt");
    }

    private static long distinctSurnames(List<Person> reps) {
        return reps.stream().map(Person::lastName).distinct().count();
    }
}
