/**
 * Exports the warehouse's {@code core} and {@code kpi} layers as Parquet for a lakehouse: order facts partitioned by
 * year and month, one file per other table and view, and a manifest that lets a later export rewrite only what changed.
 */
package io.salesbi.pipeline.export;
