package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.junit.jupiter.api.Test;

class PlanCacheTest {

    private final AtomicReference<String> publishedNights = new AtomicReference<>("1@2026-01-15 02:00:00");
    private final AtomicInteger plannerCalls = new AtomicInteger();

    @Test
    void sameKeyTwiceIsPlannedOnce() {
        PlanCache cache = new PlanCache(publishedNights::get, 8);

        CalciteSignature<Object> first = cache.plan(key("select 1"), () -> plan("select 1"));
        CalciteSignature<Object> second = cache.plan(key("select 1"), () -> plan("select 1"));

        assertThat(second).isSameAs(first);
        assertThat(plannerCalls).hasValue(1);
        assertThat(cache.plansMade()).isEqualTo(1);
    }

    @Test
    void otherSqlOrOtherDefaultSchemaIsPlannedAgain() {
        PlanCache cache = new PlanCache(publishedNights::get, 8);

        cache.plan(key("select 1"), () -> plan("select 1"));
        cache.plan(key("select 2"), () -> plan("select 2"));
        cache.plan(new PlanCache.Key(List.of("core"), "select 1", Object[].class, -1), () -> plan("select 1"));

        assertThat(plannerCalls).hasValue(3);
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void aNewlyPublishedNightDropsThePlansAndTellsTheListeners() {
        PlanCache cache = new PlanCache(publishedNights::get, 8);
        AtomicInteger tableListsForgotten = new AtomicInteger();
        cache.onNewNight(tableListsForgotten::incrementAndGet);
        cache.plan(key("select 1"), () -> plan("select 1"));

        publishedNights.set("2@2026-01-16 02:00:00");
        cache.plan(key("select 1"), () -> plan("select 1"));
        cache.plan(key("select 1"), () -> plan("select 1"));

        assertThat(plannerCalls).hasValue(2);
        assertThat(tableListsForgotten).hasValue(1);
    }

    @Test
    void aFailedPlanIsNotCached() {
        PlanCache cache = new PlanCache(publishedNights::get, 8);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> cache.plan(key("select nope"), () -> {
                        plannerCalls.incrementAndGet();
                        throw new IllegalStateException("Column 'nope' not found in any table");
                    }))
                    .hasMessage("Column 'nope' not found in any table");
        }

        assertThat(plannerCalls).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void keepsOnlyTheMostRecentlyUsedPlans() {
        PlanCache cache = new PlanCache(publishedNights::get, 2);
        cache.plan(key("select 1"), () -> plan("select 1"));
        cache.plan(key("select 2"), () -> plan("select 2"));
        cache.plan(key("select 1"), () -> plan("select 1"));

        cache.plan(key("select 3"), () -> plan("select 3"));
        cache.plan(key("select 1"), () -> plan("select 1"));
        cache.plan(key("select 2"), () -> plan("select 2"));

        // select 2 was the least recently used when select 3 came in, so only it was planned again
        assertThat(plannerCalls).hasValue(4);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void refusesAnEmptyCache() {
        assertThatThrownBy(() -> new PlanCache(publishedNights::get, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("plan cache needs room for at least one plan, was 0");
    }

    private static PlanCache.Key key(String sql) {
        return new PlanCache.Key(List.of("kpi"), sql, Object[].class, -1);
    }

    private CalciteSignature<Object> plan(String sql) {
        plannerCalls.incrementAndGet();
        return new CalciteSignature<>(sql, List.of(), Map.of(), null, List.of(), null, null, List.of(), -1, null);
    }
}
