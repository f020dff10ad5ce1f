-- kpi.touchpoints
-- What: where the customer journey happens: touchpoints (Kontaktpunkte) per journey phase and channel.
-- One row: year × journey phase × CRM channel.
-- Key: year, journey_phase, channel.
-- Formula: touchpoints = number of CRM activities.
-- Sources: core.fact_touchpoint (CRM activities).
-- Caveats: activities with an unknown phase appear with journey_phase null; activities of unmatched accounts count.
-- Policy: aggregate
create or replace view kpi.touchpoints as
select
    year,
    journey_phase,
    channel,
    cast(count(*) as bigint) as touchpoints
from core.fact_touchpoint
group by year, journey_phase, channel;
