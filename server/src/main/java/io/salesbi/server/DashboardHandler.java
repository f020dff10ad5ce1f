package io.salesbi.server;

import io.salesbi.sql.RegionScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the rendered dashboards under {@value JdbcServerSettings#DASHBOARDS_PATH} to logged-in users: GET and HEAD
 * of the regular files in one folder (a folder's {@value #WELCOME_FILE} for the folder itself), nothing else. No
 * directory listing, no hidden files, no {@code ..}, and a file's real path (symbolic links resolved) must lie
 * inside the folder. Runs behind the BASIC login and {@link AuthenticatedUserHandler}, so with anonymous access
 * allowed the pages are open to anonymous readers too, like the kpi schema.
 *
 * <p>A regional manager gets the regional page set of their regions instead: {@code /dashboards/} of such a user is
 * the folder {@code regions/<RegionScope#folderName()>/} the night renders with the same row policies as the
 * {@link RegionRowFilter} that scopes the user's JDBC queries; nothing outside it (neither the full set nor another
 * region's) is reachable for them. Without such a folder (a region no golden customer is in, or no night since the
 * account was added) they are refused (403) with the reason: failing closed, like the filter.
 *
 * <p>Every other path falls through to the next handler (Avatica).
 */
final class DashboardHandler extends AbstractHandler {

    static final String WELCOME_FILE = "index.html";
    private static final String PREFIX = JdbcServerSettings.DASHBOARDS_PATH;
    private static final String ROOT = PREFIX.substring(0, PREFIX.length() - 1);
    private static final Set<String> UTF8_TYPES =
            Set.of("application/javascript", "application/json", "image/svg+xml", "text/javascript");
    private static final Logger LOG = LoggerFactory.getLogger(DashboardHandler.class);

    private final Path folder;
    private final MimeTypes mimeTypes = new MimeTypes();

    DashboardHandler(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!target.equals(ROOT) && !target.startsWith(PREFIX)) {
            return;
        }
        baseRequest.setHandled(true);
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader(HttpHeader.ALLOW.asString(), "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        UserAccount user = CurrentUser.require();
        Path root = folder;
        if (RegionRowFilter.isRestricted(user)) {
            RegionScope scope = RegionScope.of(user.regions());
            root = folder.resolve(RegionScope.PAGE_SETS_FOLDER).resolve(scope.folderName());
            if (!Files.isDirectory(root)) {
                LOG.info(
                        "dashboards user={} path={} refused: no regional page set {} for regions {}",
                        user.name(),
                        target,
                        root,
                        scope.regions());
                response.sendError(
                        HttpServletResponse.SC_FORBIDDEN,
                        "No dashboards for your regions " + scope.regions() + ": the night renders a page set for "
                                + "each regional manager's regions that golden customers are in, and none is "
                                + "there for these (an unknown region name, or no night since the account was "
                                + "added); regional managers see only their regions' pages");
                return;
            }
        }
        if (target.equals(ROOT)) {
            response.sendRedirect(PREFIX);
            return;
        }
        String relative = target.substring(PREFIX.length());
        Path file = resolve(root, relative);
        if (file != null && Files.isDirectory(file)) {
            if (!relative.isEmpty() && !relative.endsWith("/")) {
                // relative links of the folder's pages must resolve inside it
                response.sendRedirect(target + "/");
                return;
            }
            file = resolve(root, relative + WELCOME_FILE);
        }
        if (file == null || !Files.isRegularFile(file)) {
            LOG.debug("dashboards user={} path={} not found", user.name(), target);
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        send(file, "HEAD".equals(method), response);
        LOG.debug("dashboards user={} path={} served {}", user.name(), target, file);
    }

    /**
     * The file or folder a path below {@value JdbcServerSettings#DASHBOARDS_PATH} names, or {@code null} when it
     * does not exist or must not be served. The empty path is the folder itself.
     */
    Path resolve(String relative) throws IOException {
        return resolve(folder, relative);
    }

    /** As {@link #resolve(String)}, below {@code root}: the dashboards folder or a regional page set in it. */
    private static Path resolve(Path root, String relative) throws IOException {
        if (relative.indexOf('\\') >= 0 || relative.indexOf('\0') >= 0 || relative.indexOf(':') >= 0) {
            return null;
        }
        for (String segment : relative.split("/")) {
            if (segment.startsWith(".")) {
                // "..", "." and hidden files alike
                return null;
            }
        }
        Path candidate = root.resolve(relative).normalize();
        if (!candidate.startsWith(root) || !Files.exists(candidate)) {
            return null;
        }
        Path real = candidate.toRealPath();
        if (!real.startsWith(root.toRealPath())) {
            return null;
        }
        return Files.isRegularFile(real) || Files.isDirectory(real) ? real : null;
    }

    private void send(Path file, boolean headOnly, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType(file.getFileName().toString()));
        response.setContentLengthLong(Files.size(file));
        response.setDateHeader(
                HttpHeader.LAST_MODIFIED.asString(),
                Files.getLastModifiedTime(file).toMillis());
        // a new night replaces the pages under the same names
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!headOnly) {
            Files.copy(file, response.getOutputStream());
        }
    }

    String contentType(String fileName) {
        String type = mimeTypes.getMimeByExtension(fileName.toLowerCase(Locale.ROOT));
        if (type == null) {
            return "application/octet-stream";
        }
        boolean text = type.startsWith("text/") || UTF8_TYPES.contains(type);
        return text && !type.contains("charset")
                ? type + ";charset=" + StandardCharsets.UTF_8.name().toLowerCase(Locale.ROOT)
                : type;
    }
}
