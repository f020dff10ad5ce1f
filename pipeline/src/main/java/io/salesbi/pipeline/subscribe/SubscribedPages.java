package io.salesbi.pipeline.subscribe;

import io.salesbi.dashboards.DashboardPages;
import io.salesbi.pipeline.config.SalesbiSettings.UserConfig;
import io.salesbi.server.UserAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which page files a subscriber receives: the one place that knows where a user's pages are.
 *
 * <p>Users who see every region get the night's pages from the dashboards folder. Regional managers must receive only
 * their regions' pages; the night does not render regional page sets yet (the served pages show every region and
 * refuse regional managers with 403), so they are sent nothing, and the delivery is recorded as skipped with the
 * reason. Once the night renders a page set per region into a sub-folder of the dashboards folder, {@link #lookup}
 * returns that sub-folder (and its path below the base URL) for a regional manager; nothing else changes.
 */
final class SubscribedPages {

    static final String REGIONAL_NOT_YET = "regional managers receive only their regions' pages, and the night renders "
            + "no regional page sets yet: nothing is sent";

    private final Path dashboards;

    SubscribedPages(Path dashboards) {
        this.dashboards = dashboards;
    }

    /** One page of a subscription: its key, the file to attach and its path below the base URL. */
    record PageFile(String key, Path file, String urlPath) {}

    /**
     * The pages to send, or none and why ({@code skipReason}); {@code missing} names subscribed pages the folder
     * lacks (sent without them).
     */
    record PageSet(List<PageFile> pages, List<String> missing, String skipReason) {

        static PageSet skip(String reason) {
            return new PageSet(List.of(), List.of(), reason);
        }

        boolean skipped() {
            return skipReason != null;
        }
    }

    /** The pages of {@code login}'s subscription as the folder holds them now. */
    PageSet lookup(String login, UserConfig user) {
        if (user.roles().contains(UserAccount.REGIONAL_MANAGER)) {
            return PageSet.skip(REGIONAL_NOT_YET);
        }
        return pagesIn(dashboards, "", user.subscription().pages());
    }

    private static PageSet pagesIn(Path folder, String urlPrefix, List<String> keys) {
        List<PageFile> pages = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            String name = DashboardPages.fileName(key);
            Path file = folder.resolve(name);
            if (Files.isRegularFile(file)) {
                pages.add(new PageFile(key, file, urlPrefix + name));
            } else {
                missing.add(name);
            }
        }
        if (pages.isEmpty()) {
            return PageSet.skip("none of the subscribed pages is in " + folder + " (missing: " + missing + ")");
        }
        return new PageSet(List.copyOf(pages), List.copyOf(missing), null);
    }
}
