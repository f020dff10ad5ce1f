package io.salesbi.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health} without credentials: 200 {@code {"status":"UP"}} when the warehouse answers {@code select 1},
 * 503 {@code {"status":"DOWN"}} otherwise. Says nothing else about the warehouse, so it is safe to leave open for a
 * monitoring probe. Every other path falls through to the next handler.
 */
final class HealthCheckHandler extends AbstractHandler {

    static final String PATH = "/health";
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheckHandler.class);

    private final DataSource warehouse;

    HealthCheckHandler(DataSource warehouse) {
        this.warehouse = warehouse;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!PATH.equals(target)) {
            return;
        }
        baseRequest.setHandled(true);
        if (!"GET".equals(request.getMethod())) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        boolean up = warehouseAnswers();
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.getOutputStream()
                .write((up ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\"}").getBytes(StandardCharsets.UTF_8));
    }

    private boolean warehouseAnswers() {
        try (Connection connection = warehouse.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select 1")) {
            return rows.next() && rows.getInt(1) == 1;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("health check: the warehouse does not answer: {}", e.getMessage());
            return false;
        }
    }
}
