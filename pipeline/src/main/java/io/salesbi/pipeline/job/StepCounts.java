package io.salesbi.pipeline.job;

/** Rows a step read, wrote and rejected, and one sentence on what it did, for the run history. */
record StepCounts(long read, long written, long rejected, String summary) {}
