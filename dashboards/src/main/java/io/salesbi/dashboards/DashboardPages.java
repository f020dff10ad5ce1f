package io.salesbi.dashboards;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * The pages a night renders, by key ({@code overview}, {@code channels}, ...), for readers outside the renderer: the
 * subscriptions that mail them name pages by these keys, attach the files and title them as the navigation does.
 */
public final class DashboardPages {

    private DashboardPages() {}

    /** Every page's key, in navigation order. */
    public static List<String> keys() {
        return Arrays.stream(Page.values()).map(Page::key).toList();
    }

    /** The file a page is written to in the dashboards folder, e.g. {@code channels.html}. */
    public static String fileName(String key) {
        return page(key).fileName;
    }

    /** The page's title in the navigation bar, in {@code locale} (de or en). */
    public static String title(String key, Locale locale) {
        return new Messages(locale).get("page." + page(key).key());
    }

    private static Page page(String key) {
        return Arrays.stream(Page.values())
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow(
                        () -> new NoSuchElementException("no dashboard page '" + key + "'; expected one of " + keys()));
    }
}
