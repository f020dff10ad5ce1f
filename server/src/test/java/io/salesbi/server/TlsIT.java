package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint with a keystore: HTTPS only, and the Avatica client trusts it through a truststore. */
class TlsIT {

    private static final String STORE_PASSWORD = "store-secret";

    @TempDir
    Path directory;

    @Test
    void servesQueriesOverHttpsOnly() throws Exception {
        // given a self-signed certificate for 127.0.0.1 and a truststore holding it
        Path keystore = directory.resolve("server.p12");
        Path certificate = directory.resolve("server.crt");
        Path truststore = directory.resolve("trust.p12");
        keytool(
                "-genkeypair",
                "-alias",
                "salesbi",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-keypass",
                STORE_PASSWORD);
        keytool(
                "-exportcert",
                "-alias",
                "salesbi",
                "-keystore",
                keystore.toString(),
                "-storepass",
                STORE_PASSWORD,
                "-file",
                certificate.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "salesbi",
                "-file",
                certificate.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                truststore.toString(),
                "-storepass",
                STORE_PASSWORD);
        UserAccount anna = new UserAccount(
                "anna", PasswordHasher.hash("anna-secret".toCharArray(), 1_000), Set.of(UserAccount.ANALYST), Set.of());
        JdbcServerSettings settings =
                new JdbcServerSettings("127.0.0.1", 0, Map.of("anna", anna), false, keystore, STORE_PASSWORD);

        try (TestWarehouse warehouse = TestWarehouse.create(directory, "/server/warehouse-with-kpi-views.sql");
                JdbcServer server = JdbcServer.start(warehouse.connections(), settings)) {
            // then
            assertThat(server.url()).startsWith("jdbc:avatica:remote:url=https://127.0.0.1:");
            try (Connection connection = DriverManager.getConnection(server.url()
                            + ";authentication=BASIC;avatica_user=anna;avatica_password=anna-secret;truststore="
                            + truststore
                            + ";truststore_password=" + STORE_PASSWORD);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from kpi.market_share")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(3L);
            }
            // browsers are told to come back over https
            java.security.KeyStore trusted = java.security.KeyStore.getInstance("PKCS12");
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(truststore)) {
                trusted.load(in, STORE_PASSWORD.toCharArray());
            }
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            HttpResponse<String> health = HttpClient.newBuilder()
                    .sslContext(tls)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/health"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            assertThat(health.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
            URI plainHttp = URI.create("http://127.0.0.1:" + server.port() + "/health");
            assertThatThrownBy(() -> HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(plainHttp).GET().build(),
                                    HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class);
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
