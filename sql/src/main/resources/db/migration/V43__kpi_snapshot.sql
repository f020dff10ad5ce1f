-- The KPI views as the night published them: one table per kpi view, written by the consolidate step in its
-- transaction (io.salesbi.sql.KpiSnapshot), after the core model and before the pre-publish checks. The checks, the
-- publish step and the dashboards read these tables, so the views are computed from the facts once a night instead
-- of once per reader, and the checked numbers are the published ones. Analysts keep querying the live kpi views.
create schema kpi_snapshot;
