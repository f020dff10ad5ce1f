package io.salesbi.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Schemas;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dashboard query gives through Calcite over DuckDB the rows it gives in DuckDB directly: the way analysts run
 * them on the JDBC endpoint (sql module: CalciteSessionFactory and WarehouseDialect, mirrored here). Catches SQL that
 * Calcite parses but cannot plan or hand down to DuckDB, such as window functions.
 */
class DashboardQueriesThroughCalciteIT {

    private static final List<String> SCHEMAS = List.of("kpi", "core", "ops");

    @Test
    void everyQueryGivesTheSameRowsThroughCalcite(@TempDir Path dir) throws Exception {
        String url = "jdbc:duckdb:" + dir.resolve("warehouse.duckdb");
        try (Connection owner = DriverManager.getConnection(url)) {
            try (Statement statement = owner.createStatement()) {
                statement.execute("set autoinstall_known_extensions = false");
            }
            KpiFixture.run(owner, KpiFixture.TWO_YEARS);

            try (Connection calcite = calcite(JdbcSchema.dataSource(url, "org.duckdb.DuckDBDriver", null, null))) {
                SoftAssertions softly = new SoftAssertions();
                for (Map.Entry<String, String> query : DashboardQueries.all().entrySet()) {
                    DataTable direct = DataTable.query(owner, query.getValue());
                    softly.assertThatCode(() -> assertThat(DataTable.query(calcite, query.getValue()))
                            .isEqualTo(direct)).as(query.getKey()).doesNotThrowAnyException();
                }
                softly.assertAll();
            }
        }
    }

    private static Connection calcite(DataSource warehouse) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("quoting", "DOUBLE_QUOTE");
        properties.setProperty("unquotedCasing", "UNCHANGED");
        properties.setProperty("quotedCasing", "UNCHANGED");
        properties.setProperty("caseSensitive", "false");
        properties.setProperty("typeSystem", DuckDBSqlDialect.class.getName() + "#TYPE_SYSTEM");
        Connection connection = DriverManager.getConnection("jdbc:calcite:", properties);
        CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
        SchemaPlus root = calcite.getRootSchema();
        for (String name : SCHEMAS) {
            JdbcConvention convention = JdbcConvention.of(PlainVarcharDialect.INSTANCE,
                    Schemas.subSchemaExpression(root, name, JdbcSchema.class), name);
            root.add(name, new JdbcSchema(warehouse, PlainVarcharDialect.INSTANCE, convention, null, name));
        }
        return connection;
    }

    /** As the endpoint's WarehouseDialect: DuckDB rejects the character set Calcite writes into VARCHAR casts. */
    private static final class PlainVarcharDialect extends DuckDBSqlDialect {

        static final PlainVarcharDialect INSTANCE = new PlainVarcharDialect();

        private PlainVarcharDialect() {
            super(DuckDBSqlDialect.DEFAULT_CONTEXT);
        }

        @Override
        public SqlNode getCastSpec(RelDataType type) {
            SqlTypeName name = type.getSqlTypeName();
            if (name == SqlTypeName.VARCHAR || name == SqlTypeName.CHAR) {
                return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, SqlParserPos.ZERO),
                        SqlParserPos.ZERO);
            }
            return super.getCastSpec(type);
        }
    }
}
