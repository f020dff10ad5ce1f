package io.salesbi.pipeline.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.salesbi.pipeline.cli.SalesbiCommand;
import io.salesbi.pipeline.warehouse.Warehouse;
import io.salesbi.server.PasswordHasher;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salesbi serve} with {@code server.keystore} in salesbi.yaml: HTTPS only, the keystore's password taken from
 * the environment variable the file names, and a clear refusal (exit 2, naming the variable) when it is unset.
 */
class ServeTlsIT {

    private static final String STORE_PASSWORD = "store-secret";

    @TempDir
    Path home;

    @Test
    void servesHttpsWithTheKeystoreOfTheSettingsFile() throws Exception {
        Path config = home.resolve("config");
        Files.createDirectories(config);
        Path keystore = config.resolve("salesbi.p12");
        Path truststore = home.resolve("trust.p12");
        selfSignedCertificate(keystore, truststore);
        Files.writeString(
                home.resolve("salesbi.yaml"), """
                server:
                  keystore: ./config/salesbi.p12
                  keystore-password-env: SALESBI_TEST_KEYSTORE_PASSWORD
                  users:
                    anna:
                      password-hash: "%s"
                      roles: [analyst]
                """.formatted(PasswordHasher.hash("anna-secret".toCharArray())));
        try (Warehouse warehouse = Warehouse.open(home.resolve("warehouse/salesbi.duckdb"))) {
            // an empty, migrated warehouse is enough to serve
        }

        // without the variable: exit 2 and the variable's name, before anything listens
        Path refusedLog = home.resolve("refused.log");
        Process refused = salesbi(refusedLog, null, "serve", "--home", home.toString(), "--no-schedule");
        assertThat(refused.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(refused.exitValue()).isEqualTo(2);
        assertThat(Files.readString(refusedLog))
                .contains("SALESBI_TEST_KEYSTORE_PASSWORD")
                .contains("salesbi.p12");

        int port = freePort();
        Path log = home.resolve("serve.log");
        Process server = salesbi(
                log,
                STORE_PASSWORD,
                "serve",
                "--home",
                home.toString(),
                "--port",
                Integer.toString(port),
                "--no-schedule");
        try {
            awaitLine(server, log, "JDBC URL:");
            assertThat(Files.readString(log)).contains("url=https://127.0.0.1:" + port);

            HttpClient https =
                    HttpClient.newBuilder().sslContext(trusting(truststore)).build();
            HttpResponse<String> health = https.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Strict-Transport-Security")).isPresent();

            Properties login = new Properties();
            login.setProperty("avatica_user", "anna");
            login.setProperty("avatica_password", "anna-secret");
            String url = "jdbc:avatica:remote:url=https://127.0.0.1:" + port
                    + ";serialization=protobuf;authentication=BASIC;truststore=" + truststore + ";truststore_password="
                    + STORE_PASSWORD;
            try (Connection connection = DriverManager.getConnection(url, login);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from kpi.channel_pnl_year")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isZero();
            }

            // plain HTTP on the same port is not served
            HttpClient plain = HttpClient.newHttpClient();
            boolean plainAnswered;
            try {
                HttpResponse<String> answer = plain.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                plainAnswered = answer.statusCode() == 200;
            } catch (IOException e) {
                plainAnswered = false;
            }
            assertThat(plainAnswered).as("plain HTTP /health answered 200").isFalse();
        } finally {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static void selfSignedCertificate(Path keystore, Path truststore) throws Exception {
        Path certificate = keystore.resolveSibling("salesbi.crt");
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
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    private static SSLContext trusting(Path truststore) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
            trust.load(in, STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** {@code salesbi ARGS} in its own JVM, the keystore password (or none) in its environment. */
    private static Process salesbi(Path log, String keystorePassword, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                SalesbiCommand.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("SALESBI_TEST_KEYSTORE_PASSWORD");
        if (keystorePassword != null) {
            builder.environment().put("SALESBI_TEST_KEYSTORE_PASSWORD", keystorePassword);
        }
        return builder.start();
    }

    private static void awaitLine(Process p, Path log, String marker) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains(marker)) {
                return;
            }
            assertThat(p.isAlive())
                    .as("server died before saying '%s':%n%s", marker, text)
                    .isTrue();
            Thread.sleep(50);
        }
        throw new ConnectException("server did not say '" + marker + "' within 120 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
