package io.salesbi.server;

import io.salesbi.sql.RegionScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletRequestWrapper;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the rendered dashboards under {@value JdbcServerSettings#DASHBOARDS_PATH} to logged-in users through
 * Jetty's {@link ResourceHandler}: GET and HEAD of the regular files in one folder (a folder's {@value #WELCOME_FILE}
 * for the folder itself), with content type, length, Last-Modified, conditional requests and ranges as Jetty
 * answers them. No directory listing, no hidden files, no {@code ..} (Jetty refuses a path that climbs out with 400
 * before any handler sees it), and no alias: a symbolic link or any other path whose real file differs from the path
 * asked for is not served (Jetty's alias check without a context admits none). Runs behind the BASIC login and
 * {@link AuthenticatedUserHandler}, so with anonymous access allowed the pages are open to anonymous readers too,
 * like the kpi schema.
 *
 * <p>A regional manager gets the regional page set of their regions instead: {@code /dashboards/} of such a user is
 * the folder {@code regions/<RegionScope#folderName()>/} the night renders with the same row policies as the
 * {@link RegionRowFilter} that scopes the user's JDBC queries; nothing outside it (neither the full set nor another
 * region's) is reachable for them, because their path is always taken below that folder. Without such a folder (a
 * region no golden customer is in, or no night since the account was added) they are refused (403) with the
 * reason: failing closed, like the filter.
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
    private final ResourceHandler files = new ResourceHandler();

    DashboardHandler(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        files.setBaseResource(Resource.newResource(realPath(this.folder)));
        files.setDirectoriesListed(false);
        files.setDirAllowed(false);
        files.setWelcomeFiles(new String[0]);
        files.setEtags(true);
        // a new night replaces the pages under the same names
        files.setCacheControl("no-cache");
        files.setMimeTypes(new Utf8MimeTypes());
        addBean(files);
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
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
        String pageSet = "";
        if (RegionRowFilter.isRestricted(user)) {
            RegionScope scope = RegionScope.of(user.regions());
            pageSet = RegionScope.PAGE_SETS_FOLDER + "/" + scope.folderName() + "/";
            Path root = folder.resolve(pageSet);
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
        String file = fileOf(pageSet, target.substring(PREFIX.length()));
        if (file != null && isFolder(file) && !target.endsWith("/")) {
            // relative links of the folder's pages must resolve inside it
            response.sendRedirect(target + "/");
            return;
        }
        if (file != null) {
            // the resource handler answers only a request no handler has taken, and takes it when it has the file
            baseRequest.setHandled(false);
            files.handle(target, baseRequest, new PathInFolder(request, file), response);
        }
        if (file == null || !baseRequest.isHandled()) {
            baseRequest.setHandled(true);
            LOG.debug("dashboards user={} path={} not found", user.name(), target);
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        LOG.debug("dashboards user={} path={} served {}", user.name(), target, file);
    }

    /**
     * The path, below the dashboards folder, of the file a request path below {@value
     * JdbcServerSettings#DASHBOARDS_PATH} asks for ({@code pageSet}: a regional manager's folder, or empty): a
     * folder ({@link #isFolder}: empty, or ending with {@code /}, also when it exists as a folder) stands for its
     * {@value #WELCOME_FILE}; {@code null} for a path that must not be served (a hidden segment, {@code ..}, a
     * backslash, a colon or a NUL). Whether the file exists, is regular and is no alias, Jetty decides.
     */
    String fileOf(String pageSet, String relative) {
        if (relative.indexOf('\\') >= 0 || relative.indexOf('\0') >= 0 || relative.indexOf(':') >= 0) {
            return null;
        }
        for (String segment : relative.split("/")) {
            if (segment.startsWith(".")) {
                // "..", "." and hidden files alike
                return null;
            }
        }
        String path = pageSet + relative;
        return !isFolder(path) && Files.isDirectory(folder.resolve(path)) ? path + "/" : path;
    }

    /** Whether {@link #fileOf} names a folder: the dashboards folder itself, or a path ending with {@code /}. */
    static boolean isFolder(String file) {
        return file.isEmpty() || file.endsWith("/");
    }

    /** The dashboards folder with symbolic links in it resolved, so that its own path is no alias of its files. */
    private static Path realPath(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return folder;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(folder));
        } catch (IOException e) {
            return folder;
        }
    }

    /** The request as the resource handler reads it: the file's path below the dashboards folder. */
    private static final class PathInFolder extends HttpServletRequestWrapper {

        private final String path;

        PathInFolder(HttpServletRequest request, String file) {
            super(request);
            this.path = "/" + (isFolder(file) ? file + WELCOME_FILE : file);
        }

        @Override
        public String getServletPath() {
            return "";
        }

        @Override
        public String getPathInfo() {
            return path;
        }
    }

    /** Jetty's types by extension, text types in UTF-8 (the night writes every page and script in it). */
    static final class Utf8MimeTypes extends MimeTypes {

        @Override
        public String getMimeByExtension(String fileName) {
            String type = super.getMimeByExtension(fileName.toLowerCase(Locale.ROOT));
            if (type == null) {
                return "application/octet-stream";
            }
            boolean text = type.startsWith("text/") || UTF8_TYPES.contains(type);
            return text && !type.contains("charset")
                    ? type + ";charset=" + StandardCharsets.UTF_8.name().toLowerCase(Locale.ROOT)
                    : type;
        }
    }
}
