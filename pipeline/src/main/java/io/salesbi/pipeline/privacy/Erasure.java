package io.salesbi.pipeline.privacy;

import io.salesbi.connectors.mapping.SourceMapping.FileFormat;
import io.salesbi.sql.PersonalColumn.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases a person (GDPR Art. 17) so that it lasts: every value of theirs in the warehouse relations the catalogue
 * declares is replaced by a pseudonym that says nothing ({@code erased-<id>}), the ids that tie their activities
 * together by a pseudonym of their own (so touchpoint counts stay), mentions in free text (remarks, quarantined values,
 * match evidence) are cut out; the archived and error files holding them are rewritten and their new sha-256 recorded
 * where the old one was (ops.file_load, the raw rows' lineage, the reason files), so "already loaded" compares
 * against what the archive holds; the keyed hashes of the identifiers given go on the suppression list, so the next
 * delivery of the same export does not bring the person back; and the erasure is recorded in ops.privacy_audit
 * without the erased data. Business rows stay: an order line keeps its amount, a contact row its account. The
 * installation's own records in schema ops (the JDBC endpoint's audit trail, whose user names are staff) are found by
 * the access report but not changed: they are kept until retention purges them.
 */
public final class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    /** What an erasure changed, without the erased data. */
    public record Outcome(String erasureId, long warehouseValues, int filesRewritten, Map<String, Long> places) {}

    private final Path warehouseFile;

    /** Whether an erasure leaves the relation {@code schema.relation} as it is: the ops records (the audit trail). */
    public static boolean keeps(String relation) {
        return relation.startsWith(PersonalRelation.KEPT_SCHEMA + ".");
    }

    public Erasure(Path warehouseFile) {
        this.warehouseFile = warehouseFile;
    }

    public Outcome erase(Connection conn, PersonalDataSearch.Result found, String requestedBy)
            throws SQLException, IOException {
        Person person = found.report().request();
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        String token = "erased-" + id;
        Pattern mention = mentionPattern(person, found.known());
        PrivacyKey key = PrivacyKey.loadOrCreate(warehouseFile);

        // files first, into temporary copies: nothing is replaced until the warehouse has committed
        Map<String, Long> places = new LinkedHashMap<>();
        List<Rewritten> rewritten = new ArrayList<>();
        for (FileSearch.FileRows f : found.files()) {
            Path temp = f.file().resolveSibling("." + f.file().getFileName() + ".erasing");
            rewrite(f, temp, token, mention);
            rewritten.add(new Rewritten(f.file(), temp, sha256(f.file()), sha256(temp)));
            places.merge(f.place() + " files", 1L, Long::sum);
        }
        long values = 0;
        boolean auto = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            for (PersonalRelation r : found.relations()) {
                if (!r.table() || r.kept()) {
                    continue; // a view follows its tables; the audit trail is kept (PersonalRelation.KEPT_SCHEMA)
                }
                long n = 0;
                String rowCond = r.rowCondition(person);
                if (rowCond != null) {
                    String set = r.identifying().stream()
                            .map(c -> PersonalRelation.q(c) + " = case when " + PersonalRelation.q(c)
                                    + " is null then null else " + PersonalRelation.lit(token) + " end")
                            .collect(Collectors.joining(", "));
                    n += st.executeUpdate("update " + r.qualified() + " set " + set + " where " + rowCond);
                }
                for (String b : r.columns(Category.BEHAVIOUR)) {
                    Set<String> ids = found.ids().get(b);
                    if (ids == null || ids.isEmpty()) {
                        continue;
                    }
                    StringBuilder cases = new StringBuilder("case " + PersonalRelation.q(b));
                    int k = 0;
                    for (String old : ids) {
                        cases.append(" when ")
                                .append(PersonalRelation.lit(old))
                                .append(" then ")
                                .append(PersonalRelation.lit(token + "-" + (++k)));
                    }
                    cases.append(" end");
                    n += st.executeUpdate("update " + r.qualified() + " set " + PersonalRelation.q(b) + " = " + cases
                            + " where " + PersonalRelation.q(b) + " in ("
                            + ids.stream().map(PersonalRelation::lit).collect(Collectors.joining(", ")) + ")");
                }
                for (String text : r.columns(Category.FREE_TEXT)) {
                    String cond = PersonalRelation.mentionCondition(text, person);
                    if (cond == null) {
                        continue;
                    }
                    String col = PersonalRelation.q(text);
                    if (mention != null) {
                        n += st.executeUpdate("update " + r.qualified() + " set " + col + " = regexp_replace(" + col
                                + ", " + PersonalRelation.lit(mention.pattern()) + ", " + PersonalRelation.lit(token)
                                + ", 'gi') where " + cond);
                    }
                    // a mention the pattern did not catch (written with accents, say): the whole text goes
                    n += st.executeUpdate("update " + r.qualified() + " set " + col + " = "
                            + PersonalRelation.lit(token) + " where " + cond);
                }
                if (n > 0) {
                    places.merge(r.qualified(), n, Long::sum);
                    values += n;
                }
            }
            for (Rewritten f : rewritten) {
                recordNewHash(conn, f.oldHash(), f.newHash());
            }
            try (PreparedStatement ps = conn.prepareStatement("insert into ops.privacy_suppression "
                    + "(identifier_hash, kind, erasure_id, added_at) values (?, ?, ?, ?) on conflict do nothing")) {
                Timestamp now = Timestamp.valueOf(LocalDateTime.now());
                for (String[] kindValue :
                        new String[][] {{"email", person.email()}, {"name", person.name()}, {"phone", person.phone()}
                        }) {
                    if (kindValue[1] != null) {
                        ps.setString(1, key.hash(kindValue[0], kindValue[1]));
                        ps.setString(2, kindValue[0]);
                        ps.setString(3, id);
                        ps.setTimestamp(4, now);
                        ps.executeUpdate();
                    }
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("insert into ops.privacy_audit (erasure_id, erased_at, "
                    + "requested_by, identifier_kinds, warehouse_values, files_rewritten, places) "
                    + "values (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now()));
                ps.setString(3, requestedBy);
                ps.setString(4, person.kinds());
                ps.setLong(5, values);
                ps.setLong(6, rewritten.size());
                ps.setString(
                        7,
                        places.entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue())
                                .collect(Collectors.joining("; ")));
                ps.executeUpdate();
            }
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            for (Rewritten f : rewritten) {
                Files.deleteIfExists(f.temp());
            }
            throw e;
        } finally {
            conn.setAutoCommit(auto);
        }
        for (Rewritten f : rewritten) {
            Files.move(f.temp(), f.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Path reason = f.file().resolveSibling(f.file().getFileName() + ".reason.txt");
            if (Files.isRegularFile(reason)) {
                Files.writeString(reason, Files.readString(reason).replace(f.oldHash(), f.newHash()));
            }
        }
        log.info("Erasure {}: {} warehouse values and {} files changed", id, values, rewritten.size());
        return new Outcome(id, values, rewritten.size(), places);
    }

    private record Rewritten(Path file, Path temp, String oldHash, String newHash) {}

    /** The file's loads and the lineage of its rows now name the rewritten file's hash. */
    private static void recordNewHash(Connection conn, String oldHash, String newHash) throws SQLException {
        try (PreparedStatement ps =
                conn.prepareStatement("update ops.file_load set file_hash = ? where file_hash = ?")) {
            ps.setString(1, newHash);
            ps.setString(2, oldHash);
            ps.executeUpdate();
        }
        List<String> tables = new ArrayList<>();
        try (Statement st = conn.createStatement();
                ResultSet rs = st.executeQuery("""
                select c.table_schema || '.' || c.table_name from information_schema.columns c
                join information_schema.tables t using (table_catalog, table_schema, table_name)
                where c.column_name = '_file_hash' and t.table_type = 'BASE TABLE'
                  and c.table_catalog = current_database() order by 1""")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            try (PreparedStatement ps =
                    conn.prepareStatement("update " + table + " set _file_hash = ? where _file_hash = ?")) {
                ps.setString(1, newHash);
                ps.setString(2, oldHash);
                ps.executeUpdate();
            }
        }
    }

    /**
     * A case-insensitive pattern (RE2 and java.util.regex alike) of the person's identifiers and the values the
     * warehouse holds of them, longest first: e-mails literally, names with any blanks between their words, phones
     * with any separators between their digits. Null when there is nothing to look for.
     */
    static Pattern mentionPattern(Person person, Set<String> known) {
        Set<String> literals = new LinkedHashSet<>();
        if (person.email() != null) {
            literals.add(Pattern.quote(person.email()));
        }
        List<String> values = new ArrayList<>(known);
        if (person.name() != null) {
            values.add(person.name());
        }
        if (person.phone() != null) {
            values.add(person.phone());
        }
        for (String v : values) {
            String s = v.strip();
            if (s.length() < 3) {
                continue;
            }
            String digits = Identifiers.phone(s);
            if (s.matches("[0-9+()/ .\\-]+")
                    && digits != null
                    && digits.length() >= Identifiers.MIN_PHONE_DIGITS_IN_TEXT) {
                literals.add(digits.chars()
                        .mapToObj(c -> String.valueOf((char) c))
                        .collect(Collectors.joining("[^0-9A-Za-z]{0,3}")));
            } else if (s.contains("@")) {
                literals.add(Pattern.quote(s.toLowerCase(java.util.Locale.ROOT)));
            } else {
                literals.add(java.util.Arrays.stream(s.split("\\s+"))
                        .map(Pattern::quote)
                        .collect(Collectors.joining("\\s+")));
            }
        }
        if (literals.isEmpty()) {
            return null;
        }
        return Pattern.compile(
                literals.stream()
                        .sorted(Comparator.comparingInt(String::length).reversed())
                        .collect(Collectors.joining("|")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String scrub(String text, String token, Pattern mention) {
        return mention == null ? token : mention.matcher(text).replaceAll(Matcher.quoteReplacement(token));
    }

    static void rewrite(FileSearch.FileRows f, Path temp, String token, Pattern mention) throws IOException {
        if (f.how().format() == FileFormat.CSV) {
            rewriteCsv(f, temp, token, mention);
        } else {
            rewriteXlsx(f, temp, token, mention);
        }
    }

    private static void rewriteCsv(FileSearch.FileRows f, Path temp, String token, Pattern mention) throws IOException {
        Charset charset = f.how().charset();
        String text = new String(Files.readAllBytes(f.file()), charset);
        List<String> lines = new ArrayList<>(List.of(text.split("(?<=\n)", -1)));
        for (FileSearch.RowMatch m : f.rows()) {
            int index = (int) m.row() - 1;
            if (index < 0 || index >= lines.size()) {
                continue;
            }
            String line = lines.get(index);
            if (m.personal().containsAll(m.cells().keySet()) && f.how().delimiter() != null) {
                // the whole row goes: every cell becomes the token, the columns stay
                int last = m.cells().keySet().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(0);
                String end = line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
                StringBuilder blank = new StringBuilder();
                for (int c = 0; c <= last; c++) {
                    blank.append(c == 0 ? "" : f.how().delimiter())
                            .append(m.cells().containsKey(c) ? token : "");
                }
                lines.set(index, blank + end);
                continue;
            }
            char delimiter = f.how().delimiter() == null ? ',' : f.how().delimiter();
            for (Map.Entry<Integer, String> cell : m.cells().entrySet()) {
                if (m.personal().contains(cell.getKey())) {
                    line = replaceField(line, delimiter, cell.getValue(), token);
                } else if (m.mentions().contains(cell.getKey())) {
                    line = replaceField(line, delimiter, cell.getValue(), scrub(cell.getValue(), token, mention));
                }
            }
            lines.set(index, line);
        }
        Files.write(temp, String.join("", lines).getBytes(charset));
    }

    /**
     * {@code line} with every whole field holding {@code value} (quoted or not) replaced by {@code replacement}: a
     * value that is part of another field (a first name inside an e-mail address) is left alone.
     */
    static String replaceField(String line, char delimiter, String value, String replacement) {
        String d = Pattern.quote(String.valueOf(delimiter));
        Pattern field = Pattern.compile("(^|" + d + ")(\"?)" + Pattern.quote(value) + "\\2(?=" + d + "|\r?\n|$)");
        return field.matcher(line)
                .replaceAll(r -> Matcher.quoteReplacement(r.group(1) + r.group(2) + replacement + r.group(2)));
    }

    private static void rewriteXlsx(FileSearch.FileRows f, Path temp, String token, Pattern mention)
            throws IOException {
        DataFormatter format = new DataFormatter();
        try (InputStream in = Files.newInputStream(f.file());
                XSSFWorkbook book = new XSSFWorkbook(in)) {
            for (FileSearch.RowMatch m : f.rows()) {
                Sheet sheet = book.getSheet(m.sheet());
                Row row = sheet == null ? null : sheet.getRow((int) m.row() - 1);
                if (row == null) {
                    continue;
                }
                for (int c : m.personal()) {
                    Cell cell = row.getCell(c);
                    if (cell != null) {
                        cell.setCellValue(token);
                    }
                }
                for (int c : m.mentions()) {
                    Cell cell = row.getCell(c);
                    if (cell != null) {
                        cell.setCellValue(scrub(format.formatCellValue(cell), token, mention));
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(temp)) {
                book.write(out);
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
