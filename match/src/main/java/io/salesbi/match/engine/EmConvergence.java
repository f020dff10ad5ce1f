package io.salesbi.match.engine;

import java.util.Locale;

/**
 * How the EM estimate of the m/u parameters ended, for the match summary: a steward who sees "stopped after 40
 * iterations, last change 0.02" knows the weights are not settled.
 *
 * @param iterations  EM iterations run; 0 when the parameters were fixed
 * @param lastChange  largest change in the last iteration: of lambda relative to itself, of any m or u absolute
 * @param converged   true when the estimate settled before the iteration limit
 * @param boundedLambda true when the prior match probability hit one of its bounds
 * @param labelledFields fields whose m-probabilities came from labelled pairs, not from EM
 */
public record EmConvergence(
        int iterations, double lastChange, boolean converged, boolean boundedLambda, int labelledFields) {

    public EmConvergence(int iterations, double lastChange, boolean converged, boolean boundedLambda) {
        this(iterations, lastChange, converged, boundedLambda, 0);
    }

    /** Parameters given by the steward, not estimated. */
    public static EmConvergence fixed() {
        return new EmConvergence(0, 0.0, true, false);
    }

    /** One line for the summary, e.g. "EM converged after 12 iterations (last change 3.1e-08)". */
    public String describe() {
        if (iterations == 0) {
            return "fixed parameters, not estimated";
        }
        return String.format(
                Locale.ROOT,
                "EM %s after %d iterations (last change %.2g)%s%s",
                converged ? "converged" : "stopped unconverged",
                iterations,
                lastChange,
                boundedLambda ? ", prior at its bound" : "",
                labelledFields > 0 ? ", m of " + labelledFields + " fields from labelled pairs" : "");
    }
}
