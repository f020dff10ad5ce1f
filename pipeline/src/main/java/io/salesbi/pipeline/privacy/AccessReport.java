package io.salesbi.pipeline.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an installation holds of one person (GDPR Art. 15), place by place: warehouse relations with the file,
 * sheet and row each row came from, and the archived and rejected files with sheet and row.
 *
 * @param request    the identifiers searched for, normalised
 * @param generated  when the report was made (ISO local date-time)
 * @param people     the distinct e-mail addresses of the rows found; more than one when a name or phone is shared
 * @param hits       every place found
 * @param problems   what could not be searched (an unreadable file)
 */
public record AccessReport(
        Person request, String generated, List<String> people, List<Hit> hits, List<String> problems) {

    /** Whether the identifiers given found rows of more than one person (e.g. two people of that name). */
    public boolean ambiguous() {
        return people.size() > 1;
    }

    /** Hits per place and location, for a summary: {@code raw.crm_contact -> 2}. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        hits.forEach(h -> counts.merge(h.place() + " " + h.location(), 1, Integer::sum));
        return counts;
    }

    /** Writes {@code <base>.json} and {@code <base>.md} into {@code dir}; returns both files. */
    public List<Path> write(Path dir, String base) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(base + ".json");
        Path md = dir.resolve(base + ".md");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), this);
        Files.writeString(md, markdown());
        return List.of(json, md);
    }

    /** The report for a reader: one table per place. */
    public String markdown() {
        StringBuilder s = new StringBuilder("# Personal data held about the requested person\n\n");
        s.append("Searched for: ");
        StringBuilder ids = new StringBuilder();
        if (request.email() != null) {
            ids.append("e-mail `").append(request.email()).append('`');
        }
        if (request.name() != null) {
            ids.append(ids.isEmpty() ? "" : ", ")
                    .append("name `")
                    .append(request.name())
                    .append('`');
        }
        if (request.phone() != null) {
            ids.append(ids.isEmpty() ? "" : ", ")
                    .append("phone (digits) `")
                    .append(request.phone())
                    .append('`');
        }
        s.append(ids)
                .append(" (compared normalised: e-mail in lower case, phone as digits, name in lower case "
                        + "without accents).\n\nGenerated ")
                .append(generated)
                .append(".\n\n");
        if (hits.isEmpty()) {
            s.append("**Nothing is held about this person** in the warehouse, the archive or the error folder.\n");
        } else {
            s.append(hits.size()).append(" places hold data of this person");
            if (ambiguous()) {
                s.append("; **the identifiers match ")
                        .append(people.size())
                        .append(" different e-mail addresses** (")
                        .append(String.join(", ", people))
                        .append("): they may be different people");
            }
            s.append(
                    ".\n\n| place | where | source file | sheet | row | found as | values |\n|---|---|---|---|---|---|---|\n");
            for (Hit h : hits) {
                s.append("| ")
                        .append(h.place())
                        .append(" | `")
                        .append(h.location())
                        .append("` | ")
                        .append(cell(h.sourceFile()))
                        .append(" | ")
                        .append(cell(h.sheet()))
                        .append(" | ")
                        .append(h.row() == null ? "" : h.row())
                        .append(" | ")
                        .append(h.match())
                        .append(" | ");
                StringBuilder v = new StringBuilder();
                h.values()
                        .forEach((k, val) -> v.append(v.isEmpty() ? "" : "; ")
                                .append(k)
                                .append(": ")
                                .append(val));
                s.append(cell(v.toString())).append(" |\n");
            }
            s.append("\nfound as: *row* — the row is this person's (an e-mail, phone or name in it is theirs); "
                    + "*text* — free text mentions them; *linked* — the row holds the id of one of their rows "
                    + "(activities of a contact).\n");
        }
        if (!problems.isEmpty()) {
            s.append("\n## Not searched\n\n");
            problems.forEach(p -> s.append("- ").append(p).append('\n'));
        }
        return s.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
