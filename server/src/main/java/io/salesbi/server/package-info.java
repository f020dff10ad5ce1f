/**
 * The analysts' read-only JDBC endpoint over the DuckDB warehouse: Avatica (protobuf over HTTP) in front of
 * Calcite, which reads DuckDB through in-process connections of the serving process.
 *
 * <h2>Starting it</h2>
 * The process that owns the warehouse file starts it with
 * {@code JdbcServer.start(() -> ((DuckDBConnection) warehouse).duplicate(), settings)} and closes it before the
 * warehouse connection. {@link io.salesbi.server.JdbcServerSettings} binds 127.0.0.1 unless told otherwise;
 * a keystore turns on TLS. Password hashes for {@link io.salesbi.server.UserAccount}s come from
 * {@link io.salesbi.server.PasswordHasher#hash(char[])} (PBKDF2-HMAC-SHA256, 600,000 iterations, salted).
 * Analysts connect with the {@code salesbi-jdbc-client.jar} of the {@code client} module:
 * {@code jdbc:salesbi:http://HOST:PORT} with JDBC's {@code user} and {@code password}, or Avatica's own
 * {@code jdbc:avatica:remote:url=http://HOST:PORT;serialization=protobuf;authentication=BASIC;avatica_user=NAME;avatica_password=SECRET}
 * (with TLS: {@code https://...;truststore=FILE;truststore_password=SECRET}).
 * The Avatica driver sends only {@code avatica_user} / {@code avatica_password} (URL or connection properties);
 * JDBC's own {@code user} / {@code password} never reach the server, and such a client gets HTTP 401.
 * {@code GET /health} answers without credentials: 200 {@code {"status":"UP"}} or 503 {@code {"status":"DOWN"}}.
 *
 * <h2>Dashboards</h2>
 * With {@link io.salesbi.server.JdbcServerSettings#dashboardsDir()} set, the same Jetty serves that folder's files
 * under {@code /dashboards/} ({@code /dashboards/} is {@code index.html}) behind the same BASIC login and accounts:
 * GET and HEAD only, content type by file extension (text types as UTF-8), {@code Cache-Control: no-cache}, no
 * directory listing, no hidden files, nothing whose real path lies outside the folder (Jetty already answers 400 to
 * paths climbing out with {@code ..}). A regional manager is served the regional page set of their regions (rendered by
 * the night with the row policies of the JDBC filter) and nothing else, or refused (403) when there is none; see
 * {@link io.salesbi.server.DashboardHandler}.
 *
 * <h2>Consistency while a night runs</h2>
 * Every statement reads one DuckDB snapshot ({@link io.salesbi.server.SessionSnapshot}): all the DuckDB queries
 * Calcite runs for it (one per schema a join spans, one per subquery it cannot push down) run on one DuckDB
 * connection inside one transaction, which reads the last commit before the statement's first query (DuckDB MVCC).
 * Inside a JDBC transaction ({@code setAutoCommit(false)}) every statement until {@code commit()} or
 * {@code rollback()} reads that same snapshot. So also while the serving process runs a night: a query that started
 * before the night's consolidate step committed finishes on the old numbers, later ones see the new. The night builds core
 * (facts, dimensions) and its pre-publish checks in one transaction, so KPIs over core never show half a night.
 * Tables written by earlier steps are visible as soon as their own step commits: {@code core.customer_golden} and
 * {@code core.customer_xref} (matching), and the data-quality views over {@code ops.file_load},
 * {@code quarantine.rejected_row} and {@code staging.customer_record}.
 *
 * <h2>What a user sees</h2>
 * <ul>
 *   <li>Schemas {@code kpi} and {@code core}; {@code raw} and {@code quarantine} only with role {@code steward};
 *       of {@code ops} only the audit trail {@code ops.audit}, and only for stewards without a restricted role;
 *       never {@code staging}. Calcite's own {@code metadata} schema lists only what the user may
 *       see. The default schema is {@code kpi}.</li>
 *   <li>Role {@code regional_manager}: row-level security that fails closed ({@link io.salesbi.sql.RowPolicies},
 *       {@link io.salesbi.server.RegionRowFilter}). Every relation carries a declared policy: the
 *       {@code -- Policy:} line of its KPI view header, or a line of {@code db/migration/core.policy}:
 *       {@code region(column)} filters by a region column, {@code customer(column)} keeps the rows of golden
 *       customers of the user's regions (a join with {@code core.customer_golden} that DuckDB runs inside the
 *       query), {@code aggregate} shows a relation without customer detail whole, {@code hidden} hides it. A relation
 *       without a policy is invisible to regional managers; {@link io.salesbi.server.JdbcServer#start} refuses
 *       to start while any account is a regional manager and a relation it would see has no policy, or one that
 *       does not fit its columns. The list is in {@code docs/kpis.md}.</li>
 *   <li>Only single queries: SELECT, WITH, set operations, VALUES, EXPLAIN. INSERT, UPDATE, DELETE, MERGE, DDL,
 *       SET, ATTACH, COPY, INSTALL, LOAD, PRAGMA, batches and file or catalog functions ({@code read_csv},
 *       {@code read_parquet}, {@code glob}, {@code duckdb_*}) are refused with a message starting
 *       "read-only endpoint". Client connection properties never reach Calcite.</li>
 *   <li>Running work is bounded ({@link io.salesbi.server.QueryLimits}, {@link io.salesbi.server.RunningQueries}):
 *       every query request (execute, fetch) is interrupted in DuckDB after its statement's timeout, else the
 *       timeout its connection asks for as connection property {@code query_timeout} (seconds, as a driver
 *       property: the Avatica client does not send properties written into the URL), else the settings' default
 *       (5 minutes unless configured), never after more than the configured maximum; the client reads "query
 *       timeout after N s (why)". Avatica's protocol carries neither {@code Statement.setQueryTimeout} nor
 *       {@code Statement.cancel()}: the salesbi driver of module {@code client} ({@code jdbc:salesbi:http://HOST:PORT})
 *       sends both to {@link io.salesbi.server.StatementControlHandler}; a cancelled query answers "cancelled: ...".
 *       Closing the statement or connection from another thread interrupts its running query in DuckDB (so does
 *       closing the server). At most {@code maxConcurrent} query requests (execute and fetch) run at
 *       once, {@code maxConcurrentPerUser} of one user; {@code maxQueued} more wait up to {@code queueWait}, the rest
 *       are answered "server too busy" at once. Jetty has threads for all of them plus 8, so {@code /health},
 *       logins and metadata calls still answer while the limit is reached.</li>
 *   <li>Logins ({@link io.salesbi.server.AccountLoginService}, {@link io.salesbi.server.LoginThrottle},
 *       {@link io.salesbi.server.LoginLimits}): after {@code freeFailuresPerUser} wrong passwords of one user name
 *       from one address (default 5), or {@code freeFailuresPerAddress} from one address over all names (50),
 *       further attempts wait a backoff (1 s, doubling, at most 5 min); {@code lockoutFailures} wrong passwords in
 *       a row of one name from any address (20) lock it for {@code lockout} (15 min). Waiting and locked attempts
 *       are refused (HTTP 401, like a wrong password) before any hashing, and attempts being checked count, so a
 *       flood of wrong passwords hashes no more than the free failures. An unknown user name is checked against a
 *       dummy hash of the accounts' iteration count: it costs what a known one costs. Counters live in memory.
 *       Behind a reverse proxy every client has the proxy's address: the per-address limit then counts all
 *       clients together.</li>
 *   <li>Audit trail ({@link io.salesbi.server.AuditLog}, {@link io.salesbi.server.QueryAudit}): every login
 *       attempt (UTC time, user name as sent, address, outcome ok, failed, throttled or locked) and every query
 *       (SHA-256 of its SQL text, rows returned, duration, outcome ok, error, refused, cancelled, timeout or closed,
 *       SQL state) goes to
 *       the log {@code io.salesbi.server.audit} and, in batches twice a second, to {@code ops.audit}, which
 *       {@code salesbi audit} prints and stewards query over JDBC.</li>
 *   <li>SQL dialect: Calcite's standard SQL, identifiers in double quotes, case-insensitive, unquoted names as
 *       written (DuckDB's names are lower case). One trailing semicolon is accepted. DuckDB's {@code x::type},
 *       {@code GROUP BY ALL}, {@code date_trunc('unit', x)}, {@code median(x)} and {@code TIMESTAMPDIFF} are
 *       rewritten into what Calcite plans and sends to DuckDB ({@link io.salesbi.server.DuckDbSyntax},
 *       {@link io.salesbi.server.DuckDbFunctions}). Errors reach the client as
 *       short messages with an SQL state ({@link io.salesbi.server.ClientErrors}): syntax errors with line and
 *       column (42000), unknown names (42000), refusals (42501), "too busy" (53400), interrupted queries (57014),
 *       DuckDB's data errors (22000); anything else as "internal error" with a reference id that the server log
 *       carries beside the stack trace (XX000), never Java class names. Window functions
 *       ({@code row_number() over (...)}) run in DuckDB, also where their result feeds an aggregate
 *       ({@link io.salesbi.server.PlanCachingPrepare}, {@link io.salesbi.server.WarehouseDialect}). A query
 *       Calcite cannot plan fails with Calcite's reason.</li>
 * </ul>
 *
 * <h2>Types, and how KPI views should cast</h2>
 * <ul>
 *   <li>VARCHAR, BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL (up to 38 digits), DATE and TIMESTAMP pass as they
 *       are.</li>
 *   <li>TIMESTAMP travels as milliseconds: {@code 04:05:06.123456} arrives as {@code 04:05:06.123} (truncated).
 *       A view that needs microseconds must also offer {@code cast(ts as varchar)}. Timestamps are read and sent
 *       in the server JVM's time zone, so the serving process should run in the zone the data was written in
 *       (UTC in production).</li>
 *   <li>HUGEINT (what DuckDB's {@code sum()} over BIGINT returns) is served as DECIMAL(38, 0), and every other
 *       type the DuckDB driver reports as OTHER (UUID, LIST, STRUCT, MAP, ...) as VARCHAR in DuckDB's text form;
 *       without this Avatica fails with "Unhandled type in Frame". KPI views should not rely on it: cast sums to
 *       {@code bigint} or {@code decimal(18, 2)} and UUIDs to {@code varchar} in the view itself.</li>
 * </ul>
 *
 * <h2>Operations</h2>
 * Each request is logged by {@link io.salesbi.server.GuardedMeta} as
 * {@code jdbc user=NAME op=OPERATION statement=ID ms=DURATION sql=ONE-LINE-SQL} (INFO for connections and
 * statements, WARN for refusals and failures, DEBUG for fetches and metadata); passwords and client connection
 * properties are never logged. {@link io.salesbi.server.JdbcServer#close()} stops Jetty (5 s grace) and closes every session and
 * warehouse connection.
 *
 * <h2>What a query costs</h2>
 * <ul>
 *   <li>Start: {@link io.salesbi.server.CalciteWarmUp} runs KPI-shaped queries through the protobuf request path
 *       before the endpoint takes requests, so the first analyst query does not load and compile Calcite.</li>
 *   <li>A session plans each SQL text once ({@link io.salesbi.server.PlanCache}, per session because plans
 *       carry the user's schemas and row filter) and reads the warehouse's table list once
 *       ({@link io.salesbi.server.WarehouseSchema}); both are dropped when {@code ops.publish} shows another
 *       night ({@link io.salesbi.server.PublishedNights}, one small DuckDB query per statement). Until a
 *       session's next statement, its metadata calls may still list yesterday's tables. Compiled plans are shared
 *       across sessions by their generated source ({@code calcite.bindable.cache.maxSize}); the read-only guard
 *       remembers the texts it let through. Security checks run on every request all the same.</li>
 *   <li>Frames after the first hold at least {@link io.salesbi.server.SessionMeta#MIN_FRAME_ROWS} rows (the
 *       Avatica client asks for 100 per HTTP round trip).</li>
 *   <li>Measured by {@code salesbi bench jdbc} (the dashboards' queries on a real night, pipeline module) with
 *       {@link io.salesbi.bench.jdbc.JdbcBenchmark}; {@link io.salesbi.bench.jdbc.SyntheticBenchmark}
 *       does the same on a synthetic fact table.</li>
 * </ul>
 */
package io.salesbi.server;
