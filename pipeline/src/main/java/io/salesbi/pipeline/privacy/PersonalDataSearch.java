package io.salesbi.pipeline.privacy;

import io.salesbi.sql.PersonalColumn.Category;
import io.salesbi.sql.PersonalColumn.Mask;
import io.salesbi.sql.PersonalDataCatalogue;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds a person everywhere an installation keeps personal data, driven by the catalogue of personal data: every
 * relation it declares personal columns for, and the archive and error folders. What {@code salesbi privacy export}
 * reports and {@code salesbi privacy erase} erases.
 */
public final class PersonalDataSearch {

    /** What was found: the report, and what an erasure needs to change it. */
    public record Result(
            AccessReport report,
            List<PersonalRelation> relations,
            Map<String, Set<String>> ids,
            List<FileSearch.FileRows> files,
            Set<String> known) {}

    private final Path home;
    private final Map<String, Path> folders;

    /** @param archive the archive folder, @param error the error folder (both searched, by those place names) */
    public PersonalDataSearch(Path home, Path archive, Path error) {
        this.home = home;
        this.folders = new LinkedHashMap<>();
        folders.put("archive", archive);
        folders.put("error", error);
    }

    public Result find(Connection conn, Person person) throws SQLException, IOException {
        List<PersonalRelation> relations = PersonalRelation.of(conn, PersonalDataCatalogue.warehouse());
        WarehouseSearch.Found warehouse = new WarehouseSearch(conn, relations).find(person);
        Set<String> people = new TreeSet<>();
        Set<String> known = new LinkedHashSet<>();
        Map<String, PersonalRelation> byName = new LinkedHashMap<>();
        relations.forEach(r -> byName.put(r.qualified(), r));
        for (Hit h : warehouse.hits()) {
            if (!h.match().equals(Hit.ROW)) {
                continue;
            }
            PersonalRelation r = byName.get(h.location());
            for (String c : r.masked(Mask.EMAIL)) {
                String e = Identifiers.email(h.values().get(c));
                if (e != null) {
                    people.add(e);
                }
            }
            for (String c : r.identifying()) {
                boolean identifier = r.masked(Mask.EMAIL).contains(c)
                        || r.masked(Mask.PHONE).contains(c)
                        || r.columns(Category.NAME).contains(c);
                if (identifier && h.values().get(c) != null) {
                    known.add(h.values().get(c));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        List<FileSearch.FileRows> files = new FileSearch(home).find(folders, person, known, problems);
        List<Hit> hits = new ArrayList<>(warehouse.hits());
        files.forEach(f -> hits.addAll(FileSearch.hits(f)));
        if (person.email() != null) {
            people.clear();
            people.add(person.email());
        }
        AccessReport report = new AccessReport(
                person,
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                List.copyOf(people),
                List.copyOf(hits),
                List.copyOf(problems));
        return new Result(report, relations, warehouse.ids(), files, known);
    }
}
