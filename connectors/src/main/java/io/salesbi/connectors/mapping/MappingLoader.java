package io.salesbi.connectors.mapping;

import io.salesbi.connectors.yaml.YamlBinder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Loads and validates YAML mapping files. */
public final class MappingLoader {

    /** The classpath folder holding the default mappings shipped with the connectors. */
    public static final String BUNDLED_FOLDER = "mappings/";

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

    /**
     * Loads the default mappings bundled on the classpath under {@code mappings/}, one per inbox file type: every
     * {@code *.yaml} file of that folder, in file-name order, found by listing the folder (see {@link
     * #bundledFiles(ClassLoader)}), so that a bundled source is added by adding its mapping file and nothing else in Java.
     */
    public static List<SourceMapping> loadBundled() {
        List<SourceMapping> mappings = new ArrayList<>();
        ClassLoader loader = MappingLoader.class.getClassLoader();
        List<String> files = bundledFiles(loader);
        if (files.isEmpty()) {
            throw new IllegalStateException("No bundled mapping in classpath folder " + BUNDLED_FOLDER);
        }
        for (String file : files) {
            String resource = BUNDLED_FOLDER + file;
            URL url = loader.getResource(resource);
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

    /**
     * The file names of the {@code *.yaml} files directly in the classpath folder {@value #BUNDLED_FOLDER}, sorted,
     * from every classpath entry that has the folder: a directory (tests, an IDE) or a jar (the installation's
     * {@code lib/}); a jar is read through its {@link JarURLConnection}, which also serves a jar nested in another.
     */
    static List<String> bundledFiles(ClassLoader loader) {
        Set<String> files = new TreeSet<>();
        try {
            for (URL root : Collections.list(loader.getResources(BUNDLED_FOLDER))) {
                if ("file".equals(root.getProtocol())) {
                    try (Stream<Path> entries = Files.list(Path.of(root.toURI()))) {
                        entries.filter(Files::isRegularFile)
                                .map(f -> f.getFileName().toString())
                                .filter(MappingLoader::isBundledMapping)
                                .forEach(files::add);
                    }
                } else if (root.openConnection() instanceof JarURLConnection connection) {
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry entry : Collections.list(jar.entries())) {
                            String name = entry.getName();
                            if (name.startsWith(BUNDLED_FOLDER)
                                    && name.indexOf('/', BUNDLED_FOLDER.length()) < 0
                                    && isBundledMapping(name.substring(BUNDLED_FOLDER.length()))) {
                                files.add(name.substring(BUNDLED_FOLDER.length()));
                            }
                        }
                    }
                } else {
                    throw new IllegalStateException(
                            "Bundled mappings in " + root + " cannot be listed: neither a " + "folder nor a jar");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Bundled mappings in classpath folder " + BUNDLED_FOLDER + " cannot be listed", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(
                    "Bundled mappings in classpath folder " + BUNDLED_FOLDER + " cannot be listed", e);
        }
        return List.copyOf(files);
    }

    private static boolean isBundledMapping(String fileName) {
        return fileName.endsWith(".yaml") && !fileName.startsWith(".");
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
