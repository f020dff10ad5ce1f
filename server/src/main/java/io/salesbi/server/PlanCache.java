package io.salesbi.server;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;

/**
 * The Calcite plans of one analyst session, by SQL text, so a query the session runs again skips parsing,
 * validation, planning and code generation (tens of milliseconds each time, more than DuckDB needs for most KPI
 * queries). A plan carries the session's row filter and schema visibility, so the cache belongs to exactly one
 * session and is never shared between users.
 *
 * <p>Plans describe tables, not data: they read the current rows whenever they run. They are dropped when the
 * warehouse publishes another night (the stamp of {@link PublishedNights} changes), together with whatever else
 * the session registered with {@link #onNewNight(Runnable)} (its table lists), so a view the night added or changed
 * is seen by the next statement. The oldest-used plan goes when the cache holds {@code maxPlans}.
 */
final class PlanCache {

    /** What a plan depends on besides the tables: the SQL, the default schema it resolves names in, its shape. */
    record Key(List<String> defaultSchemaPath, String sql, Type elementType, long maxRowCount) {}

    private final Supplier<String> publishedNights;
    private final int maxPlans;
    private final Map<Key, CalciteSignature<?>> plans;
    /** The cached plans that are one DuckDB query each ({@link DirectRows}). */
    private final Set<Key> wholePushdowns = new HashSet<>();

    private final List<Runnable> newNightListeners = new ArrayList<>();
    private String nightsPlannedFor;
    private long plansMade;

    PlanCache(Supplier<String> publishedNights, int maxPlans) {
        if (maxPlans < 1) {
            throw new IllegalArgumentException("plan cache needs room for at least one plan, was " + maxPlans);
        }
        this.publishedNights = publishedNights;
        this.maxPlans = maxPlans;
        this.plans = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CalciteSignature<?>> eldest) {
                if (size() > PlanCache.this.maxPlans) {
                    wholePushdowns.remove(eldest.getKey());
                    return true;
                }
                return false;
            }
        };
    }

    /** Runs {@code listener} whenever a newly published night makes the cached plans stale. */
    synchronized void onNewNight(Runnable listener) {
        newNightListeners.add(listener);
    }

    /**
     * The cached plan for {@code key}, or the one {@code planner} makes (and the cache keeps). A planner that fails
     * caches nothing, so the next attempt plans and fails again.
     */
    @SuppressWarnings("unchecked")
    synchronized <T> CalciteSignature<T> plan(Key key, Supplier<CalciteSignature<T>> planner) {
        String nights = publishedNights.get();
        if (!nights.equals(nightsPlannedFor)) {
            if (nightsPlannedFor != null) {
                plans.clear();
                wholePushdowns.clear();
                newNightListeners.forEach(Runnable::run);
            }
            nightsPlannedFor = nights;
        }
        CalciteSignature<T> plan = (CalciteSignature<T>) plans.get(key);
        if (plan == null) {
            plan = planner.get();
            plansMade++;
            plans.put(key, plan);
        }
        return plan;
    }

    /** Records whether the plan just made for {@code key} is one DuckDB query ({@link DirectRows}). */
    synchronized void wholePushdown(Key key, boolean whole) {
        if (whole) {
            wholePushdowns.add(key);
        } else {
            wholePushdowns.remove(key);
        }
    }

    /** Whether the cached plan of {@code key} is one DuckDB query. */
    synchronized boolean isWholePushdown(Key key) {
        return wholePushdowns.contains(key);
    }

    /** How many plans this session has made (cache misses), for tests and logs. */
    synchronized long plansMade() {
        return plansMade;
    }

    synchronized int size() {
        return plans.size();
    }
}
