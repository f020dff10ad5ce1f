package io.salesbi.pipeline.privacy;

import io.salesbi.connectors.read.FileRejectedException;
import io.salesbi.connectors.read.FileScanner;
import io.salesbi.connectors.read.SampleCell;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds a person in the delivered files an installation keeps: the archive (loaded files) and the error folder
 * (rejected files), CSV and xlsx, read with the connectors' own parsers. A row is the person's when a cell is one of
 * their identifiers (or two neighbouring cells are their first and last name, or a cell equals a value the warehouse
 * holds of them); a cell that only mentions them is a text hit.
 */
final class FileSearch {

    /** The rows of one file that hold the person, with the cells that are theirs. */
    record FileRows(String place, Path file, String location, FileScanner.Scanned how, List<RowMatch> rows) {}

    /**
     * @param cells    the row's non-blank cells by 0-based column
     * @param personal the columns whose cell is an identifier of the person (replaced by an erasure)
     * @param mentions the columns whose cell mentions the person in free text (the mention is replaced)
     */
    record RowMatch(
            String sheet,
            long row,
            String match,
            Map<Integer, String> cells,
            Set<Integer> personal,
            Set<Integer> mentions) {}

    private final Path home;

    FileSearch(Path home) {
        this.home = home;
    }

    /**
     * Every kept file holding the person; {@code known} are further values the warehouse holds of them (a phone as
     * written, a first name) that make a cell of one of their rows theirs. Files that cannot be read are reported in
     * {@code problems}.
     */
    List<FileRows> find(Map<String, Path> folders, Person person, Set<String> known, List<String> problems)
            throws IOException {
        Set<String> knownNames = new TreeSet<>();
        known.forEach(k -> {
            String n = Identifiers.name(k);
            if (n != null) {
                knownNames.add(n);
            }
        });
        List<FileRows> found = new ArrayList<>();
        for (Map.Entry<String, Path> folder : folders.entrySet()) {
            if (!Files.isDirectory(folder.getValue())) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder.getValue())) {
                files = walk.filter(Files::isRegularFile)
                        .filter(FileSearch::scanned)
                        .sorted()
                        .toList();
            }
            for (Path file : files) {
                List<RowMatch> rows = new ArrayList<>();
                FileScanner.Scanned how;
                try {
                    how = new FileScanner().scan(file, (sheet, number, cells) -> {
                        RowMatch m = match(person, knownNames, sheet, number, cells);
                        if (m != null) {
                            rows.add(m);
                        }
                    });
                } catch (FileRejectedException e) {
                    problems.add(
                            location(file) + " could not be read (" + e.reasonCode() + "); look through it by hand");
                    continue;
                }
                if (!rows.isEmpty()) {
                    found.add(new FileRows(folder.getKey(), file, location(file), how, List.copyOf(rows)));
                }
            }
        }
        return found;
    }

    static boolean scanned(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".")
                && (name.endsWith(".csv") || name.endsWith(".xlsx") || name.endsWith(".xls"))
                && !name.endsWith(".reason.txt");
    }

    private static RowMatch match(
            Person person, Set<String> knownNames, String sheet, long number, List<SampleCell> cells) {
        Set<Integer> personal = new TreeSet<>();
        Set<Integer> mentions = new TreeSet<>();
        for (int c = 0; c < cells.size(); c++) {
            String text = cells.get(c).text();
            if (text.isBlank()) {
                continue;
            }
            if (person.isIdentifier(text)) {
                personal.add(c);
            } else if (person.name() != null
                    && c + 1 < cells.size()
                    && person.name()
                            .equals(Identifiers.name(
                                    text + " " + cells.get(c + 1).text()))) {
                personal.add(c);
                personal.add(c + 1);
            } else if (person.mentionedIn(text)) {
                mentions.add(c);
            }
        }
        if (personal.isEmpty() && mentions.isEmpty()) {
            return null;
        }
        Map<Integer, String> all = new LinkedHashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            if (!cells.get(c).isBlank()) {
                all.put(c, cells.get(c).text());
            }
        }
        if (!personal.isEmpty()) {
            // the person's row: what else in it the warehouse knows to be theirs is theirs too
            all.forEach((c, text) -> {
                if (knownNames.contains(Identifiers.name(text))) {
                    personal.add(c);
                }
            });
            mentions.removeAll(personal);
        }
        return new RowMatch(sheet, number, personal.isEmpty() ? Hit.TEXT : Hit.ROW, all, personal, mentions);
    }

    String location(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path h = home.toAbsolutePath().normalize();
        return (abs.startsWith(h) ? h.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** The report's hits of one file: for a row of the person the whole row, for a mention the mentioning cells. */
    static List<Hit> hits(FileRows f) {
        List<Hit> hits = new ArrayList<>();
        for (RowMatch m : f.rows()) {
            Map<String, String> values = new LinkedHashMap<>();
            m.cells().forEach((c, text) -> {
                if (m.match().equals(Hit.ROW) || m.mentions().contains(c)) {
                    values.put("column " + (c + 1), text);
                }
            });
            hits.add(new Hit(f.place(), f.location(), null, m.sheet(), m.row(), m.match(), values));
        }
        return hits;
    }
}
