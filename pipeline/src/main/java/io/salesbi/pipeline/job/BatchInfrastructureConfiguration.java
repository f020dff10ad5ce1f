package io.salesbi.pipeline.job;

import io.salesbi.pipeline.config.SalesbiSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spring Batch's job repository in an embedded H2 file beside the warehouse. A JDBC repository is what lets a
 * failed night be restarted from the step that failed; keeping it out of DuckDB keeps the warehouse free of
 * framework tables and clear of DuckDB's single-writer lock.
 */
@Configuration(proxyBeanMethods = false)
class BatchInfrastructureConfiguration extends JdbcDefaultBatchConfiguration implements DisposableBean {

    private final DataSource batchDataSource;
    private final PlatformTransactionManager batchTransactionManager;

    BatchInfrastructureConfiguration(SalesbiSettings settings) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        // open for the whole night (not reopened for every repository call), shut down cleanly when the night ends
        h2.setURL("jdbc:h2:file:" + settings.jobRepository().toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        this.batchDataSource = h2;
        this.batchTransactionManager = new JdbcTransactionManager(h2);
        createSchemaIfMissing(h2);
    }

    private static void createSchemaIfMissing(DataSource dataSource) throws SQLException {
        try (Connection conn = dataSource.getConnection();
                ResultSet rs = conn.getMetaData().getTables(null, null, "BATCH_JOB_INSTANCE", null)) {
            if (rs.next()) {
                return;
            }
        }
        new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/schema-h2.sql"))
                .execute(dataSource);
    }

    /** Closes the H2 file when the night's context closes, so the next night or a copy of the folder finds it whole. */
    @Override
    public void destroy() throws SQLException {
        try (Connection conn = batchDataSource.getConnection();
                Statement st = conn.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }

    /** The job repository's transactions (H2); the steps' warehouse work commits on its own DuckDB connection. */
    @Bean
    PlatformTransactionManager batchTransactionManager() {
        return batchTransactionManager;
    }

    @Override
    protected DataSource getDataSource() {
        return batchDataSource;
    }

    @Override
    protected PlatformTransactionManager getTransactionManager() {
        return batchTransactionManager;
    }
}
