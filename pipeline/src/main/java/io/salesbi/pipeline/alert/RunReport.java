package io.salesbi.pipeline.alert;

/**
 * What the stewards are told about a night: a subject line, a plain-text body and a JSON document, and whether it was
 * a plain success (sent only when configured). Built by the run from its result; the alert channels only deliver it.
 */
public record RunReport(long runId, boolean plainSuccess, String subject, String text, String json) {}
