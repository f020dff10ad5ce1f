package io.salesbi.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.sql.SQLException;
import java.util.Base64;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The two requests Avatica's protocol cannot carry, sent to the server's {@code /statement/} endpoint with the
 * connection's login: cancel a statement's running query, and set a statement's query timeout. HTTPS uses the
 * connection's {@code truststore} (and {@code truststore_password}) when given, else the JVM's trusted
 * certificates; with Avatica's {@code hostname_verification=NONE} the host name is not checked either.
 */
final class StatementControl {

    static final String CLIENT_HEADER = "X-Salesbi-Client";
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int READ_TIMEOUT_MS = 30_000;

    private final URI endpoint;
    private final String authorization;
    private final SSLSocketFactory tls;
    private final boolean verifyHostName;

    StatementControl(ClientUrl url) throws SQLException {
        this.endpoint = url.endpoint();
        this.authorization = url.user() == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((url.user() + ":" + (url.password() == null ? "" : url.password()))
                                        .getBytes(StandardCharsets.UTF_8));
        String truststore = url.avaticaProperties().getProperty("truststore");
        this.tls = truststore == null
                ? null
                : socketFactory(Path.of(truststore), url.avaticaProperties().getProperty("truststore_password"));
        this.verifyHostName = !"NONE".equalsIgnoreCase(url.avaticaProperties().getProperty("hostname_verification"));
    }

    /** Interrupts the statement's running query on the server; returns how many requests were running. */
    int cancel(String connectionId, int statementId) throws SQLException {
        String answer = post("cancel", connectionId, statementId, null);
        return number(answer, "interrupted");
    }

    /** Sets the statement's query timeout on the server (0: the default); returns the timeout that applies, s. */
    int timeout(String connectionId, int statementId, int seconds) throws SQLException {
        String answer = post("timeout", connectionId, statementId, seconds);
        return number(answer, "seconds");
    }

    /**
     * Opens the server's stream of a statement's rows from row {@code offset} on ({@code POST /statement/rows});
     * no read timeout: the server's query timeout ends a stream that stalls.
     */
    InputStream openRows(String connectionId, int statementId, long offset) throws SQLException {
        String query = "connection=" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8) + "&statement="
                + statementId + "&offset=" + offset;
        URI uri = URI.create(endpoint + "/statement/rows?" + query);
        try {
            HttpURLConnection http = open(uri, 0);
            int status = http.getResponseCode();
            if (status != 200) {
                String answer;
                try (InputStream in = http.getErrorStream()) {
                    answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                throw new SQLException(
                        "the salesbi server refused the rows of statement " + statementId + ": HTTP " + status + " "
                                + answer.strip(),
                        status == 401 || status == 403 ? "28000" : "08006");
            }
            return http.getInputStream();
        } catch (IOException e) {
            throw new SQLException(
                    "cannot reach the salesbi server at " + endpoint + " for the rows of statement " + statementId
                            + ": " + e.getMessage(),
                    "08006",
                    e);
        }
    }

    /** A POST with the login, the client header and an empty body, sent. */
    private HttpURLConnection open(URI uri, int readTimeoutMs) throws IOException {
        HttpURLConnection http = (HttpURLConnection) uri.toURL().openConnection();
        if (http instanceof HttpsURLConnection https) {
            if (tls != null) {
                https.setSSLSocketFactory(tls);
            }
            if (!verifyHostName) {
                https.setHostnameVerifier((host, session) -> true);
            }
        }
        http.setRequestMethod("POST");
        http.setConnectTimeout(CONNECT_TIMEOUT_MS);
        http.setReadTimeout(readTimeoutMs);
        http.setRequestProperty(CLIENT_HEADER, "salesbi-jdbc-client");
        if (authorization != null) {
            http.setRequestProperty("Authorization", authorization);
        }
        http.setDoOutput(true);
        try (OutputStream body = http.getOutputStream()) {
            body.flush();
        }
        return http;
    }

    private String post(String action, String connectionId, int statementId, Integer seconds) throws SQLException {
        String query = "connection=" + URLEncoder.encode(connectionId, StandardCharsets.UTF_8) + "&statement="
                + statementId + (seconds == null ? "" : "&seconds=" + seconds);
        URI uri = URI.create(endpoint + "/statement/" + action + "?" + query);
        try {
            HttpURLConnection http = open(uri, READ_TIMEOUT_MS);
            int status = http.getResponseCode();
            String answer;
            try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
                answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (status != 200) {
                throw new SQLException(
                        "the salesbi server refused the " + action + " of statement " + statementId + ": HTTP " + status
                                + " " + answer.strip(),
                        status == 401 || status == 403 ? "28000" : "08006");
            }
            return answer;
        } catch (IOException e) {
            throw new SQLException(
                    "cannot reach the salesbi server at " + endpoint + " for the " + action + " of statement "
                            + statementId + ": " + e.getMessage(),
                    "08006",
                    e);
        }
    }

    /** The number of {@code {"key":N}}. */
    private static int number(String json, String key) throws SQLException {
        String marker = "\"" + key + "\":";
        int at = json.indexOf(marker);
        if (at < 0) {
            throw new SQLException("unexpected answer of the salesbi server: " + json, "08006");
        }
        int start = at + marker.length();
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return Integer.parseInt(json.substring(start, end));
    }

    private static SSLSocketFactory socketFactory(Path truststore, String password) throws SQLException {
        try (InputStream in = Files.newInputStream(truststore)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(in, password == null ? null : password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new SQLException("cannot read the truststore " + truststore + ": " + e.getMessage(), "08001", e);
        }
    }
}
