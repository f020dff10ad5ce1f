package io.salesbi.connectors.draft;

import java.nio.file.Path;
import java.util.Locale;

/** The name and file pattern a drafted mapping proposes, derived from the sampled file's name. */
final class DraftNames {

    private DraftNames() {}

    /**
     * The file's name without its dates and trailing numbers: "erp_orders_20250101.csv" gives {@code erp_orders},
     * "Online Retail 3.csv" gives {@code online_retail}; a name must start with a letter.
     */
    static String mappingName(Path file) {
        String stem = stem(file.getFileName().toString())
                .replaceAll("[0-9]{6,}", "")
                .replaceAll("[0-9][0-9_\\-. ]*$", "")
                .toLowerCase(Locale.ROOT)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss");
        String name = stem.replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            return "drafted_mapping";
        }
        return Character.isLetter(name.charAt(0)) ? name : "m_" + name;
    }

    /**
     * The file's name with its dates or running numbers replaced by {@code *}, so that the next delivery matches:
     * "erp_orders_20250101_1200.csv" gives {@code erp_orders_*_*.csv}, "Online Retail 3.csv" gives
     * {@code Online Retail *.csv}, a name without digits gets {@code *} before its extension. Glob characters in the
     * name become {@code ?}.
     */
    static String filePattern(Path file) {
        String fileName = file.getFileName().toString();
        String stem = stem(fileName);
        String extension = fileName.substring(stem.length());
        String safe = stem.replaceAll("[*?\\[\\]{}\\\\]", "?");
        String dated = safe.replaceAll("[0-9]{6,}", "*");
        if (!dated.equals(safe)) {
            return dated + extension;
        }
        String base = safe.replaceAll("[0-9][0-9_\\-. ]*$", "");
        return (base.isEmpty() ? safe : base) + "*" + extension;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
