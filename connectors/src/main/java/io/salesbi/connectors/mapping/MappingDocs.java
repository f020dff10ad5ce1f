package io.salesbi.connectors.mapping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The part of {@code docs/inbox-formats.md} that describes every bundled source, generated from the mapping files
 * (their leading comment, their keys and fields), so that a new source is documented by its mapping alone. The part
 * sits between {@link #BEGIN} and {@link #END}; {@code InboxFormatsDocsTest} fails while it differs from the mappings
 * and rewrites it with {@code -Dinboxdocs.update=true}.
 */
public final class MappingDocs {

    public static final String BEGIN =
            "<!-- generated from connectors/src/main/resources/mappings by io.salesbi.connectors.mapping.MappingDocs;"
                    + " do not edit: InboxFormatsDocsTest -Dinboxdocs.update=true rewrites it -->";
    public static final String END = "<!-- end of the part generated from the mappings -->";

    private MappingDocs() {}

    /** The document with its generated part replaced by the one of the bundled mappings. */
    public static String replaceGenerated(String document) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("The document has no part between " + BEGIN + " and " + END);
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + render() + document.substring(end);
    }

    /** The description of every bundled mapping, in file-name order. */
    public static String render() {
        ClassLoader loader = MappingDocs.class.getClassLoader();
        StringBuilder md = new StringBuilder();
        for (String file : MappingLoader.bundledFiles(loader)) {
            String resource = MappingLoader.BUNDLED_FOLDER + file;
            String text = read(loader, resource);
            SourceMapping mapping = MappingLoader.parse(
                    "classpath:" + resource, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            render(md, file, description(text), mapping);
        }
        return md.toString();
    }

    private static void render(StringBuilder md, String file, String description, SourceMapping mapping) {
        md.append("\n### ")
                .append(mapping.inbox())
                .append(": `")
                .append(mapping.filePattern())
                .append("` → `")
                .append(mapping.target())
                .append("`\n\n");
        if (!description.isEmpty()) {
            md.append(description).append("\n\n");
        }
        md.append("Mapping [`").append(mapping.name()).append("`](../connectors/src/main/resources/mappings/");
        md.append(file).append("): ").append(howRead(mapping)).append(".\n\n");
        md.append("| column | field | type | required | how |\n|---|---|---|---|---|\n");
        for (FieldMapping field : mapping.fields()) {
            md.append("| ")
                    .append(columnText(field))
                    .append(" | ")
                    .append(field.input() ? "(input) " + field.field() : field.field())
                    .append(" | ")
                    .append(field.type().name().toLowerCase(Locale.ROOT))
                    .append(" | ")
                    .append(field.required() ? "yes" : "")
                    .append(" | ")
                    .append(how(field))
                    .append(" |\n");
        }
        if (mapping.dropRowsWhere() != null) {
            md.append("\nRows where `").append(cell(mapping.dropRowsWhere())).append("` are dropped (filtered).\n");
        }
    }

    private static String howRead(SourceMapping mapping) {
        List<String> parts = new ArrayList<>();
        parts.add(
                mapping.format() == null
                        ? "format from the file extension"
                        : mapping.format().name().toLowerCase(Locale.ROOT));
        if (mapping.sheetName() != null) {
            parts.add("sheet `" + mapping.sheetName() + "`");
        } else if (mapping.sheetIndex() != null && mapping.sheetIndex() > 0) {
            parts.add("sheet " + (mapping.sheetIndex() + 1));
        }
        parts.add(mapping.headerRow() == null ? "header row detected" : "header in row " + mapping.headerRow());
        boolean excel = mapping.format() == SourceMapping.FileFormat.XLSX
                || mapping.format() == SourceMapping.FileFormat.XLS
                || mapping.sheetName() != null
                || mapping.filePattern().toLowerCase(Locale.ROOT).contains(".xls");
        if (!excel) {
            parts.add(
                    mapping.encoding() == null
                            ? "encoding detected"
                            : "encoding " + mapping.encoding().name());
            parts.add(
                    mapping.delimiter() == null
                            ? "delimiter detected"
                            : "delimiter `" + (mapping.delimiter() == '\t' ? "tab" : mapping.delimiter()) + "`");
        }
        if (mapping.locale() != null) {
            parts.add("locale " + mapping.locale().toLanguageTag());
        }
        if (mapping.unknownColumns() != null) {
            parts.add("unknown columns: " + mapping.unknownColumns().name().toLowerCase(Locale.ROOT));
        }
        parts.add(String.format(
                Locale.ROOT,
                "a file with more than %s %% of its rows rejected is rejected",
                trimZeros(mapping.maxRejectRatio() * 100)));
        return String.join(", ", parts);
    }

    private static String columnText(FieldMapping field) {
        if (field.column() == null) {
            return "";
        }
        String text = "`" + cell(field.column()) + "`";
        if (!field.aliases().isEmpty()) {
            text += " (also "
                    + field.aliases().stream().map(a -> "`" + cell(a) + "`").collect(Collectors.joining(", ")) + ")";
        }
        return text;
    }

    private static String how(FieldMapping field) {
        List<String> parts = new ArrayList<>();
        if (field.value() != null) {
            parts.add("constant `" + cell(field.value()) + "`");
        }
        if (field.expression() != null) {
            parts.add("computed: `" + cell(field.expression()) + "`");
        }
        if (field.format() != null) {
            parts.add("format `" + cell(field.format()) + "`");
        }
        if (field.defaultValue() != null) {
            parts.add("empty: `" + cell(field.defaultValue()) + "`");
        }
        if (!field.valueMap().isEmpty()) {
            parts.add("values "
                    + field.valueMap().entrySet().stream()
                            .map(MappingDocs::mapEntry)
                            .collect(Collectors.joining(", ")));
            parts.add(
                    switch (field.otherwise().action()) {
                        case QUARANTINE -> "others quarantined";
                        case KEEP -> "others kept";
                        case FIXED -> "others become `" + cell(field.otherwise().fixedValue()) + "`";
                    });
        }
        return String.join("; ", parts);
    }

    private static String mapEntry(Map.Entry<String, String> entry) {
        return "`" + cell(entry.getKey()) + "` → `" + cell(entry.getValue()) + "`";
    }

    /** The mapping's leading comment, without the schema line, as one paragraph. */
    static String description(String yaml) {
        List<String> lines = new ArrayList<>();
        for (String line : yaml.lines().toList()) {
            if (!line.startsWith("#")) {
                break;
            }
            String text = line.substring(1).strip();
            if (!text.startsWith("yaml-language-server:") && !text.isEmpty()) {
                lines.add(text);
            }
        }
        return String.join(" ", lines);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String trimZeros(double value) {
        return value == Math.rint(value)
                ? String.valueOf((long) value)
                : String.valueOf(value).replaceAll("0+$", "");
    }

    private static String read(ClassLoader loader, String resource) {
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Bundled mapping " + resource + " is missing from the classpath");
        }
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Bundled mapping " + resource + " cannot be read", e);
        }
    }
}
