package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which paths below /dashboards/ the handler hands to Jetty's resource handler, and as which file, independent of
 * Jetty's own URI checks (DashboardServingIT shows what Jetty then answers: aliases, missing files, listings).
 */
class DashboardHandlerTest {

    @TempDir
    Path directory;

    @Test
    void handsOnlyVisiblePathsBelowTheUsersSetToJetty() throws Exception {
        Path pages = Files.createDirectories(directory.resolve("dashboards"));
        Files.writeString(pages.resolve("index.html"), "overview");
        Files.createDirectories(pages.resolve("archive"));
        Files.createDirectories(pages.resolve("regions/nord"));
        DashboardHandler handler = new DashboardHandler(pages);

        assertThat(handler.fileOf("", "index.html")).isEqualTo("index.html");
        assertThat(handler.fileOf("", "archive/2025.html")).isEqualTo("archive/2025.html");
        // folders stand for their index.html; one asked for without its slash is redirected first
        assertThat(handler.fileOf("", "")).isEmpty();
        assertThat(handler.fileOf("", "archive")).isEqualTo("archive/");
        assertThat(handler.fileOf("", "archive/")).isEqualTo("archive/");
        assertThat(DashboardHandler.isFolder("archive/")).isTrue();
        assertThat(DashboardHandler.isFolder("")).isTrue();
        assertThat(DashboardHandler.isFolder("index.html")).isFalse();
        // a regional manager's path is always below their set
        assertThat(handler.fileOf("regions/nord/", "")).isEqualTo("regions/nord/");
        assertThat(handler.fileOf("regions/nord/", "customers.html")).isEqualTo("regions/nord/customers.html");
        assertThat(handler.fileOf("regions/nord/", "regions/sued/index.html"))
                .isEqualTo("regions/nord/regions/sued/index.html");
        // never handed on
        assertThat(handler.fileOf("", "../secret.txt")).isNull();
        assertThat(handler.fileOf("", "archive/../../secret.txt")).isNull();
        assertThat(handler.fileOf("", "archive/../index.html")).isNull();
        assertThat(handler.fileOf("regions/nord/", "../sued/index.html")).isNull();
        assertThat(handler.fileOf("", "..\\secret.txt")).isNull();
        assertThat(handler.fileOf("", "c:/secret.txt")).isNull();
        assertThat(handler.fileOf("", ".hidden")).isNull();
        assertThat(handler.fileOf("", "archive/.hidden/index.html")).isNull();
    }

    @Test
    void textTypesAreUtf8AndUnknownTypesAreOctetStreams() {
        DashboardHandler.Utf8MimeTypes types = new DashboardHandler.Utf8MimeTypes();

        assertThat(types.getMimeByExtension("index.html")).isEqualTo("text/html;charset=utf-8");
        assertThat(types.getMimeByExtension("REPORT.HTML")).isEqualTo("text/html;charset=utf-8");
        assertThat(types.getMimeByExtension("style.css")).isEqualTo("text/css;charset=utf-8");
        assertThat(types.getMimeByExtension("echarts.js")).isEqualTo("application/javascript;charset=utf-8");
        assertThat(types.getMimeByExtension("data.json")).isEqualTo("application/json;charset=utf-8");
        assertThat(types.getMimeByExtension("logo.png")).isEqualTo("image/png");
        assertThat(types.getMimeByExtension("customers.xlsx")).isEqualTo("application/octet-stream");
    }
}
