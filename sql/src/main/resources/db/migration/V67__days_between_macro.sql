-- Days from one date to another, as the KPI views that measure ages and cycle times need it (#22): the one date
-- function DuckDB and Spark SQL spell differently (DuckDB subtracts dates to a number of days, Spark to an interval).
-- The views call ops.datediff(end_date, start_date) with the argument order of Spark's and MySQL's datediff, so
-- that the Spark runner (io.salesbi.spark.SparkDialect) only drops the schema name; the result is end - start in
-- whole days (a bigint), negative when end lies before start, null when either is null.
create macro ops.datediff(end_date, start_date) as (cast(end_date as date) - cast(start_date as date));
