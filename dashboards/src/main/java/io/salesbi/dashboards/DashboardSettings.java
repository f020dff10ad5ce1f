package io.salesbi.dashboards;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where the dashboards go, in which language, and the moment they claim to show.
 *
 * @param outDir      folder the pages are written into (created if missing)
 * @param locale      German (default when null) or English; anything else fails fast
 * @param generatedAt shown on every page; tests pass a fixed instant so pages are reproducible
 */
public record DashboardSettings(Path outDir, Locale locale, Instant generatedAt) {

    static final Set<String> SUPPORTED_LANGUAGES = Set.of("de", "en");

    public DashboardSettings {
        Objects.requireNonNull(outDir, "outDir");
        locale = locale == null ? Locale.GERMAN : locale;
        if (!SUPPORTED_LANGUAGES.contains(locale.getLanguage())) {
            throw new IllegalArgumentException(
                    "dashboard locale '" + locale + "' is not supported; expected one of " + SUPPORTED_LANGUAGES);
        }
        generatedAt = generatedAt == null ? Instant.now() : generatedAt;
    }
}
