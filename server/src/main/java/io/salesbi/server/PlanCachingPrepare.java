package io.salesbi.server;

import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.plan.RelOptCostFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.rules.ProjectToWindowRule.ProjectToLogicalProjectAndWindowRule.ProjectToLogicalProjectAndWindowRuleConfig;
import org.apache.calcite.runtime.Hook;

/**
 * Calcite's statement preparation with the session's {@link PlanCache} in front: SQL text the session prepared
 * before (in the same default schema) gets its plan back instead of being planned again. Queries given as
 * relational expressions or queryables, which the endpoint never receives, are planned as usual.
 *
 * <p>The planner splits window functions ({@code row_number() over (...)}) out of logical projections only. Calcite's
 * own rule also splits projections already converted for DuckDB, and the result (a window in DuckDB's convention
 * that Calcite cannot write as SQL) fails planning with an AssertionError; kept in the projection, the window
 * function goes to DuckDB as SQL. Nor does the planner turn {@code max(case when c then x end)} into
 * {@code max(x) filter (where c)}: where {@code c} tests a window function's result, Calcite would write the window
 * call into the filter, which DuckDB refuses; a CASE argument goes into a sub-query instead (see
 * {@link WarehouseDialect#supportsNestedAggregations()}). Nor does it turn a join with distinct keys into a
 * semi-join, which Calcite's JDBC adapter cannot push down.
 */
final class PlanCachingPrepare extends CalcitePrepareImpl {

    static final RelOptRule LOGICAL_PROJECT_TO_WINDOW = ProjectToLogicalProjectAndWindowRuleConfig.DEFAULT
            .withOperandSupplier(b -> b.operand(LogicalProject.class)
                    .predicate(LogicalProject::containsOver)
                    .anyInputs())
            .as(ProjectToLogicalProjectAndWindowRuleConfig.class)
            .toRule();

    private final PlanCache plans;

    PlanCachingPrepare(PlanCache plans) {
        this.plans = plans;
    }

    @Override
    public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType, long maxRowCount) {
        if (query.sql == null) {
            return super.prepareSql(context, query, elementType, maxRowCount);
        }
        PlanCache.Key key =
                new PlanCache.Key(List.copyOf(context.getDefaultSchemaPath()), query.sql, elementType, maxRowCount);
        CalciteSignature<T> signature = plans.plan(key, () -> {
            boolean[] whole = {false};
            CalciteSignature<T> planned;
            try (Hook.Closeable ignored = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread(
                    (RelRoot root) -> whole[0] = DirectRows.isWholePushdown(root))) {
                planned = super.prepareSql(context, query, elementType, maxRowCount);
            }
            plans.wholePushdown(key, whole[0]);
            return planned;
        });
        DirectRows.planUsed(plans.isWholePushdown(key));
        return signature;
    }

    @Override
    protected RelOptPlanner createPlanner(
            Context prepareContext, org.apache.calcite.plan.Context externalContext, RelOptCostFactory costFactory) {
        RelOptPlanner planner = super.createPlanner(prepareContext, externalContext, costFactory);
        if (planner.removeRule(CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW)) {
            planner.addRule(LOGICAL_PROJECT_TO_WINDOW);
        }
        planner.removeRule(CoreRules.AGGREGATE_CASE_TO_FILTER);
        // Calcite cannot write a semi-join as DuckDB SQL, so one would run in the server's heap over every row of
        // its left input; a join with the distinct keys (the shape of a customer row policy and of IN sub-queries)
        // goes to DuckDB whole.
        planner.removeRule(CoreRules.PROJECT_TO_SEMI_JOIN);
        planner.removeRule(CoreRules.JOIN_TO_SEMI_JOIN);
        planner.removeRule(CoreRules.JOIN_ON_UNIQUE_TO_SEMI_JOIN);
        return planner;
    }
}
