package io.salesbi.pipeline.privacy;

import io.salesbi.connectors.read.FileRejectedException;
import io.salesbi.connectors.read.FileScanner;
import io.salesbi.connectors.read.SampleCell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps an erased person out of the files a night keeps: in a delivered file moved to the archive or the error folder,
 * every row holding an identifier on the suppression list has all its cells replaced by {@value #TOKEN} (rows and
 * columns stay, so the row numbers of the other rows, their lineage in the warehouse, still hold). The load keeps the
 * fingerprint of the file as delivered, so the same delivery again is recognised as already loaded.
 */
public final class SuppressedRowsScrub {

    public static final String TOKEN = "suppressed";

    private SuppressedRowsScrub() {}

    /** Blanks the suppressed rows of {@code file} in place; returns how many rows were blanked. */
    public static int scrub(Path file, Suppression suppression) throws IOException {
        if (suppression.isEmpty() || !FileSearch.scanned(file)) {
            return 0;
        }
        List<FileSearch.RowMatch> rows = new ArrayList<>();
        FileScanner.Scanned how;
        try {
            how = new FileScanner().scan(file, (sheet, number, cells) -> {
                if (listed(suppression, cells)) {
                    Map<Integer, String> all = new LinkedHashMap<>();
                    for (int c = 0; c < cells.size(); c++) {
                        if (!cells.get(c).isBlank()) {
                            all.put(c, cells.get(c).text());
                        }
                    }
                    rows.add(new FileSearch.RowMatch(
                            sheet, number, Hit.ROW, all, new TreeSet<>(all.keySet()), Set.of()));
                }
            });
        } catch (FileRejectedException e) {
            return 0;
        }
        if (rows.isEmpty()) {
            return 0;
        }
        Path temp = file.resolveSibling("." + file.getFileName() + ".scrubbing");
        Erasure.rewrite(new FileSearch.FileRows("", file, file.getFileName().toString(), how, rows), temp, TOKEN, null);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return rows.size();
    }

    private static boolean listed(Suppression suppression, List<SampleCell> cells) {
        for (int c = 0; c < cells.size(); c++) {
            String text = cells.get(c).text();
            if (text.isBlank()) {
                continue;
            }
            if (suppression.listedAsAnything(text)) {
                return true;
            }
            if (c + 1 < cells.size()
                    && !cells.get(c + 1).isBlank()
                    && suppression.listed("name", text + " " + cells.get(c + 1).text())) {
                return true;
            }
        }
        return false;
    }
}
