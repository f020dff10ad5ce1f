package io.salesbi.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The dashboards folder served beside the JDBC endpoint: same login, static files only, nothing outside it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardServingIT {

    private static final int FAST_TEST_ITERATIONS = 1_000;
    private static final String OVERVIEW = "<!doctype html><title>Übersicht</title><p>overview</p>";
    private static final String SECRET = "outside the dashboards folder";
    private static final String NORD_OVERVIEW = "<!doctype html><title>Überblick Nord</title><p>Nord only</p>";
    private static final String NORD_CUSTOMERS = "<!doctype html><p>Müller Maschinenbau GmbH</p>";
    private static final String SUED_OVERVIEW = "<!doctype html><p>Süd only</p>";
    private static final String BOTH_OVERVIEW = "<!doctype html><p>Nord and Süd</p>";

    private TestWarehouse warehouse;
    private JdbcServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startServerOnAFolderOfPages(@TempDir Path directory) throws Exception {
        warehouse = TestWarehouse.create(directory, "/server/warehouse-with-kpi-views.sql");
        Path pages = Files.createDirectories(directory.resolve("dashboards"));
        Files.writeString(pages.resolve("index.html"), OVERVIEW, UTF_8);
        Files.writeString(pages.resolve("style.css"), "body { color: black }", UTF_8);
        Files.writeString(pages.resolve(".steward-notes.txt"), "hidden", UTF_8);
        Files.createDirectories(pages.resolve("empty-folder"));
        Files.writeString(directory.resolve("secret.txt"), SECRET, UTF_8);
        Files.createSymbolicLink(pages.resolve("link-to-secret.html"), directory.resolve("secret.txt"));
        // a link even to a page inside the folder is an alias Jetty does not serve
        Files.createSymbolicLink(pages.resolve("link-to-overview.html"), pages.resolve("index.html"));
        // the regional page sets the night renders (DashboardGenerator.generateRegional): regions/<folder>/
        Path nord = Files.createDirectories(pages.resolve("regions/nord"));
        Files.writeString(nord.resolve("index.html"), NORD_OVERVIEW, UTF_8);
        Files.writeString(nord.resolve("customers.html"), NORD_CUSTOMERS, UTF_8);
        Path sued = Files.createDirectories(pages.resolve("regions/sued"));
        Files.writeString(sued.resolve("index.html"), SUED_OVERVIEW, UTF_8);
        Path both = Files.createDirectories(pages.resolve("regions/nord_sued"));
        Files.writeString(both.resolve("index.html"), BOTH_OVERVIEW, UTF_8);
        Map<String, UserAccount> users = Map.of(
                "anna", account("anna", Set.of(UserAccount.ANALYST), Set.of()),
                "nora", account("nora", Set.of(UserAccount.REGIONAL_MANAGER), Set.of("Nord")),
                "sina", account("sina", Set.of(UserAccount.REGIONAL_MANAGER), Set.of("Süd")),
                "udo", account("udo", Set.of(UserAccount.REGIONAL_MANAGER), Set.of("Nrod")),
                "mia", account("mia", Set.of(UserAccount.REGIONAL_MANAGER), Set.of("Süd", "Nord")));
        server = JdbcServer.start(
                warehouse.connections(),
                JdbcServerSettings.localhost(0, users).withDashboards(pages),
                warehouse.policies());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        warehouse.close();
    }

    @Test
    void theOverviewIsServedAsUtf8HtmlWithLogin() throws Exception {
        HttpResponse<String> overview = get("/dashboards/", "anna", "anna-secret");

        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).isEqualTo(OVERVIEW);
        assertThat(overview.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(overview.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get("/dashboards/index.html", "anna", "anna-secret").body()).isEqualTo(OVERVIEW);
    }

    @Test
    void otherFilesCarryTheirContentType() throws Exception {
        HttpResponse<String> css = get("/dashboards/style.css", "anna", "anna-secret");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css;charset=utf-8");
    }

    @Test
    void theFolderWithoutSlashIsRedirectedToIt() throws Exception {
        HttpResponse<String> bare = get("/dashboards", "anna", "anna-secret");

        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/dashboards/"));
    }

    @Test
    void withoutOrWithWrongCredentialsNothingIsServed() throws Exception {
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(uri("/dashboards/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongPassword = get("/dashboards/", "anna", "wrong");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("basic realm=\"salesbi\"");
        assertThat(anonymous.body()).doesNotContain("overview");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).doesNotContain("overview");
    }

    @Test
    void aRegionalManagerGetsTheirRegionsPageSetAndNothingElse() throws Exception {
        // /dashboards/ of a regional manager is their regions' set
        assertThat(get("/dashboards/", "nora", "nora-secret").body()).isEqualTo(NORD_OVERVIEW);
        assertThat(get("/dashboards/index.html", "nora", "nora-secret").body()).isEqualTo(NORD_OVERVIEW);
        HttpResponse<String> customers = get("/dashboards/customers.html", "nora", "nora-secret");
        assertThat(customers.statusCode()).isEqualTo(200);
        assertThat(customers.body()).isEqualTo(NORD_CUSTOMERS);
        assertThat(get("/dashboards/", "sina", "sina-secret").body()).isEqualTo(SUED_OVERVIEW);
        // a manager of two regions gets the one set of both (the night renders it as regions/nord_sued)
        assertThat(get("/dashboards/", "mia", "mia-secret").body()).isEqualTo(BOTH_OVERVIEW);

        // neither another region's set nor the full set is reachable from it
        assertThat(get("/dashboards/regions/sued/index.html", "nora", "nora-secret")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/dashboards/regions/nord/index.html", "nora", "nora-secret")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/dashboards/style.css", "nora", "nora-secret").statusCode())
                .isEqualTo(404);
        assertThat(get("/dashboards/customers.html", "sina", "sina-secret").statusCode())
                .isEqualTo(404);

        // roles that see every row see every set, the full one at the top
        assertThat(get("/dashboards/", "anna", "anna-secret").body()).isEqualTo(OVERVIEW);
        assertThat(get("/dashboards/regions/sued/", "anna", "anna-secret").body())
                .isEqualTo(SUED_OVERVIEW);
    }

    @Test
    void aRegionalManagerOfARegionWithoutAPageSetIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> refused = get("/dashboards/", "udo", "udo-secret");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .contains("No dashboards for your regions [Nrod]")
                .doesNotContain("<p>overview")
                .doesNotContain("Nord only")
                .doesNotContain("Süd only");
    }

    @Test
    void nothingOutsideTheFolderNorHiddenNorAListingIsServed() throws Exception {
        Map<String, Integer> statusByPath = new java.util.LinkedHashMap<>();
        for (String path : new String[] {
            "/dashboards/../secret.txt",
            "/dashboards/%2e%2e/secret.txt",
            "/dashboards/..%2fsecret.txt",
            "/dashboards/link-to-secret.html",
            "/dashboards/link-to-overview.html",
            "/dashboards/INDEX.HTML",
            "/dashboards/.steward-notes.txt",
            "/dashboards/empty-folder/",
            "/dashboards/missing.html"
        }) {
            HttpResponse<String> response = get(path, "anna", "anna-secret");

            statusByPath.put(path, response.statusCode());
            assertThat(response.body())
                    .as(path)
                    .doesNotContain(SECRET)
                    .doesNotContain("hidden")
                    .doesNotContain("index.html")
                    .doesNotContain("<p>overview");
        }
        // Jetty itself refuses paths that climb out (400); the handler answers 404 for everything it will not serve
        assertThat(statusByPath)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "/dashboards/../secret.txt",
                        400,
                        "/dashboards/%2e%2e/secret.txt",
                        400,
                        "/dashboards/..%2fsecret.txt",
                        400,
                        "/dashboards/link-to-secret.html",
                        404,
                        "/dashboards/link-to-overview.html",
                        404,
                        "/dashboards/INDEX.HTML",
                        404,
                        "/dashboards/.steward-notes.txt",
                        404,
                        "/dashboards/empty-folder/",
                        404,
                        "/dashboards/missing.html",
                        404));
    }

    @Test
    void jettyAnswersConditionalRequestsAndRangesOfAPage() throws Exception {
        HttpResponse<String> first = get("/dashboards/index.html", "anna", "anna-secret");
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> unchanged = http.send(
                HttpRequest.newBuilder(uri("/dashboards/index.html"))
                        .header("Authorization", basic("anna", "anna-secret"))
                        .header("If-None-Match", etag)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> since = http.send(
                HttpRequest.newBuilder(uri("/dashboards/index.html"))
                        .header("Authorization", basic("anna", "anna-secret"))
                        .header("If-Modified-Since", lastModified)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> range = http.send(
                HttpRequest.newBuilder(uri("/dashboards/index.html"))
                        .header("Authorization", basic("anna", "anna-secret"))
                        .header("Range", "bytes=0-14")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(since.statusCode()).isEqualTo(304);
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("<!doctype html>");
        // a regional manager's conditional request is still answered from their own set only
        assertThat(http.send(
                                HttpRequest.newBuilder(uri("/dashboards/regions/sued/index.html"))
                                        .header("Authorization", basic("nora", "nora-secret"))
                                        .header("If-Modified-Since", lastModified)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void onlyGetAndHeadAreAnswered() throws Exception {
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(uri("/dashboards/index.html"))
                        .header("Authorization", basic("anna", "anna-secret"))
                        .POST(HttpRequest.BodyPublishers.ofString("x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> head = http.send(
                HttpRequest.newBuilder(uri("/dashboards/index.html"))
                        .header("Authorization", basic("anna", "anna-secret"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(OVERVIEW.getBytes(UTF_8).length);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void jdbcStillAnswersBesideTheDashboards() throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        server.url() + ";authentication=BASIC;avatica_user=anna;avatica_password=anna-secret");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from kpi.market_share")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(3L);
        }
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                http.send(HttpRequest.newBuilder(uri("/health")).GET().build(), HttpResponse.BodyHandlers.ofString()),
                http.send(
                        HttpRequest.newBuilder(uri("/dashboards/")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()),
                get("/dashboards/", "anna", "wrong"),
                get("/dashboards/", "anna", "anna-secret"),
                get("/dashboards/no-such-page.html", "anna", "anna-secret"),
                get("/dashboards/", "udo", "udo-secret"),
                http.send(
                        HttpRequest.newBuilder(uri("/"))
                                .header("Authorization", basic("anna", "anna-secret"))
                                .POST(HttpRequest.BodyPublishers.ofString("not protobuf"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 401, 401, 200, 404, 403, 500);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors 'none'");
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            // HSTS only over TLS (TlsIT)
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).isEmpty();
        });
    }

    private HttpResponse<String> get(String path, String user, String password)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Authorization", basic(user, password))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
    }

    private static UserAccount account(String name, Set<String> roles, Set<String> regions) {
        return new UserAccount(
                name, PasswordHasher.hash((name + "-secret").toCharArray(), FAST_TEST_ITERATIONS), roles, regions);
    }
}
