package io.salesbi.connectors.mapping;

import io.salesbi.connectors.yaml.YamlBinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Loads and validates YAML mapping files. */
public final class MappingLoader {

    /** The classpath folder holding the default mappings shipped with the connectors. */
    public static final String BUNDLED_FOLDER = "mappings/";

    /** The bundled mapping files; a list because a jar cannot be listed portably. */
    static final List<String> BUNDLED_FILES = List.of(
            "crm_accounts.yaml",
            "crm_contacts.yaml",
            "crm_activities.yaml",
            "crm_opportunities.yaml",
            "erp_debtors.yaml",
            "erp_products.yaml",
            "erp_order_lines.yaml",
            "erp_credit_notes.yaml",
            "erp_fx_rates.yaml",
            "sales_rep_lists.yaml",
            "market_study.yaml",
            "channel_costs.yaml",
            "service_drivers.yaml",
            "survey.yaml",
            "crm_opportunity_history.yaml",
            "sales_plan.yaml");

    private MappingLoader() {}

    /** Loads one mapping file; a bad file gives an {@link IllegalArgumentException} naming the file and the problem. */
    public static SourceMapping load(Path yamlFile) {
        return load(yamlFile, null);
    }

    /** Loads one mapping file, checking its target and fields against {@code schema} (null: unchecked). */
    public static SourceMapping load(Path yamlFile, TargetSchema schema) {
        try (InputStream in = Files.newInputStream(yamlFile)) {
            return parse(yamlFile.toString(), in, schema);
        } catch (IOException e) {
            throw new MappingException(
                    yamlFile.toString(), List.of(yamlFile + ":0:0: cannot be read: " + e.getMessage()));
        }
    }

    /**
     * Loads every {@code *.yaml} / {@code *.yml} file of a folder, sorted by file name; names must be unique. Any
     * problem in any file fails the whole load, with every problem of every file in one {@link MappingException}.
     */
    public static List<SourceMapping> loadAll(Path dir) {
        MappingSet set = loadEach(dir, null);
        if (!set.broken().isEmpty()) {
            throw new MappingException(
                    dir.toString(),
                    set.broken().stream().flatMap(e -> e.problems().stream()).toList());
        }
        return set.mappings();
    }

    /**
     * Loads every mapping file of a folder that can be loaded, and says what is wrong with the others: a broken
     * mapping takes only its own source out of the night.
     */
    public static MappingSet loadEach(Path dir, TargetSchema schema) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Mapping folder " + dir + " does not exist or is not a folder");
        }
        List<SourceMapping> mappings = new ArrayList<>();
        List<MappingException> broken = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> yamlFiles = files.filter(f -> f.getFileName().toString().matches("(?i).*\\.ya?ml"))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
            Map<String, Path> byName = new HashMap<>();
            for (Path file : yamlFiles) {
                try {
                    SourceMapping mapping = load(file, schema);
                    Path earlier = byName.putIfAbsent(mapping.name(), file);
                    if (earlier != null) {
                        broken.add(new MappingException(
                                file.toString(),
                                List.of(file + ":1:1: name '" + mapping.name() + "' is already used by "
                                        + earlier.getFileName() + "; names must be unique")));
                    } else {
                        mappings.add(mapping);
                    }
                } catch (MappingException e) {
                    broken.add(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Mapping folder " + dir + " cannot be listed", e);
        }
        return new MappingSet(List.copyOf(mappings), List.copyOf(broken));
    }

    /** The mappings that could be loaded, and the files that could not, each with all its problems. */
    public record MappingSet(List<SourceMapping> mappings, List<MappingException> broken) {}

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
        return parse(origin, yaml, null);
    }

    /** Parses one mapping, checking its target and fields against {@code schema} (null: unchecked). */
    public static SourceMapping parse(String origin, InputStream yaml, TargetSchema schema) {
        String text;
        try {
            text = new String(yaml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MappingException(origin, List.of(origin + ":0:0: cannot be read: " + e.getMessage()));
        }
        return new MappingFileParser(YamlBinder.bind(origin, text, MappingFile.class), schema).parse();
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
