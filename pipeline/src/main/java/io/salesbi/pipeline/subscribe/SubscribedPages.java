package io.salesbi.pipeline.subscribe;

import io.salesbi.dashboards.DashboardPages;
import io.salesbi.pipeline.config.SalesbiSettings.UserConfig;
import io.salesbi.server.UserAccount;
import io.salesbi.sql.RegionScope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which page files a subscriber receives: the one place that knows where a user's pages are.
 *
 * <p>Users who see every region get the night's pages from the dashboards folder. Regional managers receive only
 * their regions' page set, which the night renders into {@code regions/<folder>/} of the dashboards folder (the
 * folder {@link RegionScope#folderName()} names, the one {@code serve} gives them too); links point below the base
 * URL's {@code regions/<folder>/}. A manager without regions, or whose set the night did not render (no golden
 * customer in those regions), is sent nothing, and the delivery is recorded as skipped with the reason.
 */
final class SubscribedPages {

    static final String REGIONAL_WITHOUT_REGIONS =
            "a regional manager without regions in salesbi.yaml sees no region's pages: nothing is sent";

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
            if (user.regions() == null || user.regions().isEmpty()) {
                return PageSet.skip(REGIONAL_WITHOUT_REGIONS);
            }
            String folder = RegionScope.of(user.regions()).folderName();
            Path set = dashboards.resolve(RegionScope.PAGE_SETS_FOLDER).resolve(folder);
            if (!Files.isDirectory(set)) {
                return PageSet.skip("the night rendered no page set for the regions " + user.regions() + " of " + login
                        + " (no folder " + set + "; regions without golden customers are not rendered)");
            }
            return pagesIn(
                    set,
                    RegionScope.PAGE_SETS_FOLDER + "/" + folder + "/",
                    user.subscription().pages());
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
