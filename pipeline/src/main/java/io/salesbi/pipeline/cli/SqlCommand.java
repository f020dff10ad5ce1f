package io.salesbi.pipeline.cli;

import io.salesbi.server.SqlClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code salesbi sql}: one query against a running server, printed as a table. */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description =
                "Runs one SQL query against a running 'salesbi serve' over JDBC and prints the result as a table.")
final class SqlCommand implements Callable<Integer> {

    @Parameters(
            index = "0",
            paramLabel = "QUERY",
            description = "The SELECT to run, e.g. \"select * from kpi.market_share\".")
    String query;

    @Option(
            names = "--url",
            defaultValue = "http://127.0.0.1:8765",
            paramLabel = "URL",
            description =
                    "Server address, http://HOST:PORT or a full jdbc:avatica:remote: URL (default: ${DEFAULT-VALUE}).")
    String url;

    @Option(
            names = "--max-rows",
            defaultValue = "1000",
            paramLabel = "N",
            description = "Rows printed at most (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--user", paramLabel = "NAME", description = "User name (or SALESBI_USER).")
    String user;

    @Option(
            names = "--password",
            paramLabel = "SECRET",
            interactive = true,
            arity = "0..1",
            description = "Password (or SALESBI_PASSWORD); asked for when given without a value.")
    char[] password;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String u = user != null ? user : System.getenv("SALESBI_USER");
        char[] p = password != null
                ? password
                : System.getenv("SALESBI_PASSWORD") != null
                        ? System.getenv("SALESBI_PASSWORD").toCharArray()
                        : null;
        String jdbcUrl = url.startsWith("jdbc:") ? url : "jdbc:avatica:remote:url=" + url + ";serialization=protobuf";
        String table = new SqlClient(jdbcUrl, u, p == null ? null : new String(p), maxRows).query(query);
        spec.commandLine().getOut().print(table);
        spec.commandLine().getOut().flush();
        return SalesbiCommand.EXIT_OK;
    }
}
