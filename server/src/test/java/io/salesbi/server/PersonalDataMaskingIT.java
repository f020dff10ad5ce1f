package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.salesbi.sql.PersonalColumn;
import io.salesbi.sql.PersonalDataCatalogue;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Need-to-know over JDBC: on a warehouse migrated as in production, with one row holding a known person in every
 * table that has a personal column, users without the personal_data right see every personal column of the
 * catalogue masked, in every schema they can see, and cannot get past the mask with a filter or a join; users with
 * the right see the values in clear. The columns the catalogue declares clear for a role (ops.audit's, for stewards)
 * are served in clear to that role.
 */
class PersonalDataMaskingIT {

    private static final int FAST_TEST_ITERATIONS = 1_000;

    /** The value stored in a personal column, by its mask, and what a user without the right sees instead. */
    private static final Map<PersonalColumn.Mask, List<String>> CLEAR_AND_MASKED = Map.of(
            PersonalColumn.Mask.INITIAL, List.of("Max Mustermann", "M***"),
            PersonalColumn.Mask.EMAIL, List.of("max.mustermann@firma.de", "m***@firma.de"),
            PersonalColumn.Mask.PHONE, List.of("+49 40 1234512", "+49 *** 12"),
            PersonalColumn.Mask.REDACT, List.of("Max Mustermann, +49 40 1234512", "***"));

    /** The row of ops.audit this test inserts (the endpoint's own rows have event login or query). */
    private static final String INSERTED_AUDIT_ROW = " where event = 'x'";

    @TempDir
    static Path directory;

    private static DuckDBConnection owner;
    private static JdbcServer server;
    private static Map<String, UserAccount> users;

    @BeforeAll
    static void startServer() throws Exception {
        Path file = directory.resolve("warehouse.duckdb");
        Flyway.configure()
                .dataSource("jdbc:duckdb:" + file, "", "")
                .locations("classpath:db/migration")
                .load()
                .migrate();
        owner = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
        insertThePersonIntoEveryPersonalColumn();
        users = Map.of(
                "anna", account("anna", Set.of(UserAccount.ANALYST)),
                "stefan", account("stefan", Set.of(UserAccount.STEWARD)),
                "paula", account("paula", Set.of(UserAccount.ANALYST, UserAccount.PERSONAL_DATA)),
                "petra", account("petra", Set.of(UserAccount.STEWARD, UserAccount.PERSONAL_DATA)));
        server = JdbcServer.start(
                () -> {
                    try {
                        return owner.duplicate();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                },
                JdbcServerSettings.localhost(0, users));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
        owner.close();
    }

    @Test
    void usersWithoutTheRightSeeEveryPersonalColumnMasked() throws SQLException {
        // given the person in every personal column, when each user reads each column it can see
        for (String user : List.of("anna", "stefan")) {
            List<String> seen = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (PersonalColumn column : servedTo(user)) {
                seen.add(column.qualifiedName() + "=" + value(user, column));
                expected.add(column.qualifiedName() + "="
                        + CLEAR_AND_MASKED
                                .get(column.mask())
                                .get(column.clearFor(users.get(user).roles()) ? 0 : 1));
            }

            // then every one of them is masked, but for the columns declared clear for one of the user's roles
            assertThat(seen).as(user).containsExactlyElementsOf(expected);
        }
        assertThat(servedTo("anna"))
                .extracting(PersonalColumn::qualifiedName)
                .contains("core.customer_golden.email", "core.fact_touchpoint.contact_id")
                .noneMatch(name -> name.startsWith("raw."));
        assertThat(servedTo("stefan"))
                .extracting(PersonalColumn::qualifiedName)
                .contains(
                        "raw.crm_contact.last_name",
                        "raw.sales_rep_customer.remark",
                        "quarantine.rejected_row.raw_value",
                        "ops.audit.login");
    }

    @Test
    void stewardsReadTheAuditTrailInClearAndNobodyElseSeesIt() throws SQLException {
        // the audit trail is the stewards' record of who logged in from where: its user names are clear for them
        rows("stefan", "select 1");
        server.auditEventsWritten();
        assertThat(rows("stefan", "select login, client_address from ops.audit" + INSERTED_AUDIT_ROW))
                .containsExactly("Max Mustermann|Max Mustermann, +49 40 1234512");
        assertThat(rows("stefan", "select count(*) from ops.audit where login = 'Max Mustermann'"))
                .containsExactly("1");
        // its own logins are there under its own name, as LoginIT's stewards filter for them
        assertThat(rows("stefan", "select distinct login from ops.audit where login = 'stefan'"))
                .containsExactly("stefan");
        assertThat(rows("petra", "select login from ops.audit" + INSERTED_AUDIT_ROW))
                .containsExactly("Max Mustermann");
        // the same steward session still sees the contacts' columns masked
        assertThat(rows(
                        "stefan",
                        "select a.login, c.last_name from ops.audit a join raw.crm_contact c on true"
                                + " where a.event = 'x'"))
                .containsExactly("Max Mustermann|M***");
        // analysts, with the right or without, are not served the trail at all
        for (String user : List.of("anna", "paula")) {
            assertThatThrownBy(() -> rows(user, "select login from ops.audit"))
                    .as(user)
                    .hasMessageContaining("not found");
        }
    }

    @Test
    void usersWithTheRightSeeEveryPersonalColumnInClear() throws SQLException {
        for (String user : List.of("paula", "petra")) {
            List<String> seen = new ArrayList<>();
            List<String> expected = new ArrayList<>();
            for (PersonalColumn column : servedTo(user)) {
                seen.add(column.qualifiedName() + "=" + value(user, column));
                expected.add(column.qualifiedName() + "="
                        + CLEAR_AND_MASKED.get(column.mask()).get(0));
            }

            assertThat(seen).as(user).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aFilterOrAJoinCannotGetPastTheMask() throws SQLException {
        // a filter on the clear value finds nothing: it compares with the masked value
        assertThat(rows("stefan", "select count(*) from raw.crm_contact where email = 'max.mustermann@firma.de'"))
                .containsExactly("0");
        assertThat(rows("stefan", "select count(*) from raw.crm_contact where email like 'max%'"))
                .containsExactly("0");
        assertThat(rows("petra", "select count(*) from raw.crm_contact where email = 'max.mustermann@firma.de'"))
                .containsExactly("1");
        // a join on a personal column joins masked values; the columns it returns stay masked
        assertThat(rows(
                        "stefan",
                        "select c.last_name, s.email from raw.crm_contact c "
                                + "join raw.sales_rep_customer s on s.email = c.email"))
                .containsExactly("M***|m***@firma.de");
        assertThat(rows(
                        "anna",
                        "select g.email, d.account_owner from core.customer_golden g "
                                + "join core.dim_customer d on d.customer_id = g.customer_id"))
                .containsExactly("m***@firma.de|M***");
        // the mask runs in DuckDB as part of the query
        assertThat(String.join("\n", rows("anna", "explain plan for select email from core.customer_golden")))
                .startsWith("JdbcToEnumerableConverter");
    }

    @Test
    void nullStaysNullAndShortValuesAreHiddenWhole() throws SQLException {
        exec("insert into raw.crm_contact select * replace ('K-0002' as contact_id, 99 as _row_number, "
                + "null as first_name, 'Musterfrau' as last_name, null as email, '123' as phone) from raw.crm_contact");
        try {
            assertThat(rows(
                            "stefan",
                            "select first_name, last_name, email, phone from raw.crm_contact "
                                    + "where _row_number = 99"))
                    .containsExactly("null|M***|null|***");
        } finally {
            exec("delete from raw.crm_contact where contact_id = 'K-0002'");
        }
    }

    /** The catalogue's personal columns in the schemas the user sees, in catalogue order. */
    private static List<PersonalColumn> servedTo(String user) {
        List<String> schemas = new ArrayList<>(CalciteSessionFactory.visibleSchemas(users.get(user)));
        if (CalciteSessionFactory.seesAudit(users.get(user))) {
            schemas.add(CalciteSessionFactory.AUDIT_SCHEMA);
        }
        return PersonalDataCatalogue.warehouse().personalColumns().stream()
                .filter(column -> schemas.contains(
                        column.relation().substring(0, column.relation().indexOf('.'))))
                .toList();
    }

    private static String value(String user, PersonalColumn column) throws SQLException {
        // the endpoint appends every login and query of the test to ops.audit: read the row inserted here
        List<String> values = rows(
                user,
                "select " + column.column() + " from " + column.relation()
                        + (column.relation().equals("ops.audit") ? INSERTED_AUDIT_ROW : ""));
        assertThat(values).as(column.qualifiedName()).hasSize(1);
        return values.get(0);
    }

    /**
     * One row in every warehouse table with a personal column: the person in each personal column (by its mask),
     * the same keys everywhere so joins meet, and a placeholder in every other not-null column.
     */
    private static void insertThePersonIntoEveryPersonalColumn() throws SQLException {
        Map<String, List<PersonalColumn>> byRelation = PersonalDataCatalogue.warehouse().personalColumns().stream()
                .collect(Collectors.groupingBy(PersonalColumn::relation, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<PersonalColumn>> relation : byRelation.entrySet()) {
            String[] name = relation.getKey().split("\\.");
            if (isView(name[0], name[1])) {
                continue; // a view shows what its tables hold
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (PersonalColumn column : relation.getValue()) {
                values.put(
                        column.column(),
                        quoted(CLEAR_AND_MASKED.get(column.mask()).get(0)));
            }
            for (Map.Entry<String, String> placeholder :
                    placeholders(name[0], name[1]).entrySet()) {
                values.putIfAbsent(placeholder.getKey(), placeholder.getValue());
            }
            exec("insert into " + relation.getKey() + " (" + String.join(", ", values.keySet()) + ") values ("
                    + String.join(", ", values.values()) + ")");
        }
        // the pipeline views (kpi.pipeline_open, kpi.pipeline_stalled) show an open opportunity stalled since 2000
        exec("update core.opportunity set status = 'open', probability = 0.5, amount_eur = 1,"
                + " last_stage_change = date '2000-01-01'");
    }

    private static boolean isView(String schema, String name) throws SQLException {
        try (Statement statement = owner.createStatement();
                ResultSet views = statement.executeQuery("select count(*) from duckdb_views() where schema_name = '"
                        + schema + "' and view_name = '" + name + "'")) {
            views.next();
            return views.getLong(1) > 0;
        }
    }

    /** A value for every not-null column and every customer key: the same customer everywhere. */
    private static Map<String, String> placeholders(String schema, String table) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Statement statement = owner.createStatement();
                ResultSet columns = statement.executeQuery(
                        "select column_name, data_type, is_nullable from information_schema.columns where table_schema = '"
                                + schema + "' and table_name = '" + table + "' order by ordinal_position")) {
            while (columns.next()) {
                String column = columns.getString(1);
                String type = columns.getString(2).toUpperCase();
                if (column.equals("customer_id")) {
                    values.put(column, "'C0000001'");
                } else if (columns.getString(3).equals("NO")) {
                    values.put(
                            column,
                            type.contains("CHAR")
                                    ? "'x'"
                                    : type.equals("DATE")
                                            ? "date '2026-01-01'"
                                            : type.startsWith("TIMESTAMP")
                                                    ? "timestamp '2026-01-01 00:00:00'"
                                                    : type.equals("BOOLEAN") ? "false" : "1");
                }
            }
        }
        return values;
    }

    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static void exec(String sql) throws SQLException {
        try (Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(String user, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server.url() + ";authentication=BASIC;avatica_user="
                        + user + ";avatica_password=" + user + "-secret");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            List<String> result = new ArrayList<>();
            int count = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    row.add(String.valueOf(rows.getString(i)));
                }
                result.add(String.join("|", row));
            }
            return result;
        }
    }

    private static UserAccount account(String name, Set<String> roles) {
        return new UserAccount(
                name, PasswordHasher.hash((name + "-secret").toCharArray(), FAST_TEST_ITERATIONS), roles, Set.of());
    }
}
