package io.salesbi.connectors.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Loads and validates YAML mapping files. */
public final class MappingLoader {

    /** The classpath folder holding the default mappings shipped with the connectors. */
    public static final String BUNDLED_FOLDER = "mappings/";

    /** The bundled mapping files; a list because a jar cannot be listed portably. */
    static final List<String> BUNDLED_FILES = List.of(
            "crm_accounts.yaml", "crm_contacts.yaml", "crm_activities.yaml", "crm_opportunities.yaml",
            "erp_debtors.yaml", "erp_products.yaml", "erp_order_lines.yaml", "erp_credit_notes.yaml",
            "erp_fx_rates.yaml", "sales_rep_lists.yaml", "market_study.yaml", "channel_costs.yaml",
            "service_drivers.yaml", "survey.yaml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private MappingLoader() {
    }

    /** Loads one mapping file; a bad file gives an {@link IllegalArgumentException} naming the file and the problem. */
    public static SourceMapping load(Path yamlFile) {
        try (InputStream in = Files.newInputStream(yamlFile)) {
            return parse(yamlFile.toString(), in);
        } catch (IOException e) {
            throw new IllegalArgumentException("Mapping file " + yamlFile + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Loads every {@code *.yaml} / {@code *.yml} file of a folder, sorted by file name; names must be unique. */
    public static List<SourceMapping> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Mapping folder " + dir + " does not exist or is not a folder");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<SourceMapping> mappings = files
                    .filter(f -> f.getFileName().toString().matches("(?i).*\\.ya?ml"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .map(MappingLoader::load)
                    .toList();
            return checkUniqueNames(dir.toString(), mappings);
        } catch (IOException e) {
            throw new UncheckedIOException("Mapping folder " + dir + " cannot be listed", e);
        }
    }

    /** Loads the default mappings bundled on the classpath under {@code mappings/}, one per inbox file type. */
    public static List<SourceMapping> loadBundled() {
        List<SourceMapping> mappings = new ArrayList<>();
        for (String file : BUNDLED_FILES) {
            String resource = BUNDLED_FOLDER + file;
            URL url = MappingLoader.class.getClassLoader().getResource(resource);
            if (url == null) {
                throw new IllegalStateException("Bundled mapping " + resource + " is missing from the classpath");
            }
            try (InputStream in = url.openStream()) {
                mappings.add(parse("classpath:" + resource, in));
            } catch (IOException e) {
                throw new UncheckedIOException("Bundled mapping " + resource + " cannot be read", e);
            }
        }
        return checkUniqueNames("classpath:" + BUNDLED_FOLDER, mappings);
    }

    /** Parses one mapping from a stream; {@code origin} names the file in error messages. */
    public static SourceMapping parse(String origin, InputStream yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("Mapping file " + origin + " is not valid YAML: " + e.getMessage(), e);
        }
        return new MappingFileParser(origin).parse(root);
    }

    private static List<SourceMapping> checkUniqueNames(String origin, List<SourceMapping> mappings) {
        Set<String> names = new HashSet<>();
        for (SourceMapping mapping : mappings) {
            if (!names.add(mapping.name())) {
                throw new IllegalArgumentException("Mappings in " + origin + ": name '" + mapping.name()
                        + "' is used by more than one mapping file");
            }
        }
        return mappings;
    }
}
