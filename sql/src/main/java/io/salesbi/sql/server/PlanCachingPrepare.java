package io.salesbi.sql.server;

import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.prepare.CalcitePrepareImpl;

/**
 * Calcite's statement preparation with the session's {@link PlanCache} in front: SQL text the session prepared
 * before (in the same default schema) gets its plan back instead of being planned again. Queries given as
 * relational expressions or queryables, which the endpoint never receives, are planned as usual.
 */
final class PlanCachingPrepare extends CalcitePrepareImpl {

    private final PlanCache plans;

    PlanCachingPrepare(PlanCache plans) {
        this.plans = plans;
    }

    @Override
    public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType, long maxRowCount) {
        if (query.sql == null) {
            return super.prepareSql(context, query, elementType, maxRowCount);
        }
        PlanCache.Key key = new PlanCache.Key(List.copyOf(context.getDefaultSchemaPath()), query.sql, elementType,
                maxRowCount);
        return plans.plan(key, () -> super.prepareSql(context, query, elementType, maxRowCount));
    }
}
