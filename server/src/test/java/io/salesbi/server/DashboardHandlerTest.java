package io.salesbi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which paths below /dashboards/ the handler resolves to a file, independent of Jetty's own URI checks. */
class DashboardHandlerTest {

    @TempDir
    Path directory;

    @Test
    void resolvesOnlyVisibleFilesAndFoldersInsideTheFolder() throws Exception {
        Path pages = Files.createDirectories(directory.resolve("dashboards"));
        Files.writeString(pages.resolve("index.html"), "overview");
        Files.writeString(pages.resolve(".hidden"), "hidden");
        Files.createDirectories(pages.resolve("archive"));
        Files.writeString(pages.resolve("archive/2025.html"), "last year");
        Files.writeString(directory.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(pages.resolve("link.html"), directory.resolve("secret.txt"));
        DashboardHandler handler = new DashboardHandler(pages);

        assertThat(handler.resolve("index.html"))
                .isEqualTo(pages.resolve("index.html").toRealPath());
        assertThat(handler.resolve("archive/2025.html"))
                .isEqualTo(pages.resolve("archive/2025.html").toRealPath());
        assertThat(handler.resolve("")).isEqualTo(pages.toRealPath());
        assertThat(handler.resolve("../secret.txt")).isNull();
        assertThat(handler.resolve("archive/../../secret.txt")).isNull();
        assertThat(handler.resolve("archive/../index.html")).isNull();
        assertThat(handler.resolve("..\\secret.txt")).isNull();
        assertThat(handler.resolve(".hidden")).isNull();
        assertThat(handler.resolve("link.html")).isNull();
        assertThat(handler.resolve("missing.html")).isNull();
    }

    @Test
    void textTypesAreUtf8AndUnknownTypesAreOctetStreams() {
        DashboardHandler handler = new DashboardHandler(directory);

        assertThat(handler.contentType("index.html")).isEqualTo("text/html;charset=utf-8");
        assertThat(handler.contentType("REPORT.HTML")).isEqualTo("text/html;charset=utf-8");
        assertThat(handler.contentType("echarts.js")).isEqualTo("application/javascript;charset=utf-8");
        assertThat(handler.contentType("data.json")).isEqualTo("application/json;charset=utf-8");
        assertThat(handler.contentType("logo.png")).isEqualTo("image/png");
        assertThat(handler.contentType("customers.xlsx")).isEqualTo("application/octet-stream");
    }
}
