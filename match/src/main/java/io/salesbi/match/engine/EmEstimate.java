package io.salesbi.match.engine;

/** The parameters EM settled on and how it got there. */
record EmEstimate(ModelParameters parameters, EmConvergence convergence) {}
