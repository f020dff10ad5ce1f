package io.salesbi.match.standardize;

/**
 * A company name standardized for matching.
 *
 * @param normalized folded name without legal form and noise words, e.g. "mueller maschinenbau"
 * @param legalForm  canonical legal form, e.g. "GmbH & Co. KG"; null when none was recognized
 */
public record CompanyName(String normalized, String legalForm) {}
