package io.salesbi.match.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Bounds on the EM estimate and the convergence it reports, with every expected figure worked out by hand. */
class EstimationBoundsTest {

    @Test
    void raisesTooLowAnExactAgreementOfTrueMatchesToOneHalfAndRescalesTheOtherLevels() {
        double[] bounded = ProbabilityBounds.boundM(new double[] {0.3, 0.2, 0.5});

        // The other levels keep their ratio: 0.2 / 0.7 * 0.5 and 0.5 / 0.7 * 0.5.
        assertThat(bounded).containsExactly(new double[] {0.5, 0.142857, 0.357143}, Offset.offset(1e-6));
    }

    @Test
    void capsAgreementAmongRandomPairsAtOneHalfExceptForCountries() {
        assertThat(ProbabilityBounds.boundU(new double[] {0.7, 0.3}, FieldType.CITY))
                .containsExactly(new double[] {0.5, 0.5}, Offset.offset(1e-12));
        assertThat(ProbabilityBounds.boundU(new double[] {0.7, 0.3}, FieldType.COUNTRY))
                .containsExactly(0.7, 0.3);
    }

    @Test
    void boundsThePriorByOneDuplicateInAThousandRecordsAndTenDuplicatesPerRecord() {
        double[] bounds = ParameterEstimator.lambdaBounds(1_000_001);

        // At a million records the old fixed floor of 1e-5 was the upper bound: ten duplicates for every record.
        assertThat(bounds[0]).isCloseTo(1e-9, Offset.offset(1e-15));
        assertThat(bounds[1]).isCloseTo(1e-5, Offset.offset(1e-12));
        assertThat(ParameterEstimator.lambdaBounds(3)[1]).isEqualTo(0.5);
    }

    @Test
    void reportsHowManyIterationsTheEstimateTookAndWhetherItSettled() {
        List<MatchField> fields =
                List.of(new MatchField("company", FieldType.COMPANY), new MatchField("city", FieldType.CITY));
        String[][] columns = {
            {"Beta Sensorik GmbH", "Beta Sensorik", "Gamma Logistik KG", "Gamma Logistik", "Delta Bau AG"},
            {"Ulm", "Ulm", "Köln", "Köln", "Bonn"}
        };

        MatchResult result = new MatchEngine(EngineSettings.defaults()).run(fields, columns, ClusterConstraints.none());

        EmConvergence convergence = result.convergence();
        assertThat(convergence.iterations())
                .isBetween(1, EngineSettings.defaults().emIterations());
        assertThat(convergence.lastChange()).isGreaterThanOrEqualTo(0.0);
        assertThat(convergence.converged()).isEqualTo(convergence.lastChange() < 1e-4);
        // EM stops early only once it has settled (it used to stop on a change of lambda below 1e-7 in absolute terms,
        // which at a million records, lambda about 2e-6, stopped it after one or two iterations unsettled)
        assertThat(convergence.converged()
                        || convergence.iterations() == EngineSettings.defaults().emIterations())
                .isTrue();
        assertThat(convergence.describe())
                .startsWith("EM " + (convergence.converged() ? "converged" : "stopped " + "unconverged") + " after "
                        + convergence.iterations() + " iterations (last change ");
        assertThat(result.clusterCount()).isEqualTo(3);
    }

    @Test
    void saysWhenTheParametersWereFixedInsteadOfEstimated() {
        assertThat(EmConvergence.fixed().describe()).isEqualTo("fixed parameters, not estimated");
    }
}
