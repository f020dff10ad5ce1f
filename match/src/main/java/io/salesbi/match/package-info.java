/**
 * Customer matching: one customer, one record.
 *
 * <p>Nightly: {@link io.salesbi.match.CustomerStandardizer} rebuilds staging.customer_record from the
 * latest CRM accounts, ERP debtors and sales reps' list rows; {@link io.salesbi.match.CustomerMatcher}
 * matches them into golden customers (core.customer_xref, core.customer_golden) and records the pairs a steward
 * needs, applied overrides and the id history (core.customer_match_pair, core.customer_override,
 * core.customer_id_history). The nightly job has it write these tables parked in staging.next_*, published by
 * the consolidate step. customer_match_pair keeps the pairs at or above review, those decided by an id or an
 * override, and those inside one customer; pairs whose VAT ids contradict only when their fields alone reach
 * the review band. Ad hoc: {@link io.salesbi.pipeline.cli.MatchCommand} ({@code salesbi match})
 * runs the same engine on any CSV or .xlsx list.
 *
 * <p>The engine ({@code engine}) standardizes each typed field once ({@code standardize}), finds candidate pairs
 * with several blocking keys (oversize blocks refined by a second field), compares them with a measure per type,
 * scores them with Fellegi–Sunter weights whose m and u are estimated by EM (or fixed from a parameters file),
 * does not count place evidence twice (agreeing postcodes imply city and country, agreeing cities the postcode
 * region),
 * treats agreeing VAT ids and ERP debtor numbers as decisive unless the names differ completely (a mistyped
 * number must not link two companies) and contradicting VAT ids as a cannot-link, and
 * clusters with average linkage (pairs blocking never proposed count against a merge) so that one bad link
 * cannot chain two companies together.
 *
 * <p>Stable ids: the previous run's customers are the seeds of the clustering, so new records join existing
 * customers and ids survive; each previous id goes to the cluster holding most of its records, the rest is
 * recorded as merge, split, new or retire. A previous merge is only undone by a steward's force_split, which
 * dissolves that seed. Overrides (.csv or .xlsx with record_1, record_2, action or decision) are re-applied
 * on every run; the review list the matcher writes is such a file.
 */
package io.salesbi.match;
