package io.salesbi.server;

import io.salesbi.server.QueryLimits.QueryTimeout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.Meta.StatementHandle;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Avatica's protocol cannot carry, for the salesbi JDBC driver (module {@code client}): a statement's cancel
 * and its query timeout. Behind the BASIC login and {@link AuthenticatedUserHandler}, POST only, and only for the
 * requesting user's own connection and statement ({@link SessionOwnership}):
 * <ul>
 *   <li>{@code POST /statement/cancel?connection=ID&statement=N}: interrupts the statement's running query in DuckDB
 *       ({@link RunningQueries#cancel(String, int)}); the query's request fails with "cancelled: ..." and the audit
 *       trail records outcome {@code cancelled}. Answers {@code {"interrupted":K}}, K the requests that were
 *       running (0: nothing ran, as JDBC's cancel of an idle statement).</li>
 *   <li>{@code POST /statement/timeout?connection=ID&statement=N&seconds=S}: the statement's query timeout
 *       ({@code setQueryTimeout}; 0 = the connection's or the server's default), capped at the server's maximum.
 *       Answers {@code {"seconds":T}}, the timeout that applies.</li>
 * </ul>
 * Requests must carry the header {@value #CLIENT_HEADER} (any value): a web page cannot send it to another site
 * without CORS, which this server never grants, so a dashboards page open in a browser that holds a login cannot be
 * tricked into cancelling queries. Every other path falls through to the next handler.
 */
final class StatementControlHandler extends AbstractHandler {

    static final String PREFIX = "/statement/";
    static final String CLIENT_HEADER = "X-Salesbi-Client";

    private static final Logger LOG = LoggerFactory.getLogger(StatementControlHandler.class);

    private final RunningQueries queries;
    private final SessionOwnership ownership;

    StatementControlHandler(RunningQueries queries, SessionOwnership ownership) {
        this.queries = queries;
        this.ownership = ownership;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!target.startsWith(PREFIX)) {
            return;
        }
        baseRequest.setHandled(true);
        String action = target.substring(PREFIX.length());
        if (!action.equals("cancel") && !action.equals("timeout")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            response.setHeader(HttpHeader.ALLOW.asString(), "POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        if (request.getHeader(CLIENT_HEADER) == null) {
            answer(response, HttpServletResponse.SC_FORBIDDEN, error("header " + CLIENT_HEADER + " is missing"));
            return;
        }
        UserAccount user = CurrentUser.require();
        String connectionId = request.getParameter("connection");
        Integer statementId = number(request.getParameter("statement"));
        if (connectionId == null || connectionId.isBlank() || statementId == null) {
            answer(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    error("parameters connection (an id) and statement (a number) are needed"));
            return;
        }
        try {
            ownership.checkAccess(user, action, new Object[] {new StatementHandle(connectionId, statementId, null)});
        } catch (StatementRefusedException e) {
            LOG.warn("jdbc user={} op={} statement={} refused: {}", user.name(), action, statementId, e.getMessage());
            answer(response, HttpServletResponse.SC_FORBIDDEN, error(e.getMessage()));
            return;
        }
        if (action.equals("cancel")) {
            int interrupted = queries.cancel(connectionId, statementId);
            LOG.info(
                    "jdbc user={} op=cancel statement={} running_requests_interrupted={}",
                    user.name(),
                    statementId,
                    interrupted);
            answer(response, HttpServletResponse.SC_OK, "{\"interrupted\":" + interrupted + "}");
            return;
        }
        Integer seconds = number(request.getParameter("seconds"));
        if (seconds == null || seconds < 0) {
            answer(
                    response,
                    HttpServletResponse.SC_BAD_REQUEST,
                    error("parameter seconds must be a number >= 0 (0: the default timeout)"));
            return;
        }
        QueryTimeout timeout = queries.setStatementTimeout(connectionId, statementId, seconds);
        LOG.info(
                "jdbc user={} op=setQueryTimeout statement={} asked={} s applies={}",
                user.name(),
                statementId,
                seconds,
                timeout.message().substring("query timeout after ".length()));
        answer(
                response,
                HttpServletResponse.SC_OK,
                "{\"seconds\":" + timeout.duration().toSeconds() + "}");
    }

    /** A request parameter as a number, or null when it is missing or not one. */
    static Integer number(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String error(String message) {
        return "{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private static void answer(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-store");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
