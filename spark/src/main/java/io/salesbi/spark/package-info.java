/**
 * The warehouse's KPI views on Apache Spark: {@code salesbi spark-kpis} reads a Parquet export, creates the views from
 * the same SQL the warehouse runs (kept in a subset both engines understand, plus the few rules of
 * {@link io.salesbi.spark.SparkDialect}) and writes their results as Parquet. A module of its own: Spark's classpath
 * never reaches the application.
 */
package io.salesbi.spark;
